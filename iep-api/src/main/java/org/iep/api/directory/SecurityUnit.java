package org.iep.api.directory;

import java.util.Objects;

/**
 * A security institution: a sub-unit of an institution per specialty (e.g. radiology, cardiology) that limits
 * which users see which transactions.
 */
public record SecurityUnit(SecurityUnitId id, InstitutionId institution, String name, String specialty) {
    public SecurityUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specialty, "specialty");
    }
}
