package org.iep.api.spi;

/** Where a job is in its life. */
public enum JobState {
    /** Waiting for its {@code runAt}, or leased by a worker whose lease has not expired. */
    QUEUED,
    DONE,
    /** Gave up after its attempts; kept for review. */
    DEAD
}
