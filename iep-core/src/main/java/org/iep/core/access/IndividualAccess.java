package org.iep.core.access;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.AccessSession;
import org.iep.api.access.GrantState;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.SessionStore;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.policy.IepPolicy;
import org.iep.core.secret.SecretHasher;

/**
 * Authorises every request an individual makes with a session: the session must exist and be within its idle
 * (15 min) and absolute (12 h) limits, its grant ACTIVE, the transaction not declined, cancelled or purged, and the
 * action allowed by the grant's windows ({@link AccessRules}). Revocation is therefore effective on the very next
 * request. A successful check refreshes the session's idle timer. Every allow and deny is audited; the session ID
 * itself never is. Thread-safe.
 */
public final class IndividualAccess {
    private static final Party ANONYMOUS = new Party.System("access");
    private final SessionStore sessions;
    private final AccessStore grants;
    private final TransactionStore transactions;
    private final SecretHasher hasher;
    private final Auditor auditor;
    private final IepPolicy policy;
    private final Clock clock;

    @Inject
    public IndividualAccess(SessionStore sessions, AccessStore grants, TransactionStore transactions,
                            SecretHasher hasher, Auditor auditor, IepPolicy policy, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Authorises {@code action} on the transaction the session's grant reaches. */
    public IndividualPrincipal authorize(String sessionId, Action action, ClientInfo client) {
        AccessGrant own = session(sessionId, action, client);
        return allow(own, action, client, sessionId);
    }

    /**
     * Authorises {@code action} on another transaction of the dashboard: allowed only through a grant for the same
     * e-mail address whose passcodes go to the same phone or address, so the session proves the same two factors.
     */
    public IndividualPrincipal authorize(String sessionId, TransactionId target, Action action, ClientInfo client) {
        AccessGrant own = session(sessionId, action, client);
        if (own.transaction().equals(target)) {
            return allow(own, action, client, sessionId);
        }
        Optional<AccessGrant> other = grants.forTransaction(target).stream()
                .filter(g -> AccessRules.sameIndividual(own, g))
                .min(Comparator.comparing((AccessGrant g) -> g.state() != GrantState.ACTIVE));
        if (other.isEmpty()) {
            auditor.record(party(own), action.auditName(), Outcome.DENIED, client, "no grant on " + target);
            throw new AccessDeniedException(CoreErrorCode.ACCESS_DENIED,
                    "This transaction was not sent to you. Open it from your dashboard.");
        }
        return allow(other.get(), action, client, sessionId);
    }

    /**
     * Re-reads grant and transaction of {@code principal} and checks {@code action} again, for services that are
     * about to change state. Throws like {@link #authorize}; denials are audited.
     */
    public IndividualPrincipal recheck(IndividualPrincipal principal, Action action, ClientInfo client) {
        AccessGrant g = grants.find(principal.grant().id())
                .orElseThrow(() -> new NotFoundException("Access grant " + principal.grant().id()));
        Transaction t = transaction(g);
        Optional<Denial> denial = AccessRules.check(g, t, action, clock.instant(), policy.maxForwards());
        if (denial.isPresent()) {
            auditor.record(party(g), action.auditName(), t, Outcome.DENIED, client, denial.get().code().name());
            throw denial.get().toException();
        }
        return new IndividualPrincipal(g, t);
    }

    /** Ends the session (log out). Idempotent. */
    public void logout(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            sessions.delete(hasher.hash(sessionId));
        }
    }

    private AccessGrant session(String sessionId, Action action, ClientInfo client) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(client, "client");
        Optional<AccessSession> found = sessionId == null || sessionId.isBlank() || sessionId.length() > 128
                ? Optional.empty() : sessions.find(hasher.hash(sessionId));
        if (found.isEmpty()) {
            auditor.record(ANONYMOUS, action.auditName(), Outcome.DENIED, client, "unknown session");
            throw sessionInvalid();
        }
        AccessSession s = found.get();
        Instant now = clock.instant();
        boolean idle = now.isAfter(s.lastSeen().plus(policy.sessionIdle()));
        boolean old = now.isAfter(s.created().plus(policy.sessionAbsolute()));
        Optional<AccessGrant> grant = grants.find(s.grant());
        if (idle || old || grant.isEmpty()) {
            sessions.delete(s.idHash());
            auditor.record(grant.map(this::party).orElse(ANONYMOUS), action.auditName(), Outcome.DENIED, client,
                    idle ? "session idle timeout" : old ? "session absolute timeout" : "grant gone");
            throw sessionInvalid();
        }
        return grant.get();
    }

    private IndividualPrincipal allow(AccessGrant g, Action action, ClientInfo client, String sessionId) {
        Transaction t = transaction(g);
        Instant now = clock.instant();
        Optional<Denial> denial = AccessRules.check(g, t, action, now, policy.maxForwards());
        if (denial.isPresent()) {
            auditor.record(party(g), action.auditName(), t, Outcome.DENIED, client, denial.get().code().name());
            throw denial.get().toException();
        }
        var idHash = hasher.hash(sessionId);
        // re-read so a session deleted meanwhile (decline, revocation) is not brought back by the touch
        sessions.find(idHash).ifPresent(s -> sessions.put(s.touched(now)));
        auditor.record(party(g), action.auditName(), t, Outcome.SUCCESS, client, "allowed");
        return new IndividualPrincipal(g, t);
    }

    private Transaction transaction(AccessGrant g) {
        return transactions.find(g.transaction())
                .orElseThrow(() -> new NotFoundException("Transaction " + g.transaction()));
    }

    private Party party(AccessGrant g) {
        return new Party.Individual(g.id(), g.recipient().displayName());
    }

    private static AccessDeniedException sessionInvalid() {
        return new AccessDeniedException(CoreErrorCode.SESSION_INVALID,
                "Your session has ended. Open the link in your e-mail again to get a new passcode.");
    }
}
