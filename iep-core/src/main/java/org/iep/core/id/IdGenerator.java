package org.iep.core.id;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Random identifiers and secrets from the injected {@link SecureRandom}: internal IDs (128 bits) and link tokens /
 * session IDs (256 bits), URL-safe Base64 without padding. Thread-safe.
 */
public final class IdGenerator {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random;

    public IdGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A 128-bit internal ID, lower-case hex (safe in blob keys and file names). */
    public String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /** A 256-bit secret, URL-safe, for link tokens and session IDs. */
    public String newSecret() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return URL.encodeToString(b);
    }

    /** A numeric code of {@code digits} digits, uniformly distributed, leading zeros kept. */
    public String newDigits(int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
