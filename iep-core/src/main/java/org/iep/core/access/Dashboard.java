package org.iep.core.access;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iep.api.access.AccessGrant;
import org.iep.api.directory.Institution;
import org.iep.api.spi.AccessStore;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.policy.IepPolicy;

/**
 * The individual's two folders: "Action required" (packages not yet downloaded and requests waiting for an
 * upload) and "All" (every transaction received in the last {@code individualListWindow}, 28 days by default,
 * whatever its status). Both gather the transactions of all grants for the principal's e-mail address, newest
 * first. Read-only; thread-safe.
 */
public final class Dashboard {
    private final AccessStore grants;
    private final TransactionStore transactions;
    private final DirectoryStore directory;
    private final IepPolicy policy;
    private final Clock clock;

    @Inject
    public Dashboard(AccessStore grants, TransactionStore transactions, DirectoryStore directory, IepPolicy policy,
                     Clock clock) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<DashboardEntry> actionRequired(IndividualPrincipal principal) {
        return entries(principal).stream().filter(e -> {
            Transaction t = e.transaction();
            return t.type() == TransactionType.REQUEST ? e.allowed().contains(Action.UPLOAD)
                    : t.status() == TransactionStatus.ON_IEP && e.allowed().contains(Action.DOWNLOAD);
        }).toList();
    }

    public List<DashboardEntry> all(IndividualPrincipal principal) {
        Instant from = clock.instant().minus(policy.individualListWindow());
        return entries(principal).stream().filter(e -> !e.transaction().created().isBefore(from)).toList();
    }

    private List<DashboardEntry> entries(IndividualPrincipal principal) {
        Instant now = clock.instant();
        Map<Object, DashboardEntry> byTransaction = new LinkedHashMap<>();
        for (AccessGrant g : grants.forRecipient(principal.grant().recipient().email())) {
            Optional<Transaction> t = transactions.find(g.transaction());
            if (t.isEmpty() || byTransaction.containsKey(g.transaction())) {
                continue;
            }
            Set<Action> allowed = EnumSet.noneOf(Action.class);
            // buttons only where IndividualAccess would allow them: same person, same second factor
            for (Action a : AccessRules.sameIndividual(principal.grant(), g) ? Action.values() : new Action[0]) {
                if (AccessRules.check(g, t.get(), a, now, policy.maxForwards()).isEmpty()) {
                    allowed.add(a);
                }
            }
            Institution inst = Responsible.institution(directory, t.get());
            byTransaction.put(g.transaction(), new DashboardEntry(t.get(), g.id(), g.viewUntil(), g.expires(),
                    inst.name(), inst.contact(), allowed));
        }
        List<DashboardEntry> out = new ArrayList<>(byTransaction.values());
        out.sort(Comparator.comparing((DashboardEntry e) -> e.transaction().created()).reversed());
        return out;
    }
}
