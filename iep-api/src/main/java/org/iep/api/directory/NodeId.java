package org.iep.api.directory;

import java.util.Objects;

/** Internal, opaque identifier of a DICOM node. */
public record NodeId(String value) {
    public NodeId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
