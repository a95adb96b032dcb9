package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.iep.api.ConflictException;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.JobState;
import org.iep.api.spi.LeasedJob;
import org.iep.api.transaction.Priority;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link JobQueue} contract: idempotent enqueue, due jobs only, priority then run time then enqueue order,
 * leases that expire, stale leases that cannot complete, retries and dead jobs, and exactly-once completion by
 * many workers. Time is passed in; the queue never reads a clock.
 */
public abstract class JobQueueContract {
    protected static final Instant T0 = Fixtures.NOW;
    protected static final Duration LEASE = Duration.ofMinutes(5);
    protected static final JobFilter ALL = new JobFilter(Set.of("delivery", "outbox.mail"), Set.of(Priority.values()));

    protected JobQueue queue;

    /** A new, empty queue. */
    protected abstract JobQueue newQueue();

    /** What the queue can do beyond the port's contract; none by default. */
    protected Set<Capability> capabilities() {
        return Set.of();
    }

    /** With {@link Capability#DURABLE}: a second queue on the same storage as {@link #queue}. */
    protected JobQueue reopen() {
        throw new UnsupportedOperationException("declare Capability.DURABLE and override reopen()");
    }

    @BeforeEach
    final void createQueue() {
        queue = newQueue();
    }

    @Test
    void enqueuedJobsAreQueuedWithNoAttempts() {
        Job job = job("j-1", Priority.NORMAL, T0);

        assertThat(queue.enqueue(job)).isTrue();

        assertThat(queue.find(job.id())).contains(job);
        assertThat(queue.find(new JobId("j-none"))).isEmpty();
    }

    @Test
    void enqueueIsIdempotentById() {
        Job original = job("j-1", Priority.NORMAL, T0);
        queue.enqueue(original);

        assertThat(queue.enqueue(Job.of(original.id(), "outbox.mail", Priority.BATCH, T0, "other"))).isFalse();

        assertThat(queue.find(original.id())).contains(original);
    }

