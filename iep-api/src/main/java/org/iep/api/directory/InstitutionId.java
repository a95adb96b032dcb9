package org.iep.api.directory;

import java.util.Objects;

/** Internal, opaque identifier of an institution (never shown to individuals). */
public record InstitutionId(String value) {
    public InstitutionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
