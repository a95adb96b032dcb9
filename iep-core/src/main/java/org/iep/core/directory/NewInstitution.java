package org.iep.core.directory;

import org.iep.api.directory.CoreHours;
import org.iep.api.directory.InstitutionPolicies;

/**
 * What the system operator enters to put an institution on IEP, with its first administrator. Fields come from a
 * form, so any of them may be null or malformed; {@link Directory#createInstitution} reports every problem at once.
 *
 * @param code       2–6 upper-case letters, unique; prefixes tracking numbers
 * @param zone       a time-zone ID such as {@code Europe/London}
 * @param coreHours  null for {@link CoreHours#DEFAULT}
 * @param policies   null for {@link InstitutionPolicies#DEFAULT}
 */
public record NewInstitution(
        String code,
        String name,
        String contactEmail,
        String contactPhone,
        String zone,
        CoreHours coreHours,
        InstitutionPolicies policies,
        NewUser administrator) {
}
