package org.iep.api.spi;

import java.util.List;
import org.iep.api.transaction.Transaction;

/**
 * A unit of work for {@link TransactionStore#commit}: new transactions, and updated ones carrying the version they
 * were read at. Applied all together or not at all.
 */
public record TransactionChanges(List<Transaction> inserts, List<Transaction> updates) {
    public TransactionChanges {
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
        if (inserts.isEmpty() && updates.isEmpty()) {
            throw new IllegalArgumentException("a commit needs at least one change");
        }
    }

    public static TransactionChanges insert(Transaction t) {
        return new TransactionChanges(List.of(t), List.of());
    }

    public static TransactionChanges update(Transaction t) {
        return new TransactionChanges(List.of(), List.of(t));
    }
}
