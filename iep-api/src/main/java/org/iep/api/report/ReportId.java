package org.iep.api.report;

import java.util.Objects;

/** Internal, opaque identifier of a received report; blob keys and attachment IDs derive from it. */
public record ReportId(String value) {
    public ReportId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[a-z0-9-]{1,64}")) {
            // It becomes a blob key segment and an attachment ID, so only internal ID characters are accepted.
            throw new IllegalArgumentException("a report ID is 1-64 characters of [a-z0-9-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
