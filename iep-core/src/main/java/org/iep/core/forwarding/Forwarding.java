package org.iep.core.forwarding;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Message;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.TrackingNumber;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.access.AccessGrants;
import org.iep.core.access.Action;
import org.iep.core.access.IndividualAccess;
import org.iep.core.access.IndividualPrincipal;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.id.IdGenerator;
import org.iep.core.notify.Addressee;
import org.iep.core.notify.DateText;
import org.iep.core.notify.Masking;
import org.iep.core.notify.Notification;
import org.iep.core.notify.NotificationKind;
import org.iep.core.notify.Notifier;
import org.iep.core.policy.IepPolicy;
import org.iep.core.transaction.TrackingNumbers;

/**
 * Forwards a received package to another individual. One atomic commit inserts the FORWARD transaction (same
 * origin, patient, studies and attachments; the thread carried plus the new message; ON_IEP at once; a tracking
 * number of the originating institution) and raises the source's {@code forwardCount} at the version it was read
 * at; when another forward won the race the source is re-read and the limit checked again, so the limit holds
 * under any concurrency. Then the forwardee gets a grant that cannot forward and their link, the originating
 * institution is told, and everything is audited (including the accepted disclaimer). Thread-safe.
 */
public final class Forwarding {
    /** The disclaimer version whose acceptance is audited; change it when the wizard's wording changes. */
    public static final String DISCLAIMER_VERSION = "forward-disclaimer-1";
    private static final int MAX_RACES = 100;
    private final TransactionStore transactions;
    private final DirectoryStore directory;
    private final IndividualAccess access;
    private final AccessGrants grants;
    private final TrackingNumbers tracking;
    private final IdGenerator ids;
    private final Notifier notifier;
    private final Auditor auditor;
    private final IepPolicy policy;
    private final Clock clock;

    @Inject
    public Forwarding(TransactionStore transactions, DirectoryStore directory, IndividualAccess access,
                      AccessGrants grants, TrackingNumbers tracking, IdGenerator ids, Notifier notifier,
                      Auditor auditor, IepPolicy policy, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.access = Objects.requireNonNull(access, "access");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.tracking = Objects.requireNonNull(tracking, "tracking");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates the forward and returns it as committed. */
    public Transaction forward(IndividualPrincipal principal, ForwardRequest request, ClientInfo client) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(client, "client");
        // throws ConflictException(FORWARD_NOT_ALLOWED) for a forwardee, and any revocation or expiry
        IndividualPrincipal fresh = access.recheck(principal, Action.FORWARD, client);
        Party.Individual sender = fresh.party();
        ForwardValidation.check(request, latestExpiry(fresh), clock.instant(), policy.maxTextLength());
        auditor.record(sender, "forward.disclaimer", fresh.transaction(), Outcome.SUCCESS, client,
                "accepted " + DISCLAIMER_VERSION);

        Institution origin = directory.institution(fresh.transaction().origin())
                .orElseThrow(() -> new NotFoundException("Institution " + fresh.transaction().origin()));
        // drawn once: a lost race rolls back the insert, so the same ID and number are free for the next try
        TransactionId id = new TransactionId(ids.newId());
        TrackingNumber number = tracking.next(origin);
        for (int race = 0; race < MAX_RACES; race++) {
            IndividualPrincipal current = access.recheck(principal, Action.FORWARD, client);
            Transaction source = current.transaction();
            if (source.forwardCount() >= policy.maxForwards()) {
                auditor.record(sender, "transaction.forward", source, Outcome.DENIED, client,
                        "limit of " + policy.maxForwards() + " forwards reached");
                throw new ConflictException(CoreErrorCode.FORWARD_LIMIT_REACHED, "This package was already forwarded "
                        + source.forwardCount() + " times, the most allowed. Ask the sending hospital instead.");
            }
            Instant now = clock.instant();
            Transaction forward = build(id, number, source, sender, request, latestExpiry(current), now);
            Transaction counted = source.toBuilder().forwardCount(source.forwardCount() + 1).updated(now).build();
            List<Transaction> stored;
            try {
                stored = transactions.commit(new TransactionChanges(List.of(forward), List.of(counted)));
            } catch (ConflictException e) {
                if (e.errorCode() == CoreErrorCode.CONCURRENT_MODIFICATION) {
                    continue;
                }
                throw e;
            }
            return afterCommit(stored.get(0), stored.get(1), origin, sender, request.recipient(), client);
        }
        throw new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION,
                "The package kept changing while it was being forwarded; try again.");
    }

    /**
     * The latest expiry a forward of this package may have, which the wizard shows as the date the recipient can
     * download until: the source transaction's expiry or the forwarder's own access, whichever ends first.
     */
    public Instant latestExpiry(IndividualPrincipal principal) {
        Instant own = principal.grant().expires();
        Instant source = principal.transaction().expires();
        return own.isBefore(source) ? own : source;
    }

    private Transaction build(TransactionId id, TrackingNumber number, Transaction source, Party.Individual sender,
                              ForwardRequest request, Instant latest, Instant now) {
        List<Message> messages = new ArrayList<>(source.messages());
        if (!request.message().isBlank()) {
            messages.add(new Message(now, sender, sender.displayName(), request.message().strip()));
        }
        return new Transaction.Builder()
                .id(id).tracking(number).type(TransactionType.FORWARD).sender(sender).origin(source.origin())
                .recipient(request.recipient()).patient(source.patient()).studies(source.studies())
                .attachments(source.attachments()).messages(messages).priority(source.priority())
                .status(TransactionStatus.ON_IEP).created(now).updated(now)
                .expires(request.expiry().orElse(latest))
                .parent(Optional.of(source.id()))
                .build();
    }

    private Transaction afterCommit(Transaction forward, Transaction source, Institution origin,
                                    Party.Individual sender, IndividualRecipient forwardee, ClientInfo client) {
        grants.issueForForward(forward);
        auditor.record(sender, "transaction.forward", source, Outcome.SUCCESS, client, "forward "
                + source.forwardCount() + " of " + policy.maxForwards() + " as " + forward.tracking());
        auditor.record(sender, "transaction.create", forward, Outcome.SUCCESS, client,
                "forward of " + source.tracking());
        notifier.notify(Notification.now("FORWARDED/" + forward.id(), NotificationKind.FORWARDED,
                Addressee.email(origin.contact().email(), Locale.UK),
                Map.of("tracking", source.tracking().value(), "forwardTracking", forward.tracking().value(),
                        "patient", Masking.name(source.patient().familyName(), source.patient().givenName()),
                        "forwardee", Masking.mask(forwardee.email()),
                        "expires", DateText.format(forward.expires(), origin.zone(), Locale.UK))));
        return forward;
    }
}
