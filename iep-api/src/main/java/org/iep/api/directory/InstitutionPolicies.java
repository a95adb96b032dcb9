package org.iep.api.directory;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-institution settings of the rules in DESIGN.md §4, within the bounds the core enforces.
 *
 * @param retention             how long studies stay after they arrive before the purge (default 15 days)
 * @param packageAvailability   how long an individual's package can be downloaded (default 14 days)
 * @param releaseDelay          "doctor first": how long after creation an individual's package becomes available
 *                              (default zero)
 * @param allowMixedPatients    whether an administrator allows several patients in one transaction
 * @param pseudonymisationProfile the default de-identification profile name, or empty for none
 */
public record InstitutionPolicies(
        Duration retention,
        Duration packageAvailability,
        Duration releaseDelay,
        boolean allowMixedPatients,
        String pseudonymisationProfile) {

    public static final InstitutionPolicies DEFAULT =
            new InstitutionPolicies(Duration.ofDays(15), Duration.ofDays(14), Duration.ZERO, false, "");

    public InstitutionPolicies {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(packageAvailability, "packageAvailability");
        Objects.requireNonNull(releaseDelay, "releaseDelay");
        Objects.requireNonNull(pseudonymisationProfile, "pseudonymisationProfile");
    }
}
