package org.iep.api.spi;

import java.time.Instant;
import java.util.Objects;

/** A job taken by a worker until {@code until}; {@code leaseId} proves ownership when completing it. */
public record LeasedJob(Job job, String leaseId, Instant until) {
    public LeasedJob {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(leaseId, "leaseId");
        Objects.requireNonNull(until, "until");
    }
}
