package org.iep.core.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.iep.api.access.GrantId;
import org.iep.api.directory.ContactDetails;
import org.iep.api.transaction.Transaction;

/**
 * One line of an individual's dashboard: the transaction, the grant that reaches it, its windows, the hospital to
 * contact, and the actions allowed right now (the buttons to show).
 */
public record DashboardEntry(Transaction transaction, GrantId grant, Instant viewUntil, Instant expires,
                             String institutionName, ContactDetails contact, Set<Action> allowed) {
    public DashboardEntry {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(viewUntil, "viewUntil");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(institutionName, "institutionName");
        Objects.requireNonNull(contact, "contact");
        allowed = Set.copyOf(allowed);
    }
}
