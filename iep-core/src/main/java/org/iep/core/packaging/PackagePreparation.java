package org.iep.core.packaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iep.api.IepException;
import org.iep.api.NotFoundException;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.LeasedJob;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.transaction.TransactionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packages a transaction once, in the background, as soon as it becomes available, so that its recipient's
 * download streams from the start with a known length and hash ({@link PackageManifest}) instead of hashing on the
 * way. The first package of a content is bound by SHA-256 (about 1.4 GB/s here); a prepared one by reading the
 * files. Registered as a {@link TransactionListener}, it queues a job; {@link #runOnce} works the queue. A failed
 * preparation only costs the download the hash, so it is retried a few times, then given up and logged.
 */
public final class PackagePreparation implements TransactionListener {
    public static final String KIND = "package.prepare";
    private static final Logger LOG = LoggerFactory.getLogger(PackagePreparation.class);
    private static final JobFilter FILTER = new JobFilter(Set.of(KIND), EnumSet.allOf(Priority.class));
    private static final Duration LEASE = Duration.ofHours(1);
    private static final int MAX_ATTEMPTS = 5;
    private static final Set<TransactionStatus> WORTH_IT = EnumSet.of(TransactionStatus.ON_IEP,
            TransactionStatus.DOWNLOAD_REQUEST, TransactionStatus.DOWNLOADING, TransactionStatus.DELIVERED,
            TransactionStatus.COMPLETE);

    private final JobQueue queue;
    private final TransactionStore transactions;
    private final Packager packager;
    private final Clock clock;

    public PackagePreparation(JobQueue queue, TransactionStore transactions, Packager packager, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.packager = Objects.requireNonNull(packager, "packager");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void available(Transaction t) {
        queue.enqueue(Job.of(new JobId("package-" + t.id().value() + "-v" + t.version()), KIND, Priority.BATCH,
                clock.instant(), t.id().value()));
    }

    /** Prepares every package due at {@code now}; returns how many were prepared. */
    public int runOnce(Instant now) {
        int prepared = 0;
        for (Optional<LeasedJob> next = queue.lease(FILTER, now, LEASE); next.isPresent();
                next = queue.lease(FILTER, now, LEASE)) {
            LeasedJob job = next.get();
            try {
                Optional<Transaction> t = transactions.find(new org.iep.api.transaction.TransactionId(
                        job.job().payload()));
                if (t.isPresent() && WORTH_IT.contains(t.get().status())) {
                    packager.measure(t.get(), PackageScope.whole());
                    prepared++;
                }
                queue.complete(job);
            } catch (NotFoundException e) {
                queue.complete(job); // no images (yet): the first download packages it
            } catch (IepException | java.io.UncheckedIOException e) {
                boolean again = job.job().attempts() < MAX_ATTEMPTS;
                LOG.warn("Preparing the package of transaction {} failed ({}); {}", job.job().payload(),
                        e.getMessage(), again ? "trying again in 10 minutes" : "giving up: downloads hash it");
                queue.retry(job, again ? Optional.of(now.plus(Duration.ofMinutes(10))) : Optional.empty(),
                        e.getClass().getSimpleName());
            }
        }
        return prepared;
    }
}
