package org.iep.adapters.jdbc.audit;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.DatabaseException;
import org.iep.adapters.jdbc.JdbcErrorCode;
import org.iep.adapters.jdbc.internal.Json;
import org.iep.adapters.jdbc.internal.JsonObject;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.AuditLog;

/**
 * The audit trail in {@code iep_audit} (accession numbers also in {@code iep_audit_accession} for look-ups). An
 * append locks the single chain-head row ({@code SELECT ... FOR UPDATE} on {@code iep_audit_head}), chains from it,
 * inserts and moves the head, all in one database transaction, so appends from any number of threads and nodes are
 * serialised and the chain has no gaps. Within one JVM, appends that arrive while another is being written are
 * combined: the next caller to take the writer lock writes all waiting events in one transaction (one lock, one
 * commit) and hands each caller its own record; no background thread is involved. The store never updates or deletes a record; the application's role needs
 * only INSERT and SELECT on the audit tables. Thread-safe.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final String COLUMNS = "a.seq_no, a.at_text, a.actor, a.institution, a.action_name,"
            + " a.transaction_id, a.patient_id, a.accessions, a.outcome, a.remote_address, a.detail,"
            + " a.previous_hash, a.hash";
    private static final int MAX_BATCH = 256;
    private final Sql sql;
    private final ReentrantLock writer = new ReentrantLock();
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

    /** An append waiting for this JVM's writer. */
    private record Pending(AuditEvent event, CompletableFuture<AuditRecord> result) {
    }

    @Inject
    public JdbcAuditLog(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public AuditRecord append(AuditEvent e) {
        if (sql.inUnit()) {
            // in the caller's unit of work: written on its connection, committed (or not) with the rest of it; never
            // batched with other threads' events, whose callers must not wait for (or lose with) this unit
            return appendAll(List.of(e)).get(0);
        }
        Pending mine = new Pending(e, new CompletableFuture<>());
        pending.add(mine);
        while (!mine.result().isDone()) {
            writer.lock();
            try {
                if (!mine.result().isDone()) {
                    writeBatch();
                }
            } finally {
                writer.unlock();
            }
        }
        try {
            return mine.result().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw failed;
        }
    }

    /**
     * Writes the waiting appends of this JVM (at most {@link #MAX_BATCH}) in one database transaction: one chain-head
     * lock and one commit for all of them. When that fails and the batch held more than one event, each is written
     * alone, so one caller's bad event never fails another caller's append.
     */
    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = pending.poll()) != null; ) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<AuditRecord> records = appendAll(batch.stream().map(Pending::event).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(records.get(i));
            }
        } catch (RuntimeException | Error failure) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(failure);
                return;
            }
            for (Pending p : batch) {
                try {
                    p.result().complete(appendAll(List.of(p.event())).get(0));
                } catch (RuntimeException | Error alone) {
                    p.result().completeExceptionally(alone);
                }
            }
        }
    }

    private List<AuditRecord> appendAll(List<AuditEvent> events) {
        return sql.inTransaction("Appending " + events.size() + " audit event(s)", c -> {
            List<AuditRecord> head = Sql.list(c, "SELECT last_seq_no, last_hash FROM iep_audit_head WHERE id = 1"
                    + " FOR UPDATE", rs -> new AuditRecord(rs.getLong(1), events.get(0), "", rs.getString(2)));
            if (head.isEmpty()) {
                throw new DatabaseException(JdbcErrorCode.CORRUPT_RECORD, "The audit chain head row is missing."
                        + " Restore iep_audit_head from a backup; appends are refused until then.", false, null);
            }
            List<AuditRecord> written = new ArrayList<>();
            AuditRecord previous = head.get(0);
            for (AuditEvent e : events) {
                AuditRecord r = AuditChain.next(previous, e);
                insert(c, r);
                written.add(r);
                previous = r;
            }
            Sql.update(c, "UPDATE iep_audit_head SET last_seq_no = ?, last_hash = ? WHERE id = 1",
                    previous.sequence(), previous.hash());
            return written;
        });
    }

    private static void insert(Connection c, AuditRecord r) throws SQLException {
        AuditEvent e = r.event();
        Sql.update(c, "INSERT INTO iep_audit (seq_no, occurred_at, at_text, actor, institution, action_name,"
                        + " transaction_id, patient_id, accessions, outcome, remote_address, detail,"
                        + " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.sequence(), e.at(), e.at().toString(), e.actor(), e.institution(), e.action(), e.transaction(),
                e.patientId(), Json.write(e.accessionNumbers()), e.outcome().name(), e.remoteAddress(),
                e.detail(), r.previousHash(), r.hash());
        int pos = 0;
        for (String accession : e.accessionNumbers()) {
            Sql.update(c, "INSERT INTO iep_audit_accession (seq_no, pos_no, accession) VALUES (?, ?, ?)",
                    r.sequence(), pos++, accession);
        }
    }

    @Override
    public List<AuditRecord> query(AuditQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        q.transaction().ifPresent(v -> add(where, params, "a.transaction_id = ?", v));
        q.patientId().ifPresent(v -> add(where, params, "a.patient_id = ?", v));
        q.accessionNumber().ifPresent(v -> add(where, params,
                "EXISTS (SELECT 1 FROM iep_audit_accession x WHERE x.seq_no = a.seq_no AND x.accession = ?)", v));
        q.actor().ifPresent(v -> add(where, params, "a.actor = ?", v));
        q.institution().ifPresent(v -> add(where, params, "a.institution = ?", v));
        q.from().ifPresent(v -> add(where, params, "a.occurred_at >= ?", v));
        q.to().ifPresent(v -> add(where, params, "a.occurred_at < ?", v));
        params.add(q.limit());
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return sql.list("Querying the audit trail", "SELECT " + COLUMNS + " FROM iep_audit a" + filter
                + " ORDER BY a.seq_no LIMIT ?", JdbcAuditLog::record, params.toArray());
    }

    @Override
    public List<AuditRecord> range(long fromSequence, int limit) {
        return sql.list("Reading the audit trail from " + fromSequence, "SELECT " + COLUMNS + " FROM iep_audit a"
                + " WHERE a.seq_no >= ? ORDER BY a.seq_no LIMIT ?", JdbcAuditLog::record, fromSequence, limit);
    }

    private static void add(List<String> where, List<Object> params, String condition, Object value) {
        where.add(condition);
        params.add(value);
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        String accessions = rs.getString(8);
        List<String> numbers = JsonObject.decode("{\"a\":" + accessions + "}", "audit record " + seq,
                o -> o.strings("a"));
        AuditEvent e = new AuditEvent(Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), numbers, Outcome.valueOf(rs.getString(9)),
                rs.getString(10), rs.getString(11));
        return new AuditRecord(seq, e, rs.getString(12).trim(), rs.getString(13).trim());
    }
}
