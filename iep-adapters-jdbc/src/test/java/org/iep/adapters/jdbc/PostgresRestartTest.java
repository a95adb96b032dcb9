package org.iep.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.iep.adapters.jdbc.audit.JdbcAuditLog;
import org.iep.adapters.jdbc.job.JdbcJobQueue;
import org.iep.adapters.jdbc.transaction.JdbcTransactionStore;
import org.iep.api.IepException;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stopped (fast shutdown: every session is terminated) and started again under the stores: calls fail
 * with a retryable {@link DatabaseException} while it is down, succeed once it is back, and nothing is half-written.
 * Uses a cluster of its own, since it stops it.
 */
@ExtendWith(PostgresExtension.class)
class PostgresRestartTest {
    private static PostgresCluster cluster;
    private static TestDatabase db;

    @BeforeAll
    static void startOwnCluster() throws Exception {
        cluster = PostgresCluster.start(PostgresCluster.binaries().orElseThrow());
        db = TestDatabase.postgres(cluster, config -> config.withPoolSize(6)
                .withConnectionTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stopOwnCluster() throws Exception {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @BeforeEach
    void empty() {
        db.reset();
    }

    @Test
    void callsFailRetryablyWhileTheDatabaseIsDownAndSucceedWhenItIsBack() throws Exception {
        JdbcTransactionStore transactions = new JdbcTransactionStore(db.dataSource());
        JdbcAuditLog audit = new JdbcAuditLog(db.dataSource());
        JdbcJobQueue jobs = new JdbcJobQueue(db.dataSource());
        Transaction before = transactions.commit(TransactionChanges.insert(Transactions.transfer(1).build())).get(0);

        cluster.stop();
        try {
            assertUnavailable(() -> transactions.commit(TransactionChanges.insert(Transactions.transfer(2).build())));
            assertUnavailable(() -> transactions.find(before.id()));
            assertUnavailable(() -> audit.append(event(0, 0)));
            assertUnavailable(() -> jobs.lease(new JobFilter(java.util.Set.of("delivery"),
                    java.util.Set.of(Priority.NORMAL)), Instant.EPOCH, Duration.ofMinutes(1)));
        } finally {
            cluster.start();
        }

        Transaction after = retrying(() -> transactions.commit(TransactionChanges.insert(
                Transactions.transfer(2).build())).get(0));
        assertThat(transactions.find(before.id())).contains(before);
        assertThat(transactions.find(after.id())).contains(after);
        AuditRecord first = retrying(() -> audit.append(event(0, 1)));
        assertThat(first.sequence()).isEqualTo(1);
    }

    @Test
    void aRestartDuringConcurrentWritesLeavesNothingHalfWritten() throws Exception {
        JdbcTransactionStore transactions = new JdbcTransactionStore(db.dataSource());
        JdbcAuditLog audit = new JdbcAuditLog(db.dataSource());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean restarted = new AtomicBoolean(false);
        ConcurrentLinkedQueue<Transaction> committed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<AuditRecord> appended = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<IepException> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger successesAfterRestart = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        int n = writer * 100_000 + i + 1;
                        try {
                            Transaction t = Transactions.transfer(n).studies(List.of(Transactions.study(n),
                                    Transactions.study(n + 1))).build();
                            committed.add(transactions.commit(TransactionChanges.insert(t)).get(0));
                            appended.add(audit.append(event(writer, i)));
                            if (restarted.get()) {
                                successesAfterRestart.incrementAndGet();
                            }
                        } catch (IepException e) {
                            failures.add(e);
                            Thread.sleep(20);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(1_500);
            cluster.stop();
            Thread.sleep(500);
            cluster.start();
            restarted.set(true);
            // the pool reconnects with growing pauses, so the first write after the restart may take a while
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (successesAfterRestart.get() < 20 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            running.set(false);
            for (Future<Void> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            writers.shutdownNow();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(failures).as("the stop was noticed").isNotEmpty();
        assertThat(failures).allSatisfy(e -> {
            assertThat(e).isInstanceOf(DatabaseException.class);
            assertThat(e.retryable()).as(e.getMessage()).isTrue();
        });
        assertThat(successesAfterRestart).as("writes after the restart").hasValueGreaterThanOrEqualTo(20);
        committed.forEach(t -> assertThat(transactions.find(t.id())).contains(t));
        assertThat(count("SELECT count(*) FROM iep_transaction t WHERE (SELECT count(*) FROM iep_transaction_study s"
                + " WHERE s.transaction_id = t.id) <> 2 OR NOT EXISTS (SELECT 1 FROM iep_transaction_involved i"
                + " WHERE i.transaction_id = t.id)")).as("transactions missing child rows").isZero();
        List<AuditRecord> chain = audit.range(1, 1_000_000);
        assertThat(chain).containsAll(appended);
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            AuditRecord r = chain.get(i);
            assertThat(r.sequence()).isEqualTo(i + 1L);
            assertThat(r.hash()).isEqualTo(AuditChain.hash(previous, r.sequence(), r.event()));
            previous = r.hash();
        }
        assertThat(count("SELECT count(*) FROM iep_audit a WHERE (SELECT count(*) FROM iep_audit_accession x"
                + " WHERE x.seq_no = a.seq_no) <> 1")).as("audit records missing accession rows").isZero();
        assertThat(count("SELECT last_seq_no FROM iep_audit_head")).isEqualTo(chain.size());
    }

    private static void assertUnavailable(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DatabaseException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(JdbcErrorCode.DATABASE_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).startsWith("IEP-2001: ");
        });
    }

    /** What a caller does with a retryable failure: try again, a bounded number of times. */
    private static <T> T retrying(Supplier<T> call) throws InterruptedException {
        Optional<IepException> last = Optional.empty();
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return call.get();
            } catch (IepException e) {
                if (!e.retryable()) {
                    throw e;
                }
                last = Optional.of(e);
                Thread.sleep(200);
            }
        }
        throw new AssertionError("still failing after 10 attempts", last.orElseThrow());
    }

    private static long count(String query) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static AuditEvent event(int writer, int i) {
        return new AuditEvent(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i), "user:u-" + writer, "inst-stee",
                "restart.write", "tx-" + writer, "P1", List.of("ACC" + i), Outcome.SUCCESS, "", writer + "/" + i);
    }
}
