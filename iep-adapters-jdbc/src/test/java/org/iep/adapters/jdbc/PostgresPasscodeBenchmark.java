package org.iep.adapters.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iep.adapters.jdbc.access.JdbcAccessStore;
import org.iep.adapters.jdbc.access.JdbcSessionStore;
import org.iep.adapters.jdbc.audit.JdbcAuditLog;
import org.iep.api.ConflictException;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.AccessSession;
import org.iep.api.access.GrantId;
import org.iep.api.access.GrantState;
import org.iep.api.access.PasscodeState;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.Outcome;
import org.iep.api.transaction.TransactionId;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: the store side of a passcode verification under load. {@code -Diep.bench.threads} (default 16) workers
 * each repeat, on a random one of 1,000 grants: find the grant by token, consume its code with the compare-and-set
 * update (reloading on a conflict), open a session, append the audit record. Prints the percentiles of the whole
 * verification and of the audit append alone. Run explicitly:
 * {@code ./mvnw -pl iep-adapters-jdbc verify -Dtest=PostgresPasscodeBenchmark -Diep.bench=true}.
 */
@ExtendWith(PostgresExtension.class)
class PostgresPasscodeBenchmark {
    private static final int GRANTS = 1_000;
    private static final int PER_THREAD = 500;

    @Test
    void passcodeVerificationUnderLoad(PostgresCluster cluster) throws Exception {
        assumeTrue(Boolean.getBoolean("iep.bench"), "a benchmark: run with -Diep.bench=true");
        int threads = Integer.getInteger("iep.bench.threads", 16);
        try (TestDatabase db = TestDatabase.postgres(cluster, c -> c.withPoolSize(threads))) {
            JdbcAccessStore grants = new JdbcAccessStore(db.dataSource());
            JdbcSessionStore sessions = new JdbcSessionStore(db.dataSource());
            JdbcAuditLog audit = new JdbcAuditLog(db.dataSource());
            List<AccessGrant> stored = new ArrayList<>();
            for (int i = 0; i < GRANTS; i++) {
                stored.add(grants.insert(new AccessGrant(new GrantId("g-" + i), new TransactionId("tx-" + i),
                        Secrets.randomHash(), Fixtures.SMS_RECIPIENT, true, GrantState.ACTIVE, Fixtures.NOW,
                        Fixtures.NOW.plus(Duration.ofDays(11)), Fixtures.NOW.plus(Duration.ofDays(14)),
                        PasscodeState.NONE, 0)));
            }
            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<long[][]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long[][] micros = new long[2][PER_THREAD];
                    for (int i = 0; i < PER_THREAD; i++) {
                        AccessGrant g = stored.get(ThreadLocalRandom.current().nextInt(GRANTS));
                        long t0 = System.nanoTime();
                        while (true) {
                            AccessGrant current = grants.findByToken(g.tokenHash()).orElseThrow();
                            try {
                                grants.update(current.withPasscode(new PasscodeState(Optional.empty(),
                                        Fixtures.NOW, 0, 0, Optional.empty(), List.of(Fixtures.NOW))));
                                break;
                            } catch (ConflictException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                        sessions.put(new AccessSession(Secrets.randomHash(), g.id(), Fixtures.NOW, Fixtures.NOW));
                        long t1 = System.nanoTime();
                        audit.append(new AuditEvent(Instant.now(), "grant:" + g.id(), "", "passcode.verify",
                                g.transaction().value(), "", List.of(), Outcome.SUCCESS, "192.0.2.1", ""));
                        long t2 = System.nanoTime();
                        micros[0][i] = (t2 - t0) / 1_000;
                        micros[1][i] = (t2 - t1) / 1_000;
                    }
                    return micros;
                }));
            }
            long[] total = new long[threads * PER_THREAD];
            long[] append = new long[threads * PER_THREAD];
            for (int t = 0; t < threads; t++) {
                long[][] m = futures.get(t).get(30, TimeUnit.MINUTES);
                System.arraycopy(m[0], 0, total, t * PER_THREAD, PER_THREAD);
                System.arraycopy(m[1], 0, append, t * PER_THREAD, PER_THREAD);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("workers did not stop");
            }
            System.out.printf("%d threads, %d verifications in %.1f s (%.0f/s), %d CAS conflicts reloaded%n",
                    threads, total.length, seconds, total.length / seconds, conflicts.get());
            print("verification", total);
            print("audit append", append);
        }
    }

    private static void print(String name, long[] micros) {
        Arrays.sort(micros);
        int n = micros.length;
        System.out.printf("%-13s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name, micros[n / 2] / 1e3,
                micros[n * 99 / 100] / 1e3, micros[n - 1] / 1e3);
    }
}
