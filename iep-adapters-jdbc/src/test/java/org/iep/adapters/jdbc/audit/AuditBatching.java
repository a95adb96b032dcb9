package org.iep.adapters.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.DatabaseException;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;

/**
 * Shared by the H2 and PostgreSQL batching tests: eight threads append at once while one of them sends events the
 * database refuses (an action name longer than its column). Combined writes must not make the good appends fail.
 */
final class AuditBatching {
    private AuditBatching() {
    }

    static void aRefusedEventFailsOnlyItsOwnAppend(DataSource dataSource) throws Exception {
        JdbcAuditLog log = new JdbcAuditLog(dataSource);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<int[]>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    int[] outcome = new int[2];
                    for (int i = 0; i < 50; i++) {
                        boolean bad = thread == 0 && i % 5 == 0;
                        try {
                            log.append(new AuditEvent(Instant.parse("2026-11-22T10:00:00Z"), "user:u-" + thread,
                                    "", bad ? "x".repeat(200) : "batch.ok", "", "", List.of("A" + i),
                                    Outcome.SUCCESS, "", thread + "/" + i));
                            outcome[0]++;
                        } catch (DatabaseException e) {
                            assertThat(bad).as("a good append failed: " + e.getMessage()).isTrue();
                            outcome[1]++;
                        }
                    }
                    return outcome;
                }));
            }
            start.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<int[]> f : futures) {
                int[] o = f.get(2, TimeUnit.MINUTES);
                ok += o[0];
                refused += o[1];
            }
            assertThat(refused).isEqualTo(10);
            assertThat(ok).isEqualTo(390);
            List<AuditRecord> all = log.range(1, 1_000);
            assertThat(all).hasSize(390);
            String previous = AuditChain.GENESIS;
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).sequence()).isEqualTo(i + 1L);
                assertThat(all.get(i).hash()).isEqualTo(AuditChain.hash(previous, i + 1L, all.get(i).event()));
                previous = all.get(i).hash();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }
}
