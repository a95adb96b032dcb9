package org.iep.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.LeasedJob;

/** Wraps a queue and keeps every job ever enqueued, so tests can scan all payloads for leaked secrets. */
public final class RecordingJobQueue implements JobQueue {
    private final JobQueue delegate;
    private final List<Job> enqueued = new CopyOnWriteArrayList<>();

    public RecordingJobQueue(JobQueue delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean enqueue(Job job) {
        enqueued.add(job);
        return delegate.enqueue(job);
    }

    @Override
    public Optional<LeasedJob> lease(JobFilter filter, Instant now, Duration leaseFor) {
        return delegate.lease(filter, now, leaseFor);
    }

    @Override
    public void complete(LeasedJob lease) {
        delegate.complete(lease);
    }

    @Override
    public void retry(LeasedJob lease, Optional<Instant> runAt, String error) {
        delegate.retry(lease, runAt, error);
    }

    @Override
    public Optional<Job> find(JobId id) {
        return delegate.find(id);
    }

    public List<Job> enqueued() {
        return List.copyOf(enqueued);
    }
}
