package org.iep.api.transaction;

import java.util.Objects;

/** Internal, opaque identifier; storage keys are derived from it, never from DICOM UIDs or file names. */
public record TransactionId(String value) {
    public TransactionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
