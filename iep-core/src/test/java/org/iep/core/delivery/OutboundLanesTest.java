package org.iep.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.core.delivery.LaneOutcome.Kind.DEAD;
import static org.iep.core.delivery.LaneOutcome.Kind.DEFERRED;
import static org.iep.core.delivery.LaneOutcome.Kind.DELIVERED;
import static org.iep.core.delivery.LaneOutcome.Kind.IDLE;
import static org.iep.core.delivery.LaneOutcome.Kind.RETRYING;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InfrastructureException;
import org.iep.api.spi.JobState;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.core.policy.IepPolicy;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.Test;

class OutboundLanesTest {
    private final World w = new World();
    private final List<String> delivered = new ArrayList<>();
    private final Deque<DeliveryResult> scripted = new ArrayDeque<>();

    private DeliveryJobs jobs() {
        return new DeliveryJobs(w.jobs, w.clock);
    }

    private OutboundLanes lanes(int outbound, int blue) {
        IepPolicy d = IepPolicy.DEFAULT;
        IepPolicy p = new IepPolicy(d.passcodeDigits(), d.passcodeValidity(), d.passcodeTriesPerCode(),
                d.lockAfterConsecutiveFailures(), d.lockDuration(), d.maxPasscodesPerHour(), d.sessionIdle(),
                d.sessionAbsolute(), d.viewWindow(), d.packageAvailability(), d.individualListWindow(),
                d.maxForwards(), d.retention(), d.requestWithoutDetailsCancelAfter(), d.batchWindowStart(),
                d.batchWindowEnd(), d.maxTextLength(), outbound, blue, d.inboundLanes(), d.expiringSoonNotice());
        return new OutboundLanes(w.jobs, w.store, w.directoryStore, new DeliveryLanes(p), t -> {
            delivered.add(t.priority() + ":" + t.tracking());
            return scripted.isEmpty() ? new DeliveryResult.Done() : scripted.pop();
        });
    }

    private Transaction queued(Priority p) {
        Transaction t = w.transfer(p);
        assertThat(jobs().enqueue(t)).isTrue();
        return t;
    }

    private static List<LaneOutcome.Kind> kinds(List<LaneOutcome> outcomes) {
        return outcomes.stream().map(LaneOutcome::kind).toList();
    }

    @Test
    void blueLightIsLeasedAheadOfNormalWorkQueuedEarlier() {
        queued(Priority.NORMAL);
        queued(Priority.NORMAL);
        queued(Priority.BLUE_LIGHT);
        queued(Priority.BLUE_LIGHT);
        OutboundLanes lanes = lanes(2, 1);

        assertThat(kinds(lanes.runOnce(w.clock.instant()))).containsExactly(DELIVERED, DELIVERED);
        assertThat(delivered).containsExactly("BLUE_LIGHT:STEE0000003", "BLUE_LIGHT:STEE0000004");
        lanes.runOnce(w.clock.instant());
        assertThat(delivered).endsWith("NORMAL:STEE0000001");
    }

    @Test
    void theReservedLaneNeverTakesNormalWork() {
        queued(Priority.NORMAL);
        queued(Priority.NORMAL);
        OutboundLanes lanes = lanes(2, 1);

        List<LaneOutcome> first = lanes.runOnce(w.clock.instant());
        assertThat(first.get(0).kind()).isEqualTo(IDLE);
        assertThat(first.get(1).kind()).isEqualTo(DELIVERED);
        List<LaneOutcome> second = lanes.runOnce(w.clock.instant());
        assertThat(kinds(second)).containsExactly(IDLE, DELIVERED);
        assertThat(kinds(lanes.runOnce(w.clock.instant()))).containsExactly(IDLE, IDLE);
        assertThat(delivered).containsExactly("NORMAL:STEE0000001", "NORMAL:STEE0000002");
    }

    @Test
    void batchWaitsForEightPmLondonTimeAndRunsUntilSixAm() {
        Transaction t = queued(Priority.BATCH); // Monday 2 March 2026, 09:00 GMT
        OutboundLanes lanes = lanes(5, 1);

        List<LaneOutcome> noon = lanes.runOnce(w.clock.instant());
        assertThat(noon.get(1).kind()).isEqualTo(DEFERRED);
        assertThat(noon.get(1).detail()).isEqualTo("until 2026-03-02T20:00:00Z");
        assertThat(w.jobs.find(DeliveryJobs.jobId(t)).orElseThrow().runAt())
                .isEqualTo(Instant.parse("2026-03-02T20:00:00Z"));
        assertThat(kinds(lanes.runOnce(Instant.parse("2026-03-02T19:59:59Z")))).containsOnly(IDLE);
        assertThat(delivered).isEmpty();

        assertThat(lanes.runOnce(Instant.parse("2026-03-02T20:00:00Z")).get(1).kind()).isEqualTo(DELIVERED);
        assertThat(delivered).containsExactly("BATCH:STEE0000001");
    }

