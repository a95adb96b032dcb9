package org.iep.core.access;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantState;
import org.iep.api.access.PasscodeState;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.id.IdGenerator;
import org.iep.core.notify.Addressee;
import org.iep.core.notify.Masking;
import org.iep.core.notify.Notification;
import org.iep.core.notify.NotificationKind;
import org.iep.core.notify.Notifier;
import org.iep.core.policy.IepPolicy;
import org.iep.core.secret.SecretHasher;

/**
 * Opening an access link: finds the grant by the HMAC of the token and, unless the grant is withdrawn, expired,
 * not yet released, locked or has had its hourly quota of codes, issues a new one-time passcode (which voids the
 * previous one), sends it by SMS or to the second e-mail address, and says where it went, masked. Only the code's
 * HMAC, bound to the grant, is stored. A resend never resets the count of consecutive failures; a lock that has run
 * out does. Changes are compare-and-set on the grant. Thread-safe.
 */
public final class LinkOpening {
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final int MAX_RACES = 1000;
    private final AccessStore grants;
    private final TransactionStore transactions;
    private final DirectoryStore directory;
    private final SecretHasher hasher;
    private final IdGenerator ids;
    private final Notifier notifier;
    private final Auditor auditor;
    private final IepPolicy policy;
    private final Clock clock;

    @Inject
    public LinkOpening(AccessStore grants, TransactionStore transactions, DirectoryStore directory,
                       SecretHasher hasher, IdGenerator ids, Notifier notifier, Auditor auditor, IepPolicy policy,
                       Clock clock) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LinkOutcome open(String token, ClientInfo client) {
        Objects.requireNonNull(client, "client");
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return unknown(client);
        }
        var tokenHash = hasher.hash(token);
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<AccessGrant> found = grants.findByToken(tokenHash);
            if (found.isEmpty()) {
                return unknown(client);
            }
            AccessGrant g = found.get();
            Transaction t = transactions.find(g.transaction())
                    .orElseThrow(() -> new NotFoundException("Transaction " + g.transaction()));
            Institution inst = Responsible.institution(directory, t);
            Party actor = new Party.Individual(g.id(), g.recipient().displayName());
            Instant now = clock.instant();
            Optional<LinkOutcome.Refused> refused = refusal(g, t, inst, now);
            if (refused.isPresent()) {
                auditor.record(actor, "passcode.send", t, Outcome.DENIED, client, refused.get().reason().name());
                return refused.get();
            }
            PasscodeState p = g.passcode();
            boolean lockOver = p.lockedUntil().isPresent(); // refusal() returned for a lock still in force
            List<Instant> sends = new ArrayList<>(recent(p, now));
            sends.add(now);
            String code = ids.newDigits(policy.passcodeDigits());
            PasscodeState next = new PasscodeState(Optional.of(hasher.hash(g.id().value(), code)), now,
                    policy.passcodeTriesPerCode(), lockOver ? 0 : p.consecutiveFailures(), Optional.empty(), sends);
            AccessGrant stored;
            try {
                stored = grants.update(g.withPasscode(next));
            } catch (ConflictException e) {
                if (e.errorCode() == CoreErrorCode.CONCURRENT_MODIFICATION) {
                    continue;
                }
                throw e;
            }
            Instant validUntil = now.plus(policy.passcodeValidity());
            IndividualRecipient r = stored.recipient();
            String masked = Masking.mask(r.passcodeDestination());
            notifier.notify(new Notification("PASSCODE/" + stored.id() + "/" + stored.version(),
                    NotificationKind.PASSCODE, addressee(r),
                    Map.of("institution", inst.name(), "minutes", Long.toString(policy.passcodeValidity().toMinutes()),
                            Notification.SECRET + "passcode", code),
                    Instant.EPOCH, validUntil));
            auditor.record(actor, "passcode.send", t, Outcome.SUCCESS, client, "sent by " + r.channel() + " to "
                    + masked);
            return new LinkOutcome.CodeSent(stored.id(), r.channel(), masked, validUntil, inst.name(), inst.contact());
        }
        throw new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION,
                "The link was opened many times at once; open it again.");
    }

    private Optional<LinkOutcome.Refused> refusal(AccessGrant g, Transaction t, Institution inst, Instant now) {
        Optional<Denial> unusable = AccessRules.usable(g, t, now);
        if (unusable.isPresent()) {
            LinkOutcome.Reason reason = g.state() != GrantState.ACTIVE || AccessRules.ENDED.contains(t.status())
                    ? LinkOutcome.Reason.WITHDRAWN
                    : now.isAfter(g.expires()) ? LinkOutcome.Reason.EXPIRED : LinkOutcome.Reason.NOT_YET_AVAILABLE;
            Optional<Instant> retry = reason == LinkOutcome.Reason.NOT_YET_AVAILABLE
                    ? t.releaseAfter().filter(now::isBefore) : Optional.empty();
            return Optional.of(new LinkOutcome.Refused(reason, retry, Optional.of(inst.contact())));
        }
        Optional<Instant> lockedUntil = g.passcode().lockedUntil();
        if (lockedUntil.isPresent() && now.isBefore(lockedUntil.get())) {
            return Optional.of(new LinkOutcome.Refused(LinkOutcome.Reason.LOCKED, lockedUntil,
                    Optional.of(inst.contact())));
        }
        List<Instant> recent = recent(g.passcode(), now);
        if (recent.size() >= policy.maxPasscodesPerHour()) {
            Instant oldest = recent.stream().min(Comparator.naturalOrder()).orElseThrow();
            return Optional.of(new LinkOutcome.Refused(LinkOutcome.Reason.RATE_LIMITED,
                    Optional.of(oldest.plus(Duration.ofHours(1))), Optional.of(inst.contact())));
        }
        return Optional.empty();
    }

    // Sends within the last hour count against the quota; older ones are dropped from the stored list.
    private static List<Instant> recent(PasscodeState p, Instant now) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        return p.recentSends().stream().filter(s -> s.isAfter(hourAgo)).toList();
    }

    private static Addressee addressee(IndividualRecipient r) {
        return r.channel() == PasscodeChannel.SMS ? Addressee.sms(r.phone(), r.language())
                : Addressee.email(r.passcodeEmail(), r.language());
    }

    private LinkOutcome unknown(ClientInfo client) {
        auditor.record(new Party.System("access"), "passcode.send", Outcome.DENIED, client, "unknown link");
        return new LinkOutcome.Refused(LinkOutcome.Reason.UNKNOWN_LINK, Optional.empty(), Optional.empty());
    }
}
