package org.iep.api.directory;

import java.util.Objects;

/** Internal, opaque identifier of a security institution (a sub-unit of an institution). */
public record SecurityUnitId(String value) {
    public SecurityUnitId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
