package org.iep.adapters.jdbc.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iep.adapters.jdbc.JdbcConfig;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.api.Secret;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.Outcome;

/**
 * A writer process for the two-JVM audit test: appends {@code perThread} events on each of {@code threads} threads
 * through its own pool. Arguments: JDBC URL, user, threads, events per thread, a tag put in each event's detail,
 * and optionally another writer's tag: halfway, each thread waits (2 min at most) until that writer has appended,
 * so that the two writers' appends are sure to overlap however the machine schedules them.
 */
public final class AuditWriterMain {
    private AuditWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        JdbcConfig config = new JdbcConfig(args[0], args[1], Secret.of(""), Integer.parseInt(args[2]),
                Duration.ofSeconds(30), false);
        try (JdbcDatabase db = JdbcDatabase.start(config)) {
            write(new JdbcAuditLog(db.dataSource()), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4],
                    args.length > 5 ? Optional.of(args[5]) : Optional.empty());
        }
    }

    static void write(JdbcAuditLog log, int threads, int perThread, String tag, Optional<String> other)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        if (i == perThread / 2 && other.isPresent()) {
                            awaitAppendsBy(log, "system:" + other.get());
                        }
                        log.append(new AuditEvent(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i),
                                "system:" + tag, "", "jvm.append", "", "", List.of(), Outcome.SUCCESS, "",
                                tag + "/" + thread + "/" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("writer threads did not stop");
            }
        }
    }

    private static void awaitAppendsBy(JdbcAuditLog log, String actor) throws InterruptedException {
        AuditQuery byActor = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(actor),
                Optional.empty(), Optional.empty(), Optional.empty(), 1);
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (log.query(byActor).isEmpty()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(actor + " appended nothing in 2 minutes");
            }
            Thread.sleep(10);
        }
    }
}
