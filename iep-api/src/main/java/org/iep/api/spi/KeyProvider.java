package org.iep.api.spi;

/**
 * Supplies secret keys (at least 32 bytes) from wherever the operator keeps them (a file, an HSM, a KMS).
 * Thread-safe. The same purpose always yields the same key within a deployment, so pseudonyms and token hashes
 * stay stable over time. Returns a copy the caller may wipe.
 */
public interface KeyProvider {
    byte[] key(KeyPurpose purpose);
}
