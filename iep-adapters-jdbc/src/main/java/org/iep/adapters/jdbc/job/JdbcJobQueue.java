package org.iep.adapters.jdbc.job;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.adapters.jdbc.internal.SqlErrors;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.JobState;
import org.iep.api.spi.LeasedJob;
import org.iep.api.transaction.Priority;

/**
 * Jobs in {@code iep_job}. On PostgreSQL {@link #lease} picks the best due job with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, so workers on any number of nodes take different jobs without waiting
 * for each other, and stamps a fresh random lease ID on it in the same database transaction; on H2 it stamps the
 * lease with a conditional update instead (see {@link #leaseOptimistically}). Completing or retrying is conditional on that lease ID, so a
 * stale lease changes nothing. Enqueue order is an identity column. Thread-safe.
 */
public final class JdbcJobQueue implements JobQueue {
    private static final String COLUMNS = "id, kind, priority, run_at, payload, state, attempts, last_error";
    private static final int CANDIDATES = 16;
    private final Sql sql;
    private volatile Boolean skipLocked;

    @Inject
    public JdbcJobQueue(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public boolean enqueue(Job job) {
        return sql.autoCommit("Enqueuing job " + job.id(), c -> {
            try {
                return Sql.update(c, "INSERT INTO iep_job (id, kind, priority, run_at, payload, state, attempts,"
                                + " last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", job.id().value(), job.kind(),
                        job.priority().ordinal(), job.runAt(), job.payload(), job.state().name(), job.attempts(),
                        job.lastError()) == 1;
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<LeasedJob> lease(JobFilter filter, Instant now, Duration leaseFor) {
        Instant until = now.plus(leaseFor);
        String leaseId = UUID.randomUUID().toString();
        List<Object> params = new ArrayList<>(filter.kinds());
        filter.priorities().forEach(p -> params.add(p.ordinal()));
        params.add(now);
        params.add(now);
        // "state" leads the ORDER BY so that both databases walk the due index in order and stop at the limit.
        String due = "SELECT id FROM iep_job WHERE state = 'QUEUED' AND kind IN (" + marks(filter.kinds())
                + ") AND priority IN (" + marks(filter.priorities()) + ") AND run_at <= ?"
                + " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY state, priority, run_at, enqueue_no";
        return skipLocked() ? leaseSkippingLocked(due, params, now, leaseId, until)
                : leaseOptimistically(due, params, now, leaseId, until);
    }

    /** PostgreSQL: lock the best due row nobody else has locked, stamp the lease, commit. */
    private Optional<LeasedJob> leaseSkippingLocked(String due, List<Object> params, Instant now, String leaseId,
                                                    Instant until) {
        return sql.inTransaction("Leasing a job", c -> {
            List<String> ids = Sql.list(c, due + " LIMIT 1 FOR UPDATE SKIP LOCKED", rs -> rs.getString(1),
                    params.toArray());
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            Sql.update(c, "UPDATE iep_job SET lease_id = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?",
                    leaseId, until, ids.get(0));
            return Optional.of(new LeasedJob(read(c, ids.get(0)).orElseThrow(), leaseId, until));
        });
    }

    /**
     * H2, whose {@code FOR UPDATE} locks every row the query reads: read the best few due jobs without locks, then
     * take the first one whose lease can still be stamped by a conditional update (the database lets one racing
     * worker through; the others move on to the next candidate).
     */
    private Optional<LeasedJob> leaseOptimistically(String due, List<Object> params, Instant now, String leaseId,
                                                    Instant until) {
        return sql.autoCommit("Leasing a job", c -> {
            while (true) {
                List<String> candidates = Sql.list(c, due + " LIMIT " + CANDIDATES, rs -> rs.getString(1),
                        params.toArray());
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                for (String id : candidates) {
                    int taken = Sql.update(c, "UPDATE iep_job SET lease_id = ?, lease_until = ?,"
                            + " attempts = attempts + 1 WHERE id = ? AND state = 'QUEUED' AND run_at <= ?"
                            + " AND (lease_until IS NULL OR lease_until <= ?)", leaseId, until, id, now, now);
                    if (taken == 1) {
                        return Optional.of(new LeasedJob(read(c, id).orElseThrow(), leaseId, until));
                    }
                }
            }
        });
    }

    private boolean skipLocked() {
        Boolean known = skipLocked;
        if (known == null) {
            known = sql.autoCommit("Reading the database product",
                    c -> !"H2".equals(c.getMetaData().getDatabaseProductName()));
            skipLocked = known;
        }
        return known;
    }

    @Override
    public void complete(LeasedJob lease) {
        sql.autoCommit("Completing job " + lease.job().id(), c -> {
            int rows = Sql.update(c, "UPDATE iep_job SET state = 'DONE', lease_id = NULL, lease_until = NULL"
                    + " WHERE id = ? AND lease_id = ? AND state = 'QUEUED'", lease.job().id().value(), lease.leaseId());
            return requireOwned(rows, lease);
        });
    }

    @Override
    public void retry(LeasedJob lease, Optional<Instant> runAt, String error) {
        sql.autoCommit("Retrying job " + lease.job().id(), c -> {
            int rows = runAt.isPresent()
                    ? Sql.update(c, "UPDATE iep_job SET run_at = ?, last_error = ?, lease_id = NULL,"
                            + " lease_until = NULL WHERE id = ? AND lease_id = ? AND state = 'QUEUED'",
                            runAt.get(), error, lease.job().id().value(), lease.leaseId())
                    : Sql.update(c, "UPDATE iep_job SET state = 'DEAD', last_error = ?, lease_id = NULL,"
                            + " lease_until = NULL WHERE id = ? AND lease_id = ? AND state = 'QUEUED'",
                            error, lease.job().id().value(), lease.leaseId());
            return requireOwned(rows, lease);
        });
    }

    @Override
    public Optional<Job> find(JobId id) {
        return sql.autoCommit("Finding job " + id, c -> read(c, id.value()));
    }

    private static Optional<Job> read(Connection c, String id) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM iep_job WHERE id = ?", JdbcJobQueue::job, id).stream()
                .findFirst();
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(new JobId(rs.getString("id")), rs.getString("kind"), Priority.values()[rs.getInt("priority")],
                Sql.instant(rs, "run_at"), rs.getString("payload"), JobState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getString("last_error"));
    }

    private static Void requireOwned(int rows, LeasedJob lease) {
        if (rows == 0) {
            throw new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION, "The lease of job " + lease.job().id()
                    + " is no longer current (it expired and was taken over, or the job was finished);"
                    + " nothing was changed. Do not repeat the job's effects.");
        }
        return null;
    }

    private static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }
}
