package org.iep.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;
import org.iep.api.spi.AuditLog;

/** The audit chain in a list; appends are serialised by one lock. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized AuditRecord append(AuditEvent event) {
        AuditRecord last = records.isEmpty() ? null : records.get(records.size() - 1);
        AuditRecord next = AuditChain.next(last, event);
        records.add(next);
        return next;
    }

    @Override
    public synchronized List<AuditRecord> query(AuditQuery query) {
        return records.stream().filter(r -> query.matches(r.event())).limit(query.limit()).toList();
    }

    @Override
    public synchronized List<AuditRecord> range(long fromSequence, int limit) {
        int from = (int) Math.max(0, Math.min(records.size(), fromSequence - 1));
        return List.copyOf(records.subList(from, Math.min(records.size(), from + Math.max(0, limit))));
    }

    /** Every record, for tests that scan the trail for leaked secrets. */
    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }
}
