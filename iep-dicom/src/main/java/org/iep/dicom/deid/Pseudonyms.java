package org.iep.dicom.deid;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, deterministic replacements: the same key and original always give the same UID, patient ID and date
 * shift, so a study sent twice lines up with itself; another key gives unrelated values, and without the key the
 * originals cannot be recovered (HMAC-SHA256). Thread-safe.
 */
public final class Pseudonyms {
    private static final char[] BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private final byte[] key;
    /** A Mac per thread: looking one up and keying it costs more than the hash of a short UID. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @param key at least 16 bytes of secret key material */
    public Pseudonyms(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a de-identification key has at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** A {@code 2.25.} UID (at most 44 characters) for an original UID. */
    public String uid(String original) {
        byte[] h = mac("uid:" + original);
        return "2.25." + new BigInteger(1, Arrays.copyOf(h, 16));
    }

    /** A patient ID of 12 characters, letters and digits without look-alikes. */
    public String patientId(String original) {
        byte[] h = mac("patient:" + original);
        StringBuilder b = new StringBuilder("P");
        for (int i = 0; i < 11; i++) {
            b.append(BASE32[(h[i] & 0xFF) % BASE32.length]);
        }
        return b.toString();
    }

    /** Days to move a patient's dates back, 1 to 3,650, the same for every study of that patient. */
    public int dateShiftDays(String patientId) {
        byte[] h = mac("shift:" + patientId);
        return 1 + (int) (Integer.toUnsignedLong(((h[0] & 0xFF) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8)
                | (h[3] & 0xFF)) % 3650);
    }

    private byte[] mac(String input) {
        return macs.get().doFinal(input.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
