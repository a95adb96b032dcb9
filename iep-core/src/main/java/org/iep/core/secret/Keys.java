package org.iep.core.secret;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.KeyPurpose;

/** Fetches a 256-bit key for one purpose, refusing short keys loudly at start-up rather than weakly at run time. */
final class Keys {
    static final int BYTES = 32;

    private Keys() {
    }

    static byte[] fetch(KeyProvider provider, KeyPurpose purpose) {
        byte[] raw = provider.key(purpose);
        if (raw == null || raw.length < BYTES) {
            throw new InfrastructureException(CoreErrorCode.CONFIGURATION, "The key for " + purpose
                    + " is shorter than 32 bytes. Configure a key of at least 256 bits.", false, null);
        }
        if (raw.length == BYTES) {
            return raw;
        }
        // Longer keys are condensed so AES-256 always gets exactly 32 bytes and no key material is ignored.
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
