package org.iep.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs a task on many threads released at the same instant by a start gate, so they really race. The timeouts
 * only turn a deadlocked store into a failed test instead of a hung build; they measure nothing. Not thread-safe;
 * call it from the test thread.
 */
final class Concurrently {
    private static final long DEADLOCK_GUARD_SECONDS = 120;

    private Concurrently() {
    }

    /**
     * Calls {@code task.apply(i)} for {@code i} in {@code 0..threads-1}, each on its own thread, and returns the
     * results in that order. An exception thrown by any task fails the run (the first one is rethrown with the
     * others suppressed); tasks that expect a conflict catch it themselves and return a value for it.
     */
    static <T> List<T> run(int threads, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.apply(index);
                }));
            }
            await(ready);
            start.countDown();
            return collect(futures);
        } finally {
            pool.shutdownNow();
            awaitTermination(pool);
        }
    }

    private static <T> List<T> collect(List<Future<T>> futures) {
        List<T> results = new ArrayList<>();
        AssertionError failure = null;
        for (Future<T> f : futures) {
            try {
                results.add(f.get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                failure = addFailure(failure, "a concurrent task failed", e.getCause());
            } catch (TimeoutException e) {
                failure = addFailure(failure, "a concurrent task did not finish (deadlock?)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for concurrent tasks", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static AssertionError addFailure(AssertionError first, String message, Throwable cause) {
        if (first == null) {
            return new AssertionError(message + ": " + cause, cause);
        }
        first.addSuppressed(cause);
        return first;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("worker threads did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting worker threads", e);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("worker threads did not stop after shutdownNow");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping worker threads", e);
        }
    }
}
