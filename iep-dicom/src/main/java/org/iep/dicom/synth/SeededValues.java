package org.iep.dicom.synth;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Values drawn from a seed and a label ("study/3"): SHA-256 of both, so a value depends on nothing else (not on the
 * order of generation, not on the JDK's random generators) and the same seed gives the same files everywhere.
 */
final class SeededValues {

    private final long seed;

    SeededValues(long seed) {
        this.seed = seed;
    }

    /** A UID under 2.25 (PS3.5 B.2): a version 4 UUID drawn from the seed, as a decimal integer. */
    String uid(String label) {
        byte[] h = hash(label);
        h[6] = (byte) ((h[6] & 0x0F) | 0x40);
        h[8] = (byte) ((h[8] & 0x3F) | 0x80);
        byte[] uuid = new byte[16];
        System.arraycopy(h, 0, uuid, 0, 16);
        return "2.25." + new BigInteger(1, uuid);
    }

    /** A number in [0, bound). */
    int nextInt(String label, int bound) {
        long v = ByteBuffer.wrap(hash(label)).getLong() >>> 1;
        return (int) (v % bound);
    }

    /** 64 bits for the pixel noise of one frame. */
    long bits(String label) {
        return ByteBuffer.wrap(hash(label)).getLong();
    }

    private byte[] hash(String label) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ByteBuffer.allocate(8).putLong(seed).array());
            md.update(label.getBytes(StandardCharsets.US_ASCII));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
