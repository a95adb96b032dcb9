package org.iep.core.access;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.access.AccessGrant;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.notify.Addressee;
import org.iep.core.notify.Masking;
import org.iep.core.notify.Notification;
import org.iep.core.notify.NotificationKind;
import org.iep.core.notify.Notifier;
import org.iep.core.policy.IepPolicy;
import org.iep.core.transaction.StatusTable;
import org.iep.core.transaction.TransactionListener;
import org.iep.core.validation.Problems;

/**
 * An individual declines a package (or a request) with a mandatory reason: the transaction becomes DECLINED in
 * one atomic commit checked by the {@link StatusTable}, every grant on it is revoked and every session ended at
 * once, the sending institution is told, and the decline is audited. The {@code listeners} (delivery, retention…)
 * hear about the status change after the commit. Thread-safe.
 */
public final class Decline {
    private static final int MAX_RACES = 100;
    private final TransactionStore transactions;
    private final DirectoryStore directory;
    private final IndividualAccess access;
    private final AccessGrants grants;
    private final List<TransactionListener> listeners;
    private final Notifier notifier;
    private final Auditor auditor;
    private final IepPolicy policy;
    private final Clock clock;

    @Inject
    public Decline(TransactionStore transactions, DirectoryStore directory, IndividualAccess access,
                   AccessGrants grants, List<TransactionListener> listeners, Notifier notifier, Auditor auditor,
                   IepPolicy policy, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.access = Objects.requireNonNull(access, "access");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.listeners = List.copyOf(listeners);
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Declines and returns the committed transaction. */
    public Transaction decline(IndividualPrincipal principal, String reason, ClientInfo client) {
        Objects.requireNonNull(principal, "principal");
        new Problems().text(reason, "reason", policy.maxTextLength()).throwIfAny();
        for (int race = 0; race < MAX_RACES; race++) {
            IndividualPrincipal fresh = access.recheck(principal, Action.DECLINE, client);
            Transaction before = fresh.transaction();
            StatusTable.check(before, TransactionStatus.DECLINED);
            Instant now = clock.instant();
            Transaction after = before.toBuilder().status(TransactionStatus.DECLINED).statusReason(reason.strip())
                    .updated(now).build();
            Transaction stored;
            try {
                stored = transactions.commit(TransactionChanges.update(after)).get(0);
            } catch (ConflictException e) {
                if (e.errorCode() == CoreErrorCode.CONCURRENT_MODIFICATION) {
                    continue;
                }
                throw e;
            }
            grants.revokeAll(stored, Optional.of(principal.grant().id()));
            auditor.record(principal.party(), "transaction.decline", stored, Outcome.SUCCESS, client,
                    before.status() + " -> DECLINED by the recipient");
            tellSender(stored, fresh.grant());
            listeners.forEach(l -> l.statusChanged(before, stored));
            return stored;
        }
        throw new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION,
                "The transaction kept changing while it was being declined; reload it and decline again.");
    }

    private void tellSender(Transaction t, AccessGrant decliner) {
        Institution inst = Responsible.institution(directory, t);
        notifier.notify(Notification.now("DECLINED/" + t.id(), NotificationKind.DECLINED,
                Addressee.email(inst.contact().email(), Locale.UK),
                Map.of("tracking", t.tracking().value(), "reason", t.statusReason(), "type", t.type().name(),
                        "priority", t.priority().name(),
                        "institution", "the recipient, " + Masking.mask(decliner.recipient().email()))));
    }
}
