package org.iep.testkit.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.iep.api.spi.KeyPurpose;
import org.iep.api.spi.KeyProvider;

/** Keys derived from a seed string (SHA-256 of seed + purpose): stable, distinct per purpose. For tests only. */
public final class FixedKeyProvider implements KeyProvider {
    private final String seed;

    public FixedKeyProvider(String seed) {
        this.seed = seed;
    }

    @Override
    public byte[] key(KeyPurpose purpose) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((seed + "/" + purpose.name()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
