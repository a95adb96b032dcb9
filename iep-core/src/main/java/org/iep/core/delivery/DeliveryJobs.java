package org.iep.core.delivery;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobQueue;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionType;
import org.iep.core.transaction.TransactionListener;

/**
 * Puts one delivery job per transaction on the queue, at the transaction's priority. Registered as a
 * {@link TransactionListener}, it enqueues every new TRANSFER and DIRECT_ROUTING (forwards and requests carry no
 * delivery). The job ID is derived from the transaction ID, so enqueuing twice is harmless. Thread-safe.
 */
public final class DeliveryJobs implements TransactionListener {
    private final JobQueue queue;
    private final Clock clock;

    @Inject
    public DeliveryJobs(JobQueue queue, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Enqueues the delivery of {@code t}; returns false when it was already queued. */
    public boolean enqueue(Transaction t) {
        return queue.enqueue(Job.of(jobId(t), DeliveryLanes.KIND, t.priority(), clock.instant(), t.id().value()));
    }

    @Override
    public void created(Transaction t) {
        if (t.type() == TransactionType.TRANSFER || t.type() == TransactionType.DIRECT_ROUTING) {
            enqueue(t);
        }
    }

    public static JobId jobId(Transaction t) {
        return new JobId("delivery-" + t.id().value());
    }
}
