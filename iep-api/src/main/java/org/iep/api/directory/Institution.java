package org.iep.api.directory;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A hospital, trust, clinic or company that exchanges images.
 *
 * @param code short upper-case code (2–6 letters) that prefixes its tracking numbers, e.g. {@code STEE}
 */
public record Institution(
        InstitutionId id,
        String code,
        String name,
        ContactDetails contact,
        ZoneId zone,
        CoreHours coreHours,
        InstitutionPolicies policies) {

    public Institution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(coreHours, "coreHours");
        Objects.requireNonNull(policies, "policies");
    }
}
