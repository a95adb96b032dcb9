package org.iep.core.access;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantId;
import org.iep.api.access.GrantState;
import org.iep.api.access.PasscodeState;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.recipient.CompanyRecipient;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.SessionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionType;
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
import org.iep.core.secret.SecretHasher;
import org.iep.core.transaction.TransactionListener;

/**
 * Issues individuals' grants and withdraws them. When a package addressed to an individual (or a company's
 * contact) becomes available, a grant with a fresh 256-bit link token is stored — the token only as its HMAC —
 * and the link is e-mailed (held back until the "doctor first" release). A request addressed to an individual
 * gets a grant for uploading. When a transaction is declined, cancelled or purged, every grant on it is revoked
 * and every session ended at once. Issuing is idempotent per transaction and recipient e-mail (sequential
 * redelivery of the same event issues nothing new). Thread-safe.
 */
public final class AccessGrants implements TransactionListener {
    private static final Party SYSTEM = new Party.System("access");
    private final AccessStore grants;
    private final SessionStore sessions;
    private final DirectoryStore directory;
    private final SecretHasher hasher;
    private final IdGenerator ids;
    private final Notifier notifier;
    private final Auditor auditor;
    private final IepPolicy policy;
    private final AccessLinks links;
    private final Clock clock;

    @Inject
    public AccessGrants(AccessStore grants, SessionStore sessions, DirectoryStore directory, SecretHasher hasher,
                        IdGenerator ids, Notifier notifier, Auditor auditor, IepPolicy policy, AccessLinks links,
                        Clock clock) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void available(Transaction t) {
        if (t.type() != TransactionType.REQUEST) {
            issue(t);
        }
    }

    @Override
    public void created(Transaction t) {
        if (t.type() == TransactionType.REQUEST) {
            issue(t);
        }
    }

    @Override
    public void statusChanged(Transaction before, Transaction after) {
        if (AccessRules.ENDED.contains(after.status())) {
            revokeAll(after, Optional.empty());
        }
    }

    /**
     * The grant of the individual a transaction is addressed to, issued (and its link sent) if they have none yet;
     * empty when the recipient is an institution, or when the transaction has ended and nobody ever had a grant.
     */
    public Optional<AccessGrant> issue(Transaction t) {
        return individual(t).flatMap(r -> issue(t, r));
    }

    /** The grant of a forward's recipient, who may not forward again. */
    public AccessGrant issueForForward(Transaction forward) {
        if (forward.type() != TransactionType.FORWARD) {
            throw new IllegalArgumentException("not a forward: " + forward.tracking());
        }
        return issue(forward).orElseThrow(() -> new IllegalArgumentException(
                "a forward goes to an individual and is not over: " + forward.tracking()));
    }

    /**
     * Revokes every active grant of {@code t} (the decliner's becomes DECLINED) and ends all their sessions.
     * Idempotent; returns how many grants changed.
     */
    public int revokeAll(Transaction t, Optional<GrantId> decliner) {
        int changed = 0;
        for (AccessGrant g : grants.forTransaction(t.id())) {
            GrantState target = decliner.filter(g.id()::equals).isPresent() ? GrantState.DECLINED : GrantState.REVOKED;
            if (revoke(g.id(), target)) {
                changed++;
                auditor.record(SYSTEM, "grant.revoke", t, Outcome.SUCCESS, ClientInfo.INTERNAL,
                        "grant " + g.id() + " " + target + " (transaction " + t.status() + ")");
            }
            sessions.deleteForGrant(g.id());
        }
        return changed;
    }

    private boolean revoke(GrantId id, GrantState target) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<AccessGrant> current = grants.find(id);
            if (current.isEmpty() || current.get().state() != GrantState.ACTIVE) {
                return false;
            }
            try {
                grants.update(current.get().withState(target));
                return true;
            } catch (ConflictException e) {
                if (e.errorCode() != CoreErrorCode.CONCURRENT_MODIFICATION) {
                    throw e;
                }
            }
        }
        throw new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION,
                "Grant " + id + " kept changing while it was being revoked; revoke it again.");
    }

    private Optional<AccessGrant> issue(Transaction t, IndividualRecipient r) {
        List<AccessGrant> theirs = grants.forTransaction(t.id()).stream()
                .filter(g -> g.recipient().email().equalsIgnoreCase(r.email())).toList();
        Optional<AccessGrant> existing = theirs.stream().filter(g -> g.state() != GrantState.REVOKED).findFirst();
        if (existing.isPresent() || AccessRules.ENDED.contains(t.status())) {
            return existing.or(() -> theirs.stream().reduce((first, last) -> last));
        }
        String token = ids.newSecret();
        Instant availability = t.created().plus(policy.packageAvailability());
        Instant expires = t.expires().isBefore(availability) ? t.expires() : availability;
        Instant view = t.created().plus(policy.viewWindow());
        AccessGrant stored = grants.insert(new AccessGrant(new GrantId("g-" + ids.newId()), t.id(),
                hasher.hash(token), r, t.type() != TransactionType.FORWARD, GrantState.ACTIVE, clock.instant(),
                view.isBefore(expires) ? view : expires, expires, PasscodeState.NONE, 0));
        try {
            notifier.notify(linkNotification(t, stored, token));
        } catch (RuntimeException e) {
            // Only the mail could ever carry this token. Withdraw the grant, so announcing the package again
            // issues a fresh one instead of finding a grant nobody can reach.
            revoke(stored.id(), GrantState.REVOKED);
            throw e;
        }
        auditor.record(SYSTEM, "grant.issue", t, Outcome.SUCCESS, ClientInfo.INTERNAL, "grant " + stored.id()
                + " for " + Masking.mask(r.email()) + (stored.mayForward() ? "" : ", no forwarding"));
        return Optional.of(stored);
    }

    private Notification linkNotification(Transaction t, AccessGrant g, String token) {
        Institution inst = Responsible.institution(directory, t);
        Locale lang = g.recipient().language();
        Map<String, String> v = new HashMap<>();
        v.put("recipientName", g.recipient().displayName());
        v.put("institution", inst.name());
        v.put("tracking", t.tracking().value());
        v.put("patient", Masking.name(t.patient().familyName(), t.patient().givenName()));
        v.put("expires", DateText.format(g.expires(), inst.zone(), lang));
        v.put("viewUntil", DateText.format(g.viewUntil(), inst.zone(), lang));
        v.put("contactEmail", inst.contact().email());
        v.put("contactPhone", inst.contact().phone());
        v.put(Notification.SECRET + "link", links.link(token));
        NotificationKind kind = t.type() == TransactionType.REQUEST ? NotificationKind.UPLOAD_REQUESTED
                : NotificationKind.AVAILABLE;
        return new Notification(kind + "/" + g.id(), kind, Addressee.email(g.recipient().email(), lang), v,
                t.releaseAfter().orElse(Instant.EPOCH), g.expires());
    }

    private static Optional<IndividualRecipient> individual(Transaction t) {
        if (t.recipient() instanceof IndividualRecipient i) {
            return Optional.of(i);
        }
        if (t.recipient() instanceof CompanyRecipient c) {
            return Optional.of(c.contact());
        }
        return Optional.empty();
    }
}
