package org.iep.api.spi;

import java.util.Objects;

/** What a {@link BlobStore} knows of a stored blob: its size and SHA-256 (lower-case hex). */
public record BlobInfo(BlobKey key, long size, String sha256) {
    public BlobInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
    }
}