    @Test
    void theBatchWindowIsTheSendersLocalTimeInSummer() {
        w.clock.set(Instant.parse("2026-06-02T04:30:00Z")); // 05:30 BST: inside the window
        queued(Priority.BATCH);
        Transaction late = queued(Priority.BATCH);
        OutboundLanes lanes = lanes(2, 1);

        assertThat(lanes.runOnce(w.clock.instant()).get(1).kind()).isEqualTo(DELIVERED);
        // 06:00 BST = 05:00Z: the window has closed; the next one opens at 20:00 BST = 19:00Z.
        List<LaneOutcome> closed = lanes.runOnce(Instant.parse("2026-06-02T05:00:00Z"));
        assertThat(closed.get(1).kind()).isEqualTo(DEFERRED);
        assertThat(w.jobs.find(DeliveryJobs.jobId(late)).orElseThrow().runAt())
                .isEqualTo(Instant.parse("2026-06-02T19:00:00Z"));
        assertThat(lanes.runOnce(Instant.parse("2026-06-02T19:00:00Z")).get(1).kind()).isEqualTo(DELIVERED);
    }

    @Test
    void normalWorkIsNotHeldUpByDeferredBatch() {
        queued(Priority.BATCH);
        queued(Priority.NORMAL);
        OutboundLanes lanes = lanes(3, 1);
        assertThat(kinds(lanes.runOnce(w.clock.instant()))).containsExactly(IDLE, DELIVERED, DEFERRED);
        assertThat(delivered).containsExactly("NORMAL:STEE0000002");
    }

    @Test
    void failuresAreRetriedOrGivenUpAndRecordedOnTheJob() {
        Transaction t = queued(Priority.NORMAL);
        OutboundLanes lanes = lanes(2, 1);
        scripted.add(new DeliveryResult.Retry(Duration.ofMinutes(5), "PACS busy"));
        scripted.add(new DeliveryResult.GiveUp("unknown AE title"));

        LaneOutcome retry = lanes.runOnce(w.clock.instant()).get(1);
        assertThat(retry.kind()).isEqualTo(RETRYING);
        assertThat(retry.detail()).isEqualTo("PACS busy");
        assertThat(w.jobs.find(DeliveryJobs.jobId(t)).orElseThrow().runAt())
                .isEqualTo(w.clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(kinds(lanes.runOnce(w.clock.instant()))).containsExactly(IDLE, IDLE);

        LaneOutcome dead = lanes.runOnce(w.clock.instant().plus(Duration.ofMinutes(5))).get(1);
        assertThat(dead.kind()).isEqualTo(DEAD);
        var job = w.jobs.find(DeliveryJobs.jobId(t)).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.DEAD);
        assertThat(job.lastError()).isEqualTo("unknown AE title");
    }

    @Test
    void aRetryableInfrastructureFailureIsRetried() {
        queued(Priority.NORMAL);
        OutboundLanes lanes = new OutboundLanes(w.jobs, w.store, w.directoryStore,
                new DeliveryLanes(IepPolicy.DEFAULT), t -> {
                    throw new InfrastructureException(CoreErrorCode.DELIVERY_FAILURE, "connection refused", true,
                            null);
                });
        LaneOutcome o = lanes.runOnce(w.clock.instant()).get(1);
        assertThat(o.kind()).isEqualTo(RETRYING);
        assertThat(o.detail()).contains("connection refused");
    }

    @Test
    void newTransfersAreQueuedOnceAtTheirPriorityByTheListener() {
        // A second world whose transactions service tells DeliveryJobs (on this test's queue) about new ones.
        World world = new World(List.of(jobs()));
        Transaction t = world.transfer(Priority.BLUE_LIGHT);
        var job = w.jobs.find(DeliveryJobs.jobId(t)).orElseThrow();
        assertThat(job.priority()).isEqualTo(Priority.BLUE_LIGHT);
        assertThat(job.kind()).isEqualTo("delivery");
        assertThat(job.payload()).isEqualTo(t.id().value());
        assertThat(jobs().enqueue(t)).isFalse();
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(w.jobs.find(DeliveryJobs.jobId(world.request()))).isEmpty();
    }

    @Test
    void aTransactionCancelledWhileQueuedIsNotDelivered() {
        Transaction t = queued(Priority.NORMAL);
        w.transactions.cancel(w.steeStaff, t.id(), "sent in error", World.CLIENT);
        LaneOutcome o = lanes(2, 1).runOnce(w.clock.instant()).get(1);
        assertThat(o.kind()).isEqualTo(LaneOutcome.Kind.SKIPPED);
        assertThat(o.detail()).isEqualTo("transaction is CANCELLED");
        assertThat(delivered).isEmpty();
        assertThat(w.jobs.find(DeliveryJobs.jobId(t)).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    @Test
    void aFailedTransactionSentBackToWorkGetsAFreshJob() {
        World world = new World(List.of(jobs()));
        Transaction t = world.transfer(Priority.NORMAL);
        var system = new org.iep.api.transaction.Party.System("delivery");
        world.transactions.advance(t.id(), org.iep.api.transaction.TransactionStatus.FAILED, "PACS refused", system,
                World.CLIENT);
        Transaction retried = world.transactions.advance(t.id(), org.iep.api.transaction.TransactionStatus.NEW, "",
                system, World.CLIENT);
        var job = w.jobs.find(DeliveryJobs.retryJobId(retried)).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.payload()).isEqualTo(t.id().value());
        assertThat(w.jobs.find(DeliveryJobs.jobId(t))).isPresent();
    }
}
