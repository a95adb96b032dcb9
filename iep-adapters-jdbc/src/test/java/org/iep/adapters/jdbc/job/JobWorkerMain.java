package org.iep.adapters.jdbc.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iep.adapters.jdbc.JdbcConfig;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.api.Secret;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.LeasedJob;
import org.iep.api.transaction.Priority;

/**
 * A worker process for the two-JVM queue test: leases and completes jobs until none is left, on its own pool, and
 * writes the IDs it completed to a file, one per line. Arguments: JDBC URL, user, threads, output file.
 */
public final class JobWorkerMain {
    static final JobFilter ALL = new JobFilter(Set.of("delivery"), Set.of(Priority.values()));
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private JobWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        JdbcConfig config = new JdbcConfig(args[0], args[1], Secret.of(""), Integer.parseInt(args[2]),
                Duration.ofSeconds(30), false);
        try (JdbcDatabase db = JdbcDatabase.start(config)) {
            List<String> done = work(new JdbcJobQueue(db.dataSource()), Integer.parseInt(args[2]));
            Files.write(Path.of(args[3]), done, StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code threads} workers until the queue has no due job; returns the IDs they completed. */
    static List<String> work(JdbcJobQueue queue, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (Optional<LeasedJob> l; (l = queue.lease(ALL, NOW, Duration.ofHours(1))).isPresent(); ) {
                        queue.complete(l.get());
                        mine.add(l.get().job().id().value());
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get(10, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IOException("worker threads did not stop");
            }
        }
    }

}
