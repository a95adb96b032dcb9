package org.iep.api.pseudonym;

import java.time.Instant;
import java.util.Objects;
import org.iep.api.directory.InstitutionId;

/**
 * Which patient a pseudonym stands for, under one profile of one institution: what re-identification answers.
 * Written when the first pseudonymised instance of the patient is stored; never changes afterwards.
 *
 * @param pseudonym   the Patient ID the pseudonymised instances carry
 * @param patientName DICOM PN as in the original data set
 * @param birthDate   DICOM DA or empty
 */
public record PseudonymLink(InstitutionId institution, String profile, String pseudonym, String patientId,
                            String patientName, String birthDate, Instant firstSeen) {
    public PseudonymLink {
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(patientName, "patientName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }

    @Override
    public String toString() {
        // identifies a patient: never in logs by accident
        return "PseudonymLink[" + institution + "/" + profile + "/" + pseudonym + ", patient redacted]";
    }
}
