package org.iep.core.secret;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iep.api.access.SecretHash;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.KeyPurpose;

/**
 * HMAC-SHA-256 of secrets with the {@link KeyPurpose#SECRET_HASHING} key, so a stolen database yields neither
 * tokens nor passcodes (a 6-digit code is brute-forced in microseconds without the key). The key is fetched
 * once, at construction. Thread-safe: {@link Mac} is not, so every call gets its own.
 */
public final class SecretHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    @Inject
    public SecretHasher(KeyProvider keys) {
        Objects.requireNonNull(keys, "keys");
        this.key = new SecretKeySpec(Keys.fetch(keys, KeyPurpose.SECRET_HASHING), ALGORITHM);
    }

    /** The keyed hash of {@code secret}. */
    public SecretHash hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new SecretHash(HexFormat.of().formatHex(mac().doFinal(secret.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * The keyed hash of {@code secret} bound to {@code context} (e.g. a grant ID), so equal short secrets such as
     * passcodes hash differently in different grants and a hash cannot be replayed in another context.
     */
    public SecretHash hash(String context, String secret) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(secret, "secret");
        // length prefix: ("ab","c") and ("a","bc") must not collide
        return hash(context.length() + ":" + context + ":" + secret);
    }

    /** Whether {@code secret} hashes to {@code expected}, compared in constant time. */
    public boolean matches(String secret, SecretHash expected) {
        return equal(hash(secret), expected);
    }

    /** Whether {@code secret} bound to {@code context} hashes to {@code expected}, in constant time. */
    public boolean matches(String context, String secret, SecretHash expected) {
        return equal(hash(context, secret), expected);
    }

    /** Constant-time equality of two hashes, so response timing reveals nothing about how much matched. */
    public static boolean equal(SecretHash a, SecretHash b) {
        return MessageDigest.isEqual(a.hex().getBytes(StandardCharsets.US_ASCII),
                b.hex().getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
        }
    }
}
