package org.iep.core.access;

import java.util.Objects;
import org.iep.api.access.AccessGrant;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;

/**
 * An individual authorised for one action, as {@link IndividualAccess#authorize} found them: the grant and the
 * transaction it reaches, as read at that moment. Services that change state re-read both before acting.
 */
public record IndividualPrincipal(AccessGrant grant, Transaction transaction) {
    public IndividualPrincipal {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(transaction, "transaction");
        if (!grant.transaction().equals(transaction.id())) {
            throw new IllegalArgumentException("the grant is not for this transaction");
        }
    }

    /** The individual as the acting party of audit records and messages. */
    public Party.Individual party() {
        return new Party.Individual(grant.id(), grant.recipient().displayName());
    }
}
