package org.iep.testkit.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.JobState;
import org.iep.api.spi.LeasedJob;

/** Jobs in insertion order under one lock; leases are random IDs with an expiry. */
public final class InMemoryJobQueue implements JobQueue {
    private static final class Entry {
        Job job;
        final long order;
        String leaseId;
        Instant leaseUntil = Instant.MIN;

        Entry(Job job, long order) {
            this.job = job;
            this.order = order;
        }
    }

    private final Map<JobId, Entry> jobs = new LinkedHashMap<>();
    private long order;

    @Override
    public synchronized boolean enqueue(Job job) {
        if (jobs.containsKey(job.id())) {
            return false;
        }
        jobs.put(job.id(), new Entry(job, order++));
        return true;
    }

    @Override
    public synchronized Optional<LeasedJob> lease(JobFilter filter, Instant now, Duration leaseFor) {
        Optional<Entry> best = jobs.values().stream()
                .filter(e -> e.job.state() == JobState.QUEUED && filter.matches(e.job))
                .filter(e -> !e.job.runAt().isAfter(now) && !e.leaseUntil.isAfter(now))
                .min(Comparator.<Entry, Integer>comparing(e -> e.job.priority().ordinal())
                        .thenComparing(e -> e.job.runAt()).thenComparingLong(e -> e.order));
        return best.map(e -> {
            Job j = e.job;
            e.job = new Job(j.id(), j.kind(), j.priority(), j.runAt(), j.payload(), j.state(), j.attempts() + 1,
                    j.lastError());
            e.leaseId = UUID.randomUUID().toString();
            e.leaseUntil = now.plus(leaseFor);
            return new LeasedJob(e.job, e.leaseId, e.leaseUntil);
        });
    }

    @Override
    public synchronized void complete(LeasedJob lease) {
        Entry e = owned(lease);
        e.job = with(e.job, JobState.DONE, e.job.runAt(), e.job.lastError());
        e.leaseId = null;
    }

    @Override
    public synchronized void retry(LeasedJob lease, Optional<Instant> runAt, String error) {
        Entry e = owned(lease);
        e.job = runAt.map(at -> with(e.job, JobState.QUEUED, at, error))
                .orElseGet(() -> with(e.job, JobState.DEAD, e.job.runAt(), error));
        e.leaseId = null;
        e.leaseUntil = Instant.MIN;
    }

    @Override
    public synchronized Optional<Job> find(JobId id) {
        return Optional.ofNullable(jobs.get(id)).map(e -> e.job);
    }

    private Entry owned(LeasedJob lease) {
        Entry e = jobs.get(lease.job().id());
        if (e == null || e.leaseId == null || !e.leaseId.equals(lease.leaseId())) {
            throw Conflicts.stale("Job " + lease.job().id() + " (its lease expired and was taken over)");
        }
        return e;
    }

    private static Job with(Job j, JobState state, Instant runAt, String error) {
        return new Job(j.id(), j.kind(), j.priority(), runAt, j.payload(), state, j.attempts(), error);
    }
}
