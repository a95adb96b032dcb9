package org.iep.core.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;
import org.iep.api.NotFoundException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.patient.Patient;
import org.iep.api.patient.PatientIdentifier;
import org.iep.api.patient.Sex;
import org.iep.api.pseudonym.PseudonymLink;
import org.iep.api.pseudonym.PseudonymisationProfile;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.KeyPurpose;
import org.iep.api.spi.PseudonymStore;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.StaffAccess;
import org.iep.dicom.deid.DeidOption;
import org.iep.dicom.deid.Pseudonyms;

/**
 * The institution's pseudonymisation profiles at work. A transaction that names a profile gets an
 * {@link InstancePseudonymiser} whose keys are derived from the deployment's {@link KeyPurpose#PSEUDONYMS} key for
 * that institution and profile: stable as long as the key is, so the same patient has the same pseudonym in every
 * study and year, while two profiles (or two institutions) give unrelated ones. Re-identification answers the
 * institution's administrators only; every attempt is audited. Thread-safe.
 */
public final class Pseudonymisation {
    private final DirectoryStore directory;
    private final PseudonymStore links;
    private final KeyProvider keys;
    private final StaffAccess staff;
    private final Auditor auditor;
    private final Clock clock;
    private final Map<String, Pseudonyms> pseudonyms = new ConcurrentHashMap<>();

    public Pseudonymisation(DirectoryStore directory, PseudonymStore links, KeyProvider keys, StaffAccess staff,
                            Auditor auditor, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.links = Objects.requireNonNull(links, "links");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.staff = Objects.requireNonNull(staff, "staff");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How {@code t}'s instances are to be written: pseudonymised by its profile, or as they come (empty). */
    public Optional<InstancePseudonymiser> of(Transaction t) {
        if (t.pseudonymisation().isEmpty()) {
            return Optional.empty();
        }
        Institution origin = directory.institution(t.origin()).orElseThrow(() -> new NotFoundException(
                "Institution " + t.origin()));
        PseudonymisationProfile profile = origin.policies().profile(t.pseudonymisation()).orElseThrow(() ->
                new ConflictException(CoreErrorCode.PSEUDONYMISATION_PROFILE_UNKNOWN, "Transaction " + t.tracking()
                        + " is pseudonymised with profile '" + t.pseudonymisation() + "', which its institution no"
                        + " longer has; no image is taken until an administrator restores it."));
        return Optional.of(new InstancePseudonymiser(origin.id(), profile, pseudonymsOf(origin.id(), profile.name())));
    }

    /**
     * The patient a transaction pseudonymised with {@code profile} shows instead of {@code original}: the same
     * pseudonym as its instances carry, no name, address or NHS number, and of the birth date only the year (as
     * 1 January), the sex only where the profile retains patient characteristics.
     */
    public Patient pseudonymousPatient(InstitutionId institution, String profile, Patient original) {
        PseudonymisationProfile p = profileOf(institution, profile);
        String pid = pseudonymsOf(institution, p.name()).patientId(original.identifier().id());
        boolean characteristics = p.options().contains(DeidOption.RETAIN_PATIENT_CHARACTERISTICS.column());
        return new Patient(new PatientIdentifier(pid, ""), "ANONYMOUS", pid,
                LocalDate.of(original.birthDate().getYear(), 1, 1), characteristics ? original.sex() : Sex.UNKNOWN,
                Optional.empty(), PostalAddress.NONE, "pseudonymised");
    }

    /** The Study Instance UID the instances of a study carry under {@code profile}. */
    public String pseudonymousUid(InstitutionId institution, String profile, String uid) {
        PseudonymisationProfile p = profileOf(institution, profile);
        return p.options().contains(DeidOption.RETAIN_UIDS.column()) ? uid
                : pseudonymsOf(institution, p.name()).uid(uid);
    }

    private PseudonymisationProfile profileOf(InstitutionId institution, String profile) {
        return directory.institution(institution).flatMap(i -> i.policies().profile(profile))
                .orElseThrow(() -> new ConflictException(CoreErrorCode.PSEUDONYMISATION_PROFILE_UNKNOWN,
                        "The institution has no pseudonymisation profile '" + profile + "'."));
    }

    /** Keeps whom a pseudonym stands for (the first link stays); called before the instance becomes visible. */
    public void remember(PseudonymLink link) {
        links.remember(link);
    }

    /**
     * Whom {@code pseudonym} stands for under {@code profile} of the actor's institution. Only an active
     * ADMINISTRATOR of that institution is answered; refusals, misses and answers are all audited (the record names
     * the pseudonym, never the patient).
     */
    public PseudonymLink reidentify(UserId actor, String profile, String pseudonym, ClientInfo client) {
        String detail = "profile=" + profile + " pseudonym=" + pseudonym;
        User user;
        try {
            user = staff.requireActive(actor);
            user = staff.requireAdministratorOf(actor, user.institution());
        } catch (IepException e) {
            auditor.record(staff.auditParty(actor), "pseudonym.reidentify", Outcome.DENIED, client, detail + " "
                    + e.errorCode().code());
            throw e;
        }
        Optional<PseudonymLink> link = links.find(user.institution(), profile, pseudonym);
        auditor.record(StaffAccess.party(user), "pseudonym.reidentify", link.isPresent() ? Outcome.SUCCESS
                : Outcome.FAILURE, client, detail + (link.isPresent() ? "" : " not found"));
        return link.orElseThrow(() -> new NotFoundException("Pseudonym " + pseudonym + " of profile " + profile));
    }

    private Pseudonyms pseudonymsOf(InstitutionId institution, String profile) {
        return pseudonyms.computeIfAbsent(institution.value() + "\n" + profile, k -> {
            byte[] master = keys.key(KeyPurpose.PSEUDONYMS);
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(master, "HmacSHA256"));
                byte[] derived = mac.doFinal(("iep-pseudonyms\n" + k).getBytes(StandardCharsets.UTF_8));
                try {
                    return new Pseudonyms(derived);
                } finally {
                    Arrays.fill(derived, (byte) 0);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java platform has HmacSHA256", e);
            } finally {
                Arrays.fill(master, (byte) 0);
            }
        });
    }
}
