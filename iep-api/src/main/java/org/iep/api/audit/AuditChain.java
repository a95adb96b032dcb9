package org.iep.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain every {@code AuditLog} implementation uses: SHA-256 over the previous hash, the sequence and a
 * length-prefixed canonical encoding of every field, so no two different records encode alike.
 */
public final class AuditChain {
    /** The previous hash of record 1. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, long sequence, AuditEvent e) {
        MessageDigest sha = sha256();
        field(sha, previousHash);
        field(sha, Long.toString(sequence));
        field(sha, e.at().toString());
        field(sha, e.actor());
        field(sha, e.institution());
        field(sha, e.action());
        field(sha, e.transaction());
        field(sha, e.patientId());
        field(sha, Integer.toString(e.accessionNumbers().size()));
        e.accessionNumbers().forEach(a -> field(sha, a));
        field(sha, e.outcome().name());
        field(sha, e.remoteAddress());
        field(sha, e.detail());
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The record that follows {@code previous} (or the first one when {@code previous} is null). */
    public static AuditRecord next(AuditRecord previous, AuditEvent event) {
        long seq = previous == null ? 1 : previous.sequence() + 1;
        String prev = previous == null ? GENESIS : previous.hash();
        return new AuditRecord(seq, event, prev, hash(prev, seq, event));
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                (byte) (bytes.length >>> 8), (byte) bytes.length});
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
