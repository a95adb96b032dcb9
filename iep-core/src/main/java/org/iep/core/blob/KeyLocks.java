package org.iep.core.blob;

import org.iep.api.spi.BlobKey;

/**
 * A fixed set of monitors striped by key, so renames of one key's sidecar and blob are never interleaved with
 * another rename or delete of the same key in this process, without a lock object per key. Thread-safe.
 */
final class KeyLocks {
    private static final int STRIPES = 64;
    private final Object[] stripes = new Object[STRIPES];

    KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    Object of(BlobKey key) {
        return stripes[Math.floorMod(key.value().hashCode(), STRIPES)];
    }
}