    @Test
    void leaseTakesADueJobAndCountsTheAttempt() {
        queue.enqueue(job("j-1", Priority.NORMAL, T0));

        LeasedJob lease = queue.lease(ALL, T0, LEASE).orElseThrow();

        assertThat(lease.job().id()).isEqualTo(new JobId("j-1"));
        assertThat(lease.job().attempts()).isEqualTo(1);
        assertThat(lease.until()).isEqualTo(T0.plus(LEASE));
        assertThat(queue.find(lease.job().id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(queue.lease(ALL, T0, LEASE)).as("a leased job is not handed out twice").isEmpty();
    }

    @Test
    void jobsThatAreNotDueAreNotLeased() {
        queue.enqueue(job("j-1", Priority.BLUE_LIGHT, T0.plusSeconds(60)));

        assertThat(queue.lease(ALL, T0, LEASE)).isEmpty();
        assertThat(queue.lease(ALL, T0.plusSeconds(59), LEASE)).isEmpty();
        assertThat(queue.lease(ALL, T0.plusSeconds(60), LEASE)).isPresent();
    }

    @Test
    void theFilterSelectsKindsAndPriorities() {
        queue.enqueue(job("j-mail", "outbox.mail", Priority.NORMAL, T0));
        queue.enqueue(job("j-batch", "delivery", Priority.BATCH, T0));
        queue.enqueue(job("j-blue", "delivery", Priority.BLUE_LIGHT, T0));

        JobFilter blueLane = new JobFilter(Set.of("delivery"), Set.of(Priority.BLUE_LIGHT));
        assertThat(queue.lease(blueLane, T0, LEASE).orElseThrow().job().id().value()).isEqualTo("j-blue");
        assertThat(queue.lease(blueLane, T0, LEASE)).isEmpty();
        JobFilter mail = new JobFilter(Set.of("outbox.mail"), Set.of(Priority.values()));
        assertThat(queue.lease(mail, T0, LEASE).orElseThrow().job().id().value()).isEqualTo("j-mail");
        assertThat(queue.lease(new JobFilter(Set.of("purge"), Set.of(Priority.values())), T0, LEASE)).isEmpty();
    }

    @Test
    void priorityComesFirstThenRunAtThenEnqueueOrder() {
        queue.enqueue(job("batch-early", Priority.BATCH, T0.minusSeconds(600)));
        queue.enqueue(job("normal-late-1", Priority.NORMAL, T0.minusSeconds(10)));
        queue.enqueue(job("normal-early", Priority.NORMAL, T0.minusSeconds(300)));
        queue.enqueue(job("blue-late", Priority.BLUE_LIGHT, T0));
        queue.enqueue(job("normal-late-2", Priority.NORMAL, T0.minusSeconds(10)));
        queue.enqueue(job("blue-early", Priority.BLUE_LIGHT, T0.minusSeconds(5)));
        queue.enqueue(job("normal-late-0", Priority.NORMAL, T0.minusSeconds(10)));

        // Bounded, so a queue that hands out leased jobs again fails here instead of looping for ever.
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            queue.lease(ALL, T0, LEASE).ifPresent(l -> order.add(l.job().id().value()));
        }

        assertThat(order).containsExactly("blue-early", "blue-late", "normal-early", "normal-late-1",
                "normal-late-2", "normal-late-0", "batch-early");
    }

    @Test
    void anExpiredLeaseMakesTheJobAvailableAgain() {
        queue.enqueue(job("j-1", Priority.NORMAL, T0));
        LeasedJob first = queue.lease(ALL, T0, LEASE).orElseThrow();

        assertThat(queue.lease(ALL, first.until().minusSeconds(1), LEASE)).isEmpty();
        LeasedJob second = queue.lease(ALL, first.until().plusSeconds(1), LEASE).orElseThrow();

        assertThat(second.job().id()).isEqualTo(first.job().id());
        assertThat(second.job().attempts()).isEqualTo(2);
        assertThat(second.leaseId()).isNotEqualTo(first.leaseId());
    }

    @Test
    void aStaleLeaseCannotCompleteOrRetryAndChangesNothing() {
        queue.enqueue(job("j-1", Priority.NORMAL, T0));
        LeasedJob stale = queue.lease(ALL, T0, LEASE).orElseThrow();
        LeasedJob current = queue.lease(ALL, stale.until().plusSeconds(1), LEASE).orElseThrow();

        assertThatThrownBy(() -> queue.complete(stale)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> queue.retry(stale, Optional.empty(), "late")).isInstanceOf(ConflictException.class);

        Job now = queue.find(current.job().id()).orElseThrow();
        assertThat(now.state()).isEqualTo(JobState.QUEUED);
        assertThat(now.lastError()).isEmpty();
        queue.complete(current);
        assertThat(queue.find(current.job().id()).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    @Test
    void aForgedLeaseIsRejected() {
        queue.enqueue(job("j-1", Priority.NORMAL, T0));
        LeasedJob real = queue.lease(ALL, T0, LEASE).orElseThrow();

        assertThatThrownBy(() -> queue.complete(new LeasedJob(real.job(), real.leaseId() + "x", real.until())))
                .isInstanceOf(ConflictException.class);

        assertThat(queue.find(real.job().id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void completedJobsAreDoneAndNeverLeasedAgain() {
        queue.enqueue(job("j-1", Priority.NORMAL, T0));
        LeasedJob lease = queue.lease(ALL, T0, LEASE).orElseThrow();

        queue.complete(lease);

        assertThat(queue.find(lease.job().id()).orElseThrow().state()).isEqualTo(JobState.DONE);
        assertThat(queue.lease(ALL, T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThatThrownBy(() -> queue.complete(lease)).as("completing twice").isInstanceOf(ConflictException.class);
        assertThat(queue.find(lease.job().id()).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    @Test
    void retryWithARunTimeRequeuesTheJobUntilThen() {
        queue.enqueue(job("j-1", Priority.NORMAL, T0));
        LeasedJob lease = queue.lease(ALL, T0, LEASE).orElseThrow();
        Instant later = T0.plus(Duration.ofMinutes(30));

        queue.retry(lease, Optional.of(later), "PACS busy");

        Job retried = queue.find(lease.job().id()).orElseThrow();
        assertThat(retried.state()).isEqualTo(JobState.QUEUED);
        assertThat(retried).usingRecursiveComparison().comparingOnlyFields("id", "kind", "priority", "payload")
                .isEqualTo(lease.job());
        assertThat(retried.runAt()).isEqualTo(later);
        assertThat(retried.lastError()).isEqualTo("PACS busy");
        assertThat(queue.lease(ALL, later.minusSeconds(1), LEASE)).isEmpty();
        LeasedJob again = queue.lease(ALL, later, LEASE).orElseThrow();
        assertThat(again.job().attempts()).isEqualTo(2);
        assertThatThrownBy(() -> queue.complete(lease)).as("the retried lease is spent")
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void retryWithoutARunTimeMakesTheJobDead() {
        queue.enqueue(job("j-1", Priority.NORMAL, T0));
        LeasedJob lease = queue.lease(ALL, T0, LEASE).orElseThrow();

        queue.retry(lease, Optional.empty(), "gave up after 10 attempts");

        Job dead = queue.find(lease.job().id()).orElseThrow();
        assertThat(dead.state()).isEqualTo(JobState.DEAD);
        assertThat(dead.lastError()).isEqualTo("gave up after 10 attempts");
        assertThat(queue.lease(ALL, T0.plus(Duration.ofDays(365)), LEASE)).isEmpty();
    }

    @Test
    void concurrentEnqueuesOfTheSameIdsAddEachOnce() {
        List<Integer> added = Concurrently.run(8, t -> (int) IntStream.range(0, 100)
                .filter(i -> queue.enqueue(job("j-" + i, Priority.NORMAL, T0))).count());

        assertThat(added.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }

    @Test
    void eightWorkersCompleteEachOfEightThousandJobsExactlyOnce() {
        int jobs = 8 * 1_000;
        for (int i = 0; i < jobs; i++) {
            queue.enqueue(job("j-" + i, Priority.values()[i % 3], T0.minusSeconds(i % 17)));
        }

        List<List<JobId>> done = Concurrently.run(8, t -> {
            List<JobId> mine = new ArrayList<>();
            for (int n = 0; n <= jobs; n++) {
                Optional<LeasedJob> l = queue.lease(ALL, T0, Duration.ofHours(1));
                if (l.isEmpty()) {
                    return mine;
                }
                queue.complete(l.get());
                mine.add(l.get().job().id());
            }
            throw new AssertionError("a worker leased more jobs than were enqueued");
        });

        List<JobId> all = done.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(jobs);
        assertThat(new HashSet<>(all)).hasSize(jobs);
        for (int i = 0; i < jobs; i++) {
            Job j = queue.find(new JobId("j-" + i)).orElseThrow();
            assertThat(j.state()).isEqualTo(JobState.DONE);
            assertThat(j.attempts()).isEqualTo(1);
        }
    }

    @Test
    void jobsAndLeasesSurviveReopening() {
        assumeTrue(capabilities().contains(Capability.DURABLE), "queue is not durable");
        queue.enqueue(job("j-1", Priority.NORMAL, T0));
        queue.enqueue(job("j-2", Priority.NORMAL, T0));
        LeasedJob held = queue.lease(ALL, T0, LEASE).orElseThrow();

        JobQueue reopened = reopen();

        assertThat(reopened.enqueue(job("j-1", Priority.BATCH, T0))).isFalse();
        LeasedJob other = reopened.lease(ALL, T0, LEASE).orElseThrow();
        assertThat(other.job().id()).isNotEqualTo(held.job().id());
        assertThat(reopened.lease(ALL, T0, LEASE)).as("the lease taken before reopening still holds").isEmpty();
        reopened.complete(held);
        assertThat(reopened.find(held.job().id()).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    protected static Job job(String id, Priority priority, Instant runAt) {
        return job(id, "delivery", priority, runAt);
    }

    protected static Job job(String id, String kind, Priority priority, Instant runAt) {
        return Job.of(new JobId(id), kind, priority, runAt, "{\"id\":\"" + id + "\"}");
    }
}
