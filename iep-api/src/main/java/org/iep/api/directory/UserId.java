package org.iep.api.directory;

import java.util.Objects;

/** Internal, opaque identifier of a registered user of an institution. */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
