package org.iep.core.delivery;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobQueue;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.transaction.TransactionListener;

/**
 * Puts one delivery job per transaction on the queue, at the transaction's priority. Registered as a
 * {@link TransactionListener}, it enqueues every new TRANSFER (forwards and requests carry no delivery), a
 * DIRECT_ROUTING when its images are complete and asked for (DOWNLOAD_REQUEST; before that there is nothing to
 * send), and again when a FAILED one is sent back to work. Job IDs derive from the transaction, so a repeated
 * event enqueues nothing new. Thread-safe.
 */
public final class DeliveryJobs implements TransactionListener {
    private static final Set<TransactionStatus> RETRY_TO = EnumSet.of(TransactionStatus.NEW,
            TransactionStatus.STARTED, TransactionStatus.DOWNLOAD_REQUEST);

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
        if (t.type() == TransactionType.TRANSFER) {
            enqueue(t);
        }
    }

    /** A failed transaction sent back to work gets a fresh job; the dead one stays for review. */
    @Override
    public void statusChanged(Transaction before, Transaction after) {
        if (after.type() == TransactionType.DIRECT_ROUTING && after.status() == TransactionStatus.DOWNLOAD_REQUEST
                && before.status() != TransactionStatus.FAILED) {
            enqueue(after);
            return;
        }
        if (before.status() == TransactionStatus.FAILED && RETRY_TO.contains(after.status())) {
            queue.enqueue(Job.of(retryJobId(after), DeliveryLanes.KIND, after.priority(), clock.instant(),
                    after.id().value()));
        }
    }

    public static JobId jobId(Transaction t) {
        return new JobId("delivery-" + t.id().value());
    }

    /** One ID per retry: the version the retry committed is unique to it, so a replayed event adds nothing. */
    public static JobId retryJobId(Transaction t) {
        return new JobId("delivery-" + t.id().value() + "-v" + t.version());
    }
}
