package org.iep.api.directory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.pseudonym.PseudonymisationProfile;

/**
 * Per-institution settings of the rules in DESIGN.md §4, within the bounds the core enforces.
 *
 * @param retention             how long studies stay after they arrive before the purge (default 15 days)
 * @param packageAvailability   how long an individual's package can be downloaded (default 14 days)
 * @param releaseDelay          "doctor first": how long after creation an individual's package becomes available
 *                              (default zero)
 * @param allowMixedPatients    whether an administrator allows several patients in one transaction
 * @param pseudonymisationProfile the profile a transfer of this institution is pseudonymised with when its sender
 *                              names none, or empty for none
 * @param pseudonymisationProfiles the institution's named profiles (research, teaching, ...)
 */
public record InstitutionPolicies(
        Duration retention,
        Duration packageAvailability,
        Duration releaseDelay,
        boolean allowMixedPatients,
        String pseudonymisationProfile,
        List<PseudonymisationProfile> pseudonymisationProfiles) {

    public static final InstitutionPolicies DEFAULT =
            new InstitutionPolicies(Duration.ofDays(15), Duration.ofDays(14), Duration.ZERO, false, "", List.of());

    /** Policies without pseudonymisation profiles. */
    public InstitutionPolicies(Duration retention, Duration packageAvailability, Duration releaseDelay,
                               boolean allowMixedPatients, String pseudonymisationProfile) {
        this(retention, packageAvailability, releaseDelay, allowMixedPatients, pseudonymisationProfile, List.of());
    }

    /** The profile called {@code name}, if the institution has one. */
    public Optional<PseudonymisationProfile> profile(String name) {
        return pseudonymisationProfiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public InstitutionPolicies {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(packageAvailability, "packageAvailability");
        Objects.requireNonNull(releaseDelay, "releaseDelay");
        Objects.requireNonNull(pseudonymisationProfile, "pseudonymisationProfile");
        pseudonymisationProfiles = List.copyOf(pseudonymisationProfiles);
    }
}
