package org.iep.adapters.jdbc;

import org.iep.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.iep.adapters.jdbc.audit.JdbcAuditLog;
import org.iep.adapters.jdbc.job.JdbcJobQueue;
import org.iep.adapters.jdbc.transaction.JdbcTransactionStore;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.JobId;
import org.iep.api.spi.LeasedJob;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default, H2 in file mode: after the pool is closed (the database file is closed with it) and the
 * file is opened again, transactions, tracking sequences, the audit chain and job leases are all still there.
 */
class H2FileRestartTest {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private static final JobFilter DELIVERIES = new JobFilter(Set.of("delivery"), Set.of(Priority.values()));

    @Test
    void everythingSurvivesClosingAndReopeningTheFile(@TempDir Path dir) {
        JdbcConfig config = JdbcConfig.of("jdbc:h2:file:" + dir.resolve("iep") + ";MODE=PostgreSQL"
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "", Secret.of("")).withPoolSize(2);
        Transaction stored;
        long tracking;
        AuditRecord first;
        LeasedJob lease;
        try (JdbcDatabase db = JdbcDatabase.start(config)) {
            JdbcTransactionStore transactions = new JdbcTransactionStore(db.dataSource());
            stored = transactions.commit(TransactionChanges.insert(Transactions.transfer(1).build())).get(0);
            tracking = transactions.nextTrackingSequence("STEE");
            first = new JdbcAuditLog(db.dataSource()).append(event("before"));
            JdbcJobQueue jobs = new JdbcJobQueue(db.dataSource());
            jobs.enqueue(Job.of(new JobId("j-1"), "delivery", Priority.NORMAL, T0, "{}"));
            lease = jobs.lease(DELIVERIES, T0, Duration.ofMinutes(5)).orElseThrow();
        }

        try (JdbcDatabase db = JdbcDatabase.start(config)) {
            JdbcTransactionStore transactions = new JdbcTransactionStore(db.dataSource());
            JdbcAuditLog audit = new JdbcAuditLog(db.dataSource());
            JdbcJobQueue jobs = new JdbcJobQueue(db.dataSource());

            assertThat(transactions.find(stored.id())).contains(stored);
            assertThat(transactions.nextTrackingSequence("STEE")).isGreaterThan(tracking);
            AuditRecord second = audit.append(event("after"));
            assertThat(second.sequence()).isEqualTo(2);
            assertThat(second.hash()).isEqualTo(AuditChain.hash(first.hash(), 2, second.event()));
            assertThat(audit.range(1, 10)).containsExactly(first, second);
            assertThat(jobs.lease(DELIVERIES, T0.plusSeconds(60), Duration.ofMinutes(5)))
                    .as("the lease taken before the restart still holds").isEmpty();
            jobs.complete(lease);
        }
    }

    private static AuditEvent event(String detail) {
        return new AuditEvent(T0, "system:test", "", "restart", "", "", List.of(), Outcome.SUCCESS, "", detail);
    }
}
