package org.iep.api.spi;

import java.util.Objects;

/** A job's identity; chosen by the producer so that enqueuing the same work twice is idempotent. */
public record JobId(String value) {
    public JobId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
