package org.iep.core.transaction;

import org.iep.api.transaction.Transaction;

/**
 * Told about committed transaction events, after the commit. The access feature listens for
 * {@link #available} to issue individuals' links; nothing here may undo the commit. Implementations are
 * thread-safe and must not throw for expected conditions.
 */
public interface TransactionListener {

    /** The package of {@code t} became available to its recipient (status ON_IEP). */
    default void available(Transaction t) {
    }

    /** {@code t} was created (already committed). */
    default void created(Transaction t) {
    }

    /** {@code t} moved to a new status (already committed). */
    default void statusChanged(Transaction before, Transaction after) {
    }
}
