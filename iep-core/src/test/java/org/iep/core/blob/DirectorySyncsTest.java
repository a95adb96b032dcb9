package org.iep.core.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DirectorySyncsTest {
    private static final Path DIR = Path.of("/blobs/tx/a/instances");

    /** One force as the fake disk saw it: when it started and ended on a logical clock. */
    private record Force(long start, long end) {
    }

    @Test
    void aDirectoryRemovedMeanwhileIsReportedAsMissingNotAsADiskFailure() {
        DirectorySyncs gone = new DirectorySyncs(dir -> {
            throw new java.nio.file.NoSuchFileException(dir.toString());
        });
        DirectorySyncs broken = new DirectorySyncs(dir -> {
            throw new java.io.IOException("EIO");
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gone.force(DIR))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> broken.force(DIR))
                .isNotInstanceOf(java.nio.file.NoSuchFileException.class).hasRootCauseMessage("EIO");
    }

    @Test
    void everyCallReturnsAfterAForceThatBeganAfterItAndConcurrentCallsShareForces() throws Exception {
        AtomicLong clock = new AtomicLong();
        ConcurrentLinkedQueue<Force> forces = new ConcurrentLinkedQueue<>();
        DirectorySyncs syncs = new DirectorySyncs(dir -> {
            long start = clock.incrementAndGet();
            sleep(1);
            forces.add(new Force(start, clock.incrementAndGet()));
        });
        int threads = 8;
        int callsEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<long[]>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<long[]> calls = new ArrayList<>();
                for (int i = 0; i < callsEach; i++) {
                    long entered = clock.incrementAndGet();
                    syncs.force(DIR);
                    calls.add(new long[] {entered, clock.incrementAndGet()});
                }
                return calls;
            }));
        }
        List<long[]> calls = new ArrayList<>();
        for (Future<List<long[]>> f : results) {
            calls.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(calls).hasSize(threads * callsEach).allSatisfy(c -> assertThat(forces)
                .as("a force that began after the call and ended before it returned")
                .anyMatch(f -> f.start() > c[0] && f.end() < c[1]));
        assertThat(forces.size()).as("forces for %d calls", calls.size()).isLessThan(calls.size())
                .isGreaterThan(0);
    }

    @Test
    void aFailedForceFailsTheCallsItWasForAndTheNextForceIsTriedAgain() throws Exception {
        AtomicBoolean failNext = new AtomicBoolean(true);
        AtomicInteger forced = new AtomicInteger();
        CountDownLatch inForce = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DirectorySyncs syncs = new DirectorySyncs(dir -> {
            forced.incrementAndGet();
            if (failNext.getAndSet(false)) {
                inForce.countDown();
                await(release);
                throw new IOException("disk gone");
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> first = pool.submit(() -> {
            syncs.force(DIR);
            return null;
        });
        inForce.await(10, TimeUnit.SECONDS);
        Future<?> second = pool.submit(() -> {
            syncs.force(DIR); // arrived while the failing force ran: not covered by it, forced again
            return null;
        });
        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("disk gone");
        second.get(10, TimeUnit.SECONDS);
        syncs.force(DIR);
        pool.shutdown();
        assertThat(forced.get()).isEqualTo(3);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
