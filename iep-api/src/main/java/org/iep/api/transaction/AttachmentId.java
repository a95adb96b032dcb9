package org.iep.api.transaction;

import java.util.Objects;

/** Internal, opaque identifier; storage keys are derived from it, never from DICOM UIDs or file names. */
public record AttachmentId(String value) {
    public AttachmentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
