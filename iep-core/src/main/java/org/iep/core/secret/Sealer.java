package org.iep.core.secret;

import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.spi.KeyProvider;
import org.iep.api.spi.KeyPurpose;

/**
 * Seals short secrets (a passcode, a link) for the time they wait in the outbox, with AES-256-GCM under the
 * {@link KeyPurpose#OUTBOX_SEALING} key and a random 96-bit nonce per value from the injected {@link SecureRandom}.
 * A context (the job ID) is authenticated with each value, so a sealed value copied into another job does not
 * open. Sealed form: {@code v1.} + URL-safe Base64 of nonce and ciphertext with tag. Thread-safe.
 */
public final class Sealer {
    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random;

    @Inject
    public Sealer(KeyProvider keys, SecureRandom random) {
        Objects.requireNonNull(keys, "keys");
        this.key = new SecretKeySpec(Keys.fetch(keys, KeyPurpose.OUTBOX_SEALING), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    public String seal(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + ENCODER.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available on every Java platform", e);
        }
    }

    /** Opens a value sealed with the same context; a tampered value or wrong context fails with INTEGRITY_FAILURE. */
    public String open(String sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(context, "context");
        byte[] bytes;
        try {
            bytes = sealed.startsWith(PREFIX) ? DECODER.decode(sealed.substring(PREFIX.length())) : new byte[0];
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw integrity(null);
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), context);
            return new String(c.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw integrity(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available on every Java platform", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private static InfrastructureException integrity(Exception cause) {
        return new InfrastructureException(CoreErrorCode.INTEGRITY_FAILURE,
                "A sealed outbox value does not open: it was altered, or sealed under another key or job. "
                        + "The message cannot be sent; check the OUTBOX_SEALING key configuration.", false, cause);
    }
}
