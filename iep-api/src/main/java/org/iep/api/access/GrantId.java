package org.iep.api.access;

import java.util.Objects;

/** Internal identifier of an individual's access grant to one transaction. */
public record GrantId(String value) {
    public GrantId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
