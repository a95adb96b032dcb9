package org.iep.api.audit;

import java.util.Objects;

/**
 * An appended audit event with its place in the hash chain: {@code hash = AuditChain.hash(previousHash,
 * sequence, event)}. Sequences start at 1 and have no gaps.
 */
public record AuditRecord(long sequence, AuditEvent event, String previousHash, String hash) {
    public AuditRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
