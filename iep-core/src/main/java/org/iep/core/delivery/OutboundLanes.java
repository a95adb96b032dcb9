package org.iep.core.delivery;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iep.api.IepException;
import org.iep.api.directory.Institution;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.LeasedJob;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.policy.IepPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound lane loop. {@link #runOnce} lets every lane lease at most one job and hands it to the
 * {@link DeliveryHandler}; a scheduler calls it repeatedly (tests call it directly, with a chosen instant).
 * Thread-safe as long as the ports are; two nodes running it share work through the queue's leases. A handler
 * failing with anything but an {@code IepException} is a bug: it propagates out of {@link #runOnce}, and the job
 * becomes available again when its lease expires.
 */
public final class OutboundLanes {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundLanes.class);
    /** How long a lease lasts: longer than a large study takes to move, so it is not taken over mid-delivery. */
    static final Duration LEASE = Duration.ofMinutes(30);
    /** Attempts (deferrals included) after which a failing delivery is given up. */
    static final int MAX_ATTEMPTS = 20;
    private static final Set<TransactionStatus> CLOSED = EnumSet.of(TransactionStatus.CANCELLED,
            TransactionStatus.DECLINED, TransactionStatus.PURGED, TransactionStatus.DELIVERED,
            TransactionStatus.COMPLETE, TransactionStatus.ANSWERED);

    private final JobQueue queue;
    private final TransactionStore transactions;
    private final DirectoryStore directory;
    private final DeliveryLanes lanes;
    private final DeliveryHandler handler;

    @Inject
    public OutboundLanes(JobQueue queue, TransactionStore transactions, DirectoryStore directory,
                         DeliveryLanes lanes, DeliveryHandler handler) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.lanes = Objects.requireNonNull(lanes, "lanes");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** One pass over all lanes, lane 0 first; returns what each lane did. */
    public List<LaneOutcome> runOnce(Instant now) {
        List<LaneOutcome> outcomes = new ArrayList<>();
        for (int lane = 0; lane < lanes.lanes(); lane++) {
            int l = lane;
            outcomes.add(queue.lease(lanes.filter(lane), now, LEASE).map(job -> run(l, job, now))
                    .orElseGet(() -> LaneOutcome.idle(l)));
        }
        return outcomes;
    }

    private LaneOutcome run(int lane, LeasedJob lease, Instant now) {
        TransactionId id = new TransactionId(lease.job().payload());
        Optional<Transaction> found = transactions.find(id);
        if (found.isEmpty()) {
            return dead(lane, lease, Optional.empty(), "transaction " + id + " does not exist");
        }
        Transaction t = found.get();
        if (CLOSED.contains(t.status())) {
            // Cancelled or finished while it waited: nothing to move, and the job must not come back.
            queue.complete(lease);
            return new LaneOutcome(lane, LaneOutcome.Kind.SKIPPED, Optional.of(id), "transaction is " + t.status());
        }
        ZoneId zone = directory.institution(t.origin()).map(Institution::zone).orElse(ZoneId.of("UTC"));
        ZonedDateTime local = now.atZone(zone);
        if (!lanes.priorities(lane, local.toLocalTime()).contains(t.priority())) {
            // Only Batch can get here (the filter keeps Normal off reserved lanes): wait for the window.
            Instant opens = nextWindowStart(local, lanes.policy());
            queue.retry(lease, Optional.of(opens), "waiting for the batch window");
            return new LaneOutcome(lane, LaneOutcome.Kind.DEFERRED, Optional.of(id), "until " + opens);
        }
        DeliveryResult result;
        try {
            result = handler.deliver(t);
        } catch (IepException e) {
            LOG.warn("Delivery of {} failed (attempt {}): {}", t.tracking(), lease.job().attempts(), e.getMessage());
            result = e.retryable() ? new DeliveryResult.Retry(backoff(lease.job().attempts()), e.getMessage())
                    : new DeliveryResult.GiveUp(e.getMessage());
        }
        if (result instanceof DeliveryResult.Done) {
            queue.complete(lease);
            return new LaneOutcome(lane, LaneOutcome.Kind.DELIVERED, Optional.of(id), "");
        }
        if (result instanceof DeliveryResult.Retry r) {
            if (lease.job().attempts() >= MAX_ATTEMPTS) {
                return dead(lane, lease, Optional.of(id), "gave up after " + lease.job().attempts() + " attempts: "
                        + r.reason());
            }
            queue.retry(lease, Optional.of(now.plus(r.after())), r.reason());
            return new LaneOutcome(lane, LaneOutcome.Kind.RETRYING, Optional.of(id), r.reason());
        }
        return dead(lane, lease, Optional.of(id), ((DeliveryResult.GiveUp) result).reason());
    }

    private LaneOutcome dead(int lane, LeasedJob lease, Optional<TransactionId> id, String reason) {
        LOG.error("Delivery job {} is dead: {}", lease.job().id(), reason);
        queue.retry(lease, Optional.empty(), reason);
        return new LaneOutcome(lane, LaneOutcome.Kind.DEAD, id, reason);
    }

    /** The next start of the overnight window after {@code local}, in its zone (DST gaps move it forward). */
    static Instant nextWindowStart(ZonedDateTime local, IepPolicy policy) {
        ZonedDateTime start = local.toLocalDate().atTime(policy.batchWindowStart()).atZone(local.getZone());
        return (start.isAfter(local) ? start : start.plusDays(1)).toInstant();
    }

    // 1, 2, 4 ... minutes, at most an hour.
    private static Duration backoff(int attempts) {
        Duration d = Duration.ofMinutes(1L << Math.min(6, Math.max(0, attempts - 1)));
        return d.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : d;
    }
}
