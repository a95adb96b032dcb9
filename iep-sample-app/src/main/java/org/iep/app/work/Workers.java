package org.iep.app.work;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the core's periodic jobs (outbox, expiry reminders, purge) on one background thread, counting runs as
 * {@code iep.jobs.runs} by job and outcome. A failing run is
 * logged with its error and the job runs again at its next tick: the jobs are idempotent and resumable, and a
 * stopped scheduler would silently stop all mail. {@link #close} waits for the running job to finish.
 */
public final class Workers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    /** One periodic job. */
    public record Periodic(String name, Duration every, Consumer<Instant> run) {
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "iep-workers");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private final MeterRegistry metrics;

    public Workers(Clock clock, MeterRegistry metrics, List<Periodic> jobs) {
        this.clock = clock;
        this.metrics = metrics;
        for (Periodic job : jobs) {
            long ms = job.every().toMillis();
            scheduler.scheduleWithFixedDelay(() -> runSafely(job), ms / 4, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void runSafely(Periodic job) {
        try {
            job.run().accept(clock.instant());
            metrics.counter("iep.jobs.runs", "job", job.name(), "outcome", "success").increment();
        } catch (RuntimeException e) {
            metrics.counter("iep.jobs.runs", "job", job.name(), "outcome", "failure").increment();
            LOG.error("The periodic job '{}' failed; it runs again in {}", job.name(), job.every(), e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Periodic jobs did not finish within 30 s; stopping them");
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
