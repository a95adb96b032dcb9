package org.iep.core.retention;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.recipient.CompanyRecipient;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.notify.Addressee;
import org.iep.core.notify.Notification;
import org.iep.core.notify.NotificationKind;
import org.iep.core.notify.Notifier;
import org.iep.core.policy.IepPolicy;
import org.iep.core.transaction.StatusTable;
import org.iep.core.transaction.TransactionScan;
import org.iep.core.transaction.Transactions;

/**
 * The scheduled retention pass (DESIGN.md §3.7, §4).
 *
 * <p>Images: a transaction is due when {@code created + retention of its origin institution <= now}. We count from
 * creation because transactions carry no arrival time; for the usual transfer the studies arrive within minutes,
 * and erring early is the privacy-safe side. Its blobs under {@code tx/<id>} are deleted first, then it is marked
 * PURGED (through CANCELLED when the status table does not allow PURGED directly, e.g. from NEW). A crash between
 * the two leaves a non-PURGED transaction with no blobs, which the next pass finishes; a second pass changes
 * nothing. Metadata, messages and audit records stay. The recipient is told (PURGED) when the package had been
 * available to them.
 *
 * <p>Requests: seed 004 §2.4 cancels a request when "the appropriate details" cannot be established within two
 * weeks. Mandatory details are enforced when a request is created, so what remains is the other side's missing
 * answer: a request still NEW (neither answered, declined nor cancelled) {@code requestWithoutDetailsCancelAfter}
 * after creation is cancelled.
 *
 * <p>Thread-safe; two nodes running it at once only race on optimistic commits, which the service retries.
 */
public final class PurgeJob {
    static final Party PURGE = new Party.System("purge");
    private static final Set<TransactionStatus> OPEN = EnumSet.complementOf(EnumSet.of(TransactionStatus.PURGED));
    private static final Set<TransactionType> WITH_IMAGES = EnumSet.of(TransactionType.TRANSFER,
            TransactionType.FORWARD, TransactionType.DIRECT_ROUTING);
    // Only a recipient who could have had the images is told they are gone; a cancelled or never-uploaded
    // transaction just closes quietly.
    private static final Set<TransactionStatus> WAS_AVAILABLE = EnumSet.of(TransactionStatus.ON_IEP,
            TransactionStatus.DOWNLOAD_REQUEST, TransactionStatus.DOWNLOADING, TransactionStatus.DELIVERED,
            TransactionStatus.COMPLETE);
    private static final int PAGE = 200;

    private final TransactionStore store;
    private final DirectoryStore directory;
    private final BlobStore blobs;
    private final Transactions transactions;
    private final Auditor auditor;
    private final Notifier notifier;
    private final IepPolicy policy;

    @Inject
    public PurgeJob(TransactionStore store, DirectoryStore directory, BlobStore blobs, Transactions transactions,
                    Auditor auditor, Notifier notifier, IepPolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** One pass at {@code now}. A failure stops the pass; the next pass resumes where it stopped. */
    public PurgeReport runOnce(Instant now) {
        List<TransactionId> purged = new ArrayList<>();
        long[] deleted = {0};
        for (Institution origin : directory.institutions()) {
            // +1 ns: the query's upper bound is exclusive, and exactly `retention` old is due.
            Instant cutoff = now.minus(origin.policies().retention()).plusNanos(1);
            forEachDue(origin, WITH_IMAGES, OPEN, cutoff, t -> {
                deleted[0] += purge(t);
                purged.add(t.id());
            });
        }
        List<TransactionId> cancelled = new ArrayList<>();
        Instant requestCutoff = now.minus(policy.requestWithoutDetailsCancelAfter()).plusNanos(1);
        for (Institution origin : directory.institutions()) {
            forEachDue(origin, EnumSet.of(TransactionType.REQUEST), EnumSet.of(TransactionStatus.NEW),
                    requestCutoff, t -> {
                        transactions.advance(t.id(), TransactionStatus.CANCELLED, "no answer within "
                                + policy.requestWithoutDetailsCancelAfter().toDays() + " days", PURGE,
                                ClientInfo.INTERNAL);
                        cancelled.add(t.id());
                    });
        }
        return new PurgeReport(purged, deleted[0], cancelled);
    }

    // The query has no origin criterion: what the institution received is handled under its own origin.
    private void forEachDue(Institution origin, Set<TransactionType> types, Set<TransactionStatus> statuses,
                            Instant createdBefore, Consumer<Transaction> action) {
        TransactionQuery q = TransactionQuery.all(PAGE).involving(origin.id()).withTypes(types)
                .withStatuses(statuses).createdBetween(Instant.EPOCH, createdBefore);
        TransactionScan.forEach(store, q, t -> {
            if (t.origin().equals(origin.id())) {
                action.accept(t);
            }
        });
    }

    private long purge(Transaction t) {
        long count = blobs.deleteAll(BlobKey.of("tx", t.id().value()));
        auditor.record(PURGE, "retention.purge", t, Outcome.SUCCESS, ClientInfo.INTERNAL, "blobs=" + count);
        if (!StatusTable.allowed(t.type(), t.status(), TransactionStatus.PURGED)) {
            transactions.advance(t.id(), TransactionStatus.CANCELLED, "retention period ended", PURGE,
                    ClientInfo.INTERNAL);
        }
        Transaction after = transactions.advance(t.id(), TransactionStatus.PURGED, "retention period ended",
                PURGE, ClientInfo.INTERNAL);
        if (WAS_AVAILABLE.contains(t.status())) {
            notifyPurged(after);
        }
        return count;
    }

    private void notifyPurged(Transaction t) {
        Addressee to;
        if (t.recipient() instanceof IndividualRecipient i) {
            to = Addressee.email(i.email(), i.language());
        } else if (t.recipient() instanceof CompanyRecipient c) {
            to = Addressee.email(c.contact().email(), c.contact().language());
        } else {
            InstitutionRecipient r = (InstitutionRecipient) t.recipient();
            to = directory.institution(r.institution())
                    .map(i -> Addressee.email(i.contact().email(), Locale.UK)).orElse(null);
            if (to == null) {
                return; // the recipient institution left the directory: nobody to tell
            }
        }
        notifier.notify(Notification.now("PURGED/" + t.id(), NotificationKind.PURGED, to,
                Map.of("tracking", t.tracking().value())));
    }
}
