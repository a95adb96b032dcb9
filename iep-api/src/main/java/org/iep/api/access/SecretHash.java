package org.iep.api.access;

import java.util.regex.Pattern;

/**
 * The keyed hash (HMAC-SHA-256, lower-case hex) of a secret — link token, passcode or session ID. Only these are
 * stored; the secrets themselves never are. {@code toString} shows a prefix only, so logs stay useless to attackers.
 */
public record SecretHash(String hex) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public SecretHash {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("a secret hash is 64 lower-case hex digits");
        }
    }

    @Override
    public String toString() {
        return "SecretHash[" + hex.substring(0, 8) + "…]";
    }
}
