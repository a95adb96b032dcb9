package org.iep.api.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A durable queue of jobs with leases. Thread-safe; shared by several nodes in production.
 *
 * <p>Contract: {@link #lease} hands each due job to exactly one worker at a time (a lease that expires makes the
 * job available again — at-least-once delivery; handlers are idempotent). Among due jobs it takes the highest
 * priority first (Blue Light, Normal, Batch), then the earliest {@code runAt}, then enqueue order. Completing or
 * retrying with a lease that is no longer the current one fails with {@code ConflictException} and changes
 * nothing.
 */
public interface JobQueue {

    /** Adds the job unless a job with its ID exists; returns whether it was added. */
    boolean enqueue(Job job);

    /** Takes the best due job matching {@code filter}, leasing it until {@code now + leaseFor}. */
    Optional<LeasedJob> lease(JobFilter filter, Instant now, Duration leaseFor);

    /** Marks the leased job done. */
    void complete(LeasedJob lease);

    /**
     * Gives the job back after a failure: it runs again at {@code runAt}, or becomes {@link JobState#DEAD} when
     * {@code runAt} is empty.
     */
    void retry(LeasedJob lease, Optional<Instant> runAt, String error);

    Optional<Job> find(JobId id);
}
