package org.iep.core.pseudonym;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.iep.api.Problem;
import org.iep.api.directory.InstitutionId;
import org.iep.api.pseudonym.PseudonymLink;
import org.iep.api.pseudonym.PseudonymisationProfile;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.deid.DeidResult;
import org.iep.dicom.deid.Deidentifier;
import org.iep.dicom.deid.Pseudonyms;
import org.iep.dicom.io.DicomFile;

/**
 * One profile of one institution, ready to write pseudonymised instances: the de-identification engine with the
 * keyed pseudonyms of that (institution, profile). Thread-safe.
 */
public final class InstancePseudonymiser {
    private static final int BURNED_IN = 0x00280301;

    private final InstitutionId institution;
    private final PseudonymisationProfile profile;
    private final Deidentifier deidentifier;
    private final Pseudonyms pseudonyms;

    InstancePseudonymiser(InstitutionId institution, PseudonymisationProfile profile, Pseudonyms pseudonyms) {
        this.institution = institution;
        this.profile = profile;
        this.pseudonyms = pseudonyms;
        this.deidentifier = new Deidentifier(Profiles.deidProfile(profile), pseudonyms);
    }

    public String profileName() {
        return profile.name();
    }

    /**
     * Writes the pseudonymised form of the Part 10 stream {@code in} to {@code out}; returns the header as written
     * and whom its pseudonym stands for. An instance flagged Burned In Annotation is refused before anything is
     * written unless the profile accepts it.
     */
    public Written write(InputStream in, OutputStream out, Instant now) {
        PseudonymLink[] link = new PseudonymLink[1];
        DeidResult r = deidentifier.deidentify(in, out, original -> {
            refuseBurnedIn(original);
            link[0] = linkOf(original, now);
        });
        return new Written(r.header(), link[0]);
    }

    /** What {@link #write} wrote (its header, never an original) and the link back to the patient. */
    public record Written(DicomFile header, PseudonymLink link) {
    }

    /** The data set as it would be stored: what checks before an upload compare (patients, UIDs). */
    public Attributes pseudonymised(Attributes original) {
        return deidentifier.deidentify(original);
    }

    /** Why {@code original} would be refused, if it would. */
    public List<Problem> problems(Attributes original) {
        return burnedIn(original) && !profile.acceptBurnedIn()
                ? List.of(new Problem("pixels", "may show the patient's identity (Burned In Annotation), which the '"
                        + profile.name() + "' profile does not accept"))
                : List.of();
    }

    private void refuseBurnedIn(Attributes original) {
        if (burnedIn(original) && !profile.acceptBurnedIn()) {
            throw new BurnedInAnnotationException(profile.name());
        }
    }

    private PseudonymLink linkOf(Attributes original, Instant now) {
        String patientId = text(original, Tags.PatientID);
        return new PseudonymLink(institution, profile.name(), pseudonyms.patientId(patientId), patientId,
                text(original, Tags.PatientName), text(original, Tags.PatientBirthDate), now);
    }

    private static boolean burnedIn(Attributes ds) {
        return "YES".equalsIgnoreCase(text(ds, BURNED_IN));
    }

    private static String text(Attributes ds, int tag) {
        String s = ds.getString(tag);
        return s == null ? "" : s.strip();
    }
}
