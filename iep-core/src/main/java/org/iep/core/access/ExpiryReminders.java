package org.iep.core.access;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantState;
import org.iep.api.directory.Institution;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.notify.Addressee;
import org.iep.core.notify.DateText;
import org.iep.core.notify.Masking;
import org.iep.core.notify.Notification;
import org.iep.core.notify.NotificationKind;
import org.iep.core.notify.Notifier;
import org.iep.core.policy.IepPolicy;
import org.iep.core.transaction.TransactionScan;

/**
 * Tells individuals, once, that a package they have not downloaded yet expires within
 * {@link IepPolicy#expiringSoonNotice()} (2 days by default). Run it on a schedule; a run repeated within the
 * same notice window sends nothing twice (the notification key is per grant). Thread-safe.
 */
public final class ExpiryReminders {
    // a downloaded package (COMPLETE) needs no reminder; anything ended has no access left to remind of
    private static final Set<TransactionStatus> NOT_YET_DOWNLOADED = EnumSet.of(TransactionStatus.ON_IEP);
    private static final int PAGE = 200;

    private final AccessStore grants;
    private final TransactionStore transactions;
    private final DirectoryStore directory;
    private final Notifier notifier;
    private final IepPolicy policy;

    @Inject
    public ExpiryReminders(AccessStore grants, TransactionStore transactions, DirectoryStore directory,
                           Notifier notifier, IepPolicy policy) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** One pass at {@code now}; returns how many grants were due (the outbox sends each reminder once). */
    public int runOnce(Instant now) {
        Instant horizon = now.plus(policy.expiringSoonNotice());
        // grants never outlive the package availability counted from creation, so older transactions are over
        TransactionQuery q = TransactionQuery.all(PAGE).withStatuses(NOT_YET_DOWNLOADED)
                .createdBetween(now.minus(policy.packageAvailability()), now);
        int[] queued = {0};
        TransactionScan.forEach(transactions, q, t -> {
            for (AccessGrant g : grants.forTransaction(t.id())) {
                if (g.state() == GrantState.ACTIVE && g.expires().isAfter(now) && !g.expires().isAfter(horizon)) {
                    remind(g, t);
                    queued[0]++;
                }
            }
        });
        return queued[0];
    }

    private void remind(AccessGrant g, Transaction t) {
        Institution origin = directory.institution(t.origin()).orElseThrow(() -> new IllegalStateException(
                "transaction " + t.tracking() + " names an origin institution that does not exist"));
        Locale lang = g.recipient().language();
        Map<String, String> v = new HashMap<>();
        v.put("recipientName", g.recipient().displayName());
        v.put("institution", origin.name());
        v.put("tracking", t.tracking().value());
        v.put("patient", Masking.name(t.patient().familyName(), t.patient().givenName()));
        v.put("expires", DateText.format(g.expires(), origin.zone(), lang));
        notifier.notify(new Notification("EXPIRING_SOON/" + g.id(), NotificationKind.EXPIRING_SOON,
                Addressee.email(g.recipient().email(), lang), v, Instant.EPOCH, g.expires()));
    }
}
