package org.iep.core.access;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.AccessSession;
import org.iep.api.access.PasscodeCheck;
import org.iep.api.access.PasscodeState;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.SessionStore;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a one-time passcode and, when it is right, opens a session. A code is valid until
 * {@code issuedAt + passcodeValidity} inclusive, is used once, and allows {@code passcodeTriesPerCode} wrong tries;
 * {@code lockAfterConsecutiveFailures} wrong tries in a row over all codes lock the grant for
 * {@code lockDuration} and tell the sending institution. Every outcome is a compare-and-set on the grant, retried
 * from a fresh read when another request got there first: of many concurrent submissions of one right code exactly
 * one wins, and only the winner gets a session. The session ID is new random, never derived from the token, and
 * only its HMAC is stored. Thread-safe.
 */
public final class PasscodeVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(PasscodeVerifier.class);
    private static final int MAX_RACES = 1000;
    private final AccessStore grants;
    private final SessionStore sessions;
    private final TransactionStore transactions;
    private final DirectoryStore directory;
    private final SecretHasher hasher;
    private final IdGenerator ids;
    private final Notifier notifier;
    private final Auditor auditor;
    private final IepPolicy policy;
    private final Clock clock;

    @Inject
    public PasscodeVerifier(AccessStore grants, SessionStore sessions, TransactionStore transactions,
                            DirectoryStore directory, SecretHasher hasher, IdGenerator ids, Notifier notifier,
                            Auditor auditor, IepPolicy policy, Clock clock) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks {@code code} for the grant behind {@code token}. Throws {@link AccessDeniedException}
     * ({@code GRANT_REVOKED}) when the link is unknown or the grant can no longer be used at all.
     */
    public PasscodeCheck verify(String token, String code, ClientInfo client) {
        Objects.requireNonNull(client, "client");
        var tokenHash = token == null || token.isBlank() || token.length() > 128 ? null : hasher.hash(token);
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<AccessGrant> found = tokenHash == null ? Optional.empty() : grants.findByToken(tokenHash);
            if (found.isEmpty()) {
                auditor.record(new Party.System("access"), "passcode.verify", Outcome.DENIED, client, "unknown link");
                throw new AccessDeniedException(CoreErrorCode.GRANT_REVOKED,
                        "This link is not valid. Use the link in your e-mail.");
            }
            AccessGrant g = found.get();
            Transaction t = transactions.find(g.transaction())
                    .orElseThrow(() -> new NotFoundException("Transaction " + g.transaction()));
            Party actor = new Party.Individual(g.id(), g.recipient().displayName());
            Instant now = clock.instant();
            Optional<Denial> unusable = AccessRules.usable(g, t, now);
            if (unusable.isPresent()) {
                auditor.record(actor, "passcode.verify", t, Outcome.DENIED, client, unusable.get().code().name());
                throw unusable.get().toException();
            }
            Optional<PasscodeCheck> outcome = attempt(g, t, actor, code, now, client);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION,
                "The passcode was submitted many times at once; submit it again.");
    }

    /** One compare-and-set attempt; empty when another request changed the grant first. */
    private Optional<PasscodeCheck> attempt(AccessGrant g, Transaction t, Party actor, String code, Instant now,
                                            ClientInfo client) {
        PasscodeState p = g.passcode();
        if (p.lockedUntil().isPresent() && now.isBefore(p.lockedUntil().get())) {
            return done(new PasscodeCheck.LockedOut(p.lockedUntil().get()), actor, t, client, "locked");
        }
        // a lock that has run out is forgotten, and with it the failures that caused it
        int failures = p.lockedUntil().isPresent() ? 0 : p.consecutiveFailures();
        if (p.currentCode().isEmpty() || p.triesLeft() <= 0) {
            return done(new PasscodeCheck.NoCode(), actor, t, client, "no code in force");
        }
        if (now.isAfter(p.issuedAt().plus(policy.passcodeValidity()))) {
            return done(new PasscodeCheck.Expired(), actor, t, client, "code expired");
        }
        boolean right = code != null && code.length() <= 32
                && hasher.matches(g.id().value(), code.replaceAll("\\s", ""), p.currentCode().get());
        if (right) {
            PasscodeState used = new PasscodeState(Optional.empty(), p.issuedAt(), 0, 0, Optional.empty(),
                    p.recentSends());
            if (!cas(g.withPasscode(used))) {
                return Optional.empty();
            }
            String sessionId = ids.newSecret();
            sessions.put(new AccessSession(hasher.hash(sessionId), g.id(), now, now));
            auditor.record(actor, "passcode.verify", t, Outcome.SUCCESS, client, "session opened");
            return Optional.of(new PasscodeCheck.Accepted(sessionId, g.id()));
        }
        int nowFailing = failures + 1;
        if (nowFailing >= policy.lockAfterConsecutiveFailures()) {
            Instant until = now.plus(policy.lockDuration());
            PasscodeState locked = new PasscodeState(Optional.empty(), p.issuedAt(), 0, nowFailing,
                    Optional.of(until), p.recentSends());
            if (!cas(g.withPasscode(locked))) {
                return Optional.empty();
            }
            LOG.info("Grant {} of transaction {} locked until {} after {} consecutive wrong passcodes", g.id(),
                    t.tracking(), until, nowFailing);
            tellSender(g, t, until);
            auditor.record(actor, "passcode.verify", t, Outcome.FAILURE, client,
                    "wrong code; locked after " + nowFailing + " consecutive failures");
            return Optional.of(new PasscodeCheck.LockedOut(until));
        }
        int triesLeft = p.triesLeft() - 1;
        // the last wrong try voids the code: guessing must start again with a new code (and a new send)
        PasscodeState wrong = new PasscodeState(triesLeft > 0 ? p.currentCode() : Optional.empty(), p.issuedAt(),
                triesLeft, nowFailing, Optional.empty(), p.recentSends());
        if (!cas(g.withPasscode(wrong))) {
            return Optional.empty();
        }
        auditor.record(actor, "passcode.verify", t, Outcome.FAILURE, client,
                "wrong code; " + triesLeft + " tries left, " + nowFailing + " consecutive failures");
        return Optional.of(new PasscodeCheck.Rejected(triesLeft));
    }

    private Optional<PasscodeCheck> done(PasscodeCheck result, Party actor, Transaction t, ClientInfo client,
                                         String detail) {
        auditor.record(actor, "passcode.verify", t, Outcome.DENIED, client, detail);
        return Optional.of(result);
    }

    private boolean cas(AccessGrant next) {
        try {
            grants.update(next);
            return true;
        } catch (ConflictException e) {
            if (e.errorCode() == CoreErrorCode.CONCURRENT_MODIFICATION) {
                return false;
            }
            throw e;
        }
    }

    private void tellSender(AccessGrant g, Transaction t, Instant until) {
        Institution inst = Responsible.institution(directory, t);
        notifier.notify(Notification.now("ACCESS_LOCKED/" + g.id() + "/" + until.toEpochMilli(),
                NotificationKind.ACCESS_LOCKED, Addressee.email(inst.contact().email(), java.util.Locale.UK),
                Map.of("tracking", t.tracking().value(), "recipient", Masking.mask(g.recipient().email()),
                        "until", DateText.format(until, inst.zone(), java.util.Locale.UK))));
    }
}
