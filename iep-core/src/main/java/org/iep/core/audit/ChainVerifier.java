package org.iep.core.audit;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditRecord;
import org.iep.api.spi.AuditLog;

/**
 * Walks the whole audit log in pages from sequence 1 and recomputes the hash chain, reporting the first record
 * whose sequence, link or hash is wrong. Reads only; thread-safe.
 */
public final class ChainVerifier {
    static final int DEFAULT_PAGE = 500;

    private final AuditLog log;
    private final int pageSize;

    @Inject
    public ChainVerifier(AuditLog log) {
        this(log, DEFAULT_PAGE);
    }

    public ChainVerifier(AuditLog log, int pageSize) {
        this.log = Objects.requireNonNull(log, "log");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.pageSize = pageSize;
    }

    public ChainCheck verify() {
        long expected = 1;
        String previous = AuditChain.GENESIS;
        while (true) {
            List<AuditRecord> page = log.range(expected, pageSize);
            for (AuditRecord r : page) {
                if (r.sequence() != expected) {
                    return new ChainCheck.Broken(expected, "expected sequence " + expected + " but found "
                            + r.sequence() + " (a record is missing or out of order)");
                }
                if (!r.previousHash().equals(previous)) {
                    return new ChainCheck.Broken(expected, "its previous hash does not match record "
                            + (expected - 1));
                }
                if (!AuditChain.hash(previous, r.sequence(), r.event()).equals(r.hash())) {
                    return new ChainCheck.Broken(expected, "its content does not match its hash (altered)");
                }
                previous = r.hash();
                expected++;
            }
            if (page.size() < pageSize) {
                return new ChainCheck.Valid(expected - 1);
            }
        }
    }
}
