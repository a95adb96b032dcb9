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
import org.iep.api.audit.Outcome;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobFilter;
import org.iep.api.spi.JobId;
import org.iep.api.spi.JobQueue;
import org.iep.api.spi.LeasedJob;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.transaction.TransactionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packages a transaction once, in the background, as soon as it becomes available, so that its recipient's
 * download streams from the start with a known length and hash ({@link PackageManifest}) instead of measuring it
 * first. Registered as a {@link TransactionListener}, it queues a job; {@link #runOnce} works the queue. A failed
 * preparation only costs the next download its manifest, so it is retried a few times, then given up and logged.
 *
 * <p>It also hashes packages that were downloaded before they were prepared: such a download streams unhashed
 * (one SHA-256 runs at about 1.4 GB/s here, slower than reading the files), its audit record names the package's
 * fingerprint, and {@link #hashLater} queues a durable job (before the download is recorded) that makes the same
 * bytes again, hashes them and audits {@code package.hash} with fingerprint and SHA-256 — or, if the content changed
 * meanwhile, a failure saying so.
 */
public final class PackagePreparation implements TransactionListener {
    public static final String KIND = "package.prepare";
    public static final String HASH_KIND = "package.hash";
    private static final Logger LOG = LoggerFactory.getLogger(PackagePreparation.class);
    private static final Party ACTOR = new Party.System("packaging");
    private static final JobFilter FILTER = new JobFilter(Set.of(KIND, HASH_KIND), EnumSet.allOf(Priority.class));
    private static final Duration LEASE = Duration.ofHours(1);
    private static final int MAX_ATTEMPTS = 5;
    private static final Set<TransactionStatus> WORTH_IT = EnumSet.of(TransactionStatus.ON_IEP,
            TransactionStatus.DOWNLOAD_REQUEST, TransactionStatus.DOWNLOADING, TransactionStatus.DELIVERED,
            TransactionStatus.COMPLETE);

    private final JobQueue queue;
    private final TransactionStore transactions;
    private final Packager packager;
    private final Auditor auditor;
    private final Clock clock;

    public PackagePreparation(JobQueue queue, TransactionStore transactions, Packager packager, Auditor auditor,
                              Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.packager = Objects.requireNonNull(packager, "packager");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void available(Transaction t) {
        queue.enqueue(Job.of(new JobId("package-" + t.id().value() + "-v" + t.version()), KIND, Priority.BATCH,
                clock.instant(), t.id().value()));
    }

    /**
     * Queues the hashing of a whole package streamed without its SHA-256 (nothing to do when it has one). Durable:
     * call it before recording the download, so a crash cannot leave a download whose hash is never audited. The
     * same content downloaded twice is hashed once.
     */
    public void hashLater(Transaction t, PackageResult streamed) {
        if (streamed.sha256().isPresent()) {
            return;
        }
        queue.enqueue(Job.of(new JobId("package-hash-" + t.id().value() + "-" + streamed.fingerprint()), HASH_KIND,
                Priority.NORMAL, clock.instant(), t.id().value() + " " + streamed.fingerprint()));
    }

    /** Prepares every package due at {@code now}; returns how many were prepared. */
    public int runOnce(Instant now) {
        int prepared = 0;
        for (Optional<LeasedJob> next = queue.lease(FILTER, now, LEASE); next.isPresent();
                next = queue.lease(FILTER, now, LEASE)) {
            LeasedJob job = next.get();
            try {
                if (job.job().kind().equals(HASH_KIND)) {
                    hash(job.job().payload());
                } else {
                    Optional<Transaction> t = transactions.find(new TransactionId(job.job().payload()));
                    if (t.isPresent() && WORTH_IT.contains(t.get().status())) {
                        packager.measure(t.get(), PackageScope.whole());
                        prepared++;
                    }
                }
                queue.complete(job);
            } catch (NotFoundException e) {
                queue.complete(job); // no images (yet): the first download packages it
            } catch (IepException | java.io.UncheckedIOException e) {
                boolean again = job.job().attempts() < MAX_ATTEMPTS;
                LOG.warn("{} of {} failed ({}); {}", job.job().kind(), job.job().payload(), e.getMessage(),
                        again ? "trying again in 10 minutes" : "giving up after " + MAX_ATTEMPTS + " attempts");
                queue.retry(job, again ? Optional.of(now.plus(Duration.ofMinutes(10))) : Optional.empty(),
                        e.getClass().getSimpleName());
            }
        }
        return prepared;
    }

    private void hash(String payload) {
        String[] parts = payload.split(" ", 2);
        Optional<Transaction> t = transactions.find(new TransactionId(parts[0]));
        if (t.isEmpty()) {
            LOG.warn("A downloaded package of transaction {} could not be hashed: the transaction is gone", parts[0]);
            return;
        }
        Optional<PackageResult> measured;
        try {
            measured = packager.measure(t.get(), PackageScope.whole(), parts[1]);
        } catch (NotFoundException e) {
            measured = Optional.empty(); // its images were purged
        }
        if (measured.isPresent()) {
            auditor.record(ACTOR, "package.hash", t.get(), Outcome.SUCCESS, ClientInfo.INTERNAL,
                    "package=" + parts[1] + " sha256=" + measured.get().requireSha256());
        } else {
            auditor.record(ACTOR, "package.hash", t.get(), Outcome.FAILURE, ClientInfo.INTERNAL,
                    "package=" + parts[1] + ": its content changed before it was hashed; the audited fingerprint"
                            + " still binds what was downloaded");
        }
    }
}
