package org.iep.api.spi;

import java.util.Objects;

/** An instance held in the {@link BlobStore}, ready to be sent to a node. */
public record StoredInstance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, BlobKey blob) {
    public StoredInstance {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        Objects.requireNonNull(blob, "blob");
    }
}
