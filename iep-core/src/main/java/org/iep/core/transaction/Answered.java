package org.iep.core.transaction;

import java.util.Objects;
import org.iep.api.transaction.Transaction;

/** A request now ANSWERED and the transfer that answers it, as committed together. */
public record Answered(Transaction request, Transaction transfer) {
    public Answered {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(transfer, "transfer");
    }
}
