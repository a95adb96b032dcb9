package org.iep.api.spi;

import java.util.List;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;

/**
 * The append-only audit trail. Thread-safe. Appends are serialised so that the hash chain
 * ({@link org.iep.api.audit.AuditChain}) stays valid under concurrent appends from any number of threads or nodes;
 * there is no update or delete.
 */
public interface AuditLog {

    /** Appends durably and returns the chained record. */
    AuditRecord append(AuditEvent event);

    /** Matching records in sequence order, at most {@code query.limit()}. */
    List<AuditRecord> query(AuditQuery query);

    /** Records with sequence ≥ {@code fromSequence}, in order, at most {@code limit}; for chain verification. */
    List<AuditRecord> range(long fromSequence, int limit);
}
