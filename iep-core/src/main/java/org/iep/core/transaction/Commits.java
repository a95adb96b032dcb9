package org.iep.core.transaction;

import java.util.List;
import java.util.function.Supplier;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;

/**
 * Optimistic commits with a bounded retry, and the after-commit announcements to listeners. An attempt re-reads
 * and re-checks everything it depends on, so a lost race is re-decided on fresh state, never blindly overwritten.
 * Thread-safe.
 */
final class Commits {
    static final int MAX_ATTEMPTS = 5;

    private final TransactionStore store;
    private final List<TransactionListener> listeners;

    Commits(TransactionStore store, List<TransactionListener> listeners) {
        this.store = store;
        this.listeners = List.copyOf(listeners);
    }

    /** Runs {@code attempt} until it commits without a version conflict, at most {@link #MAX_ATTEMPTS} times. */
    <R> R retrying(Supplier<R> attempt) {
        ConflictException last = null;
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (ConflictException e) {
                if (e.errorCode() != CoreErrorCode.CONCURRENT_MODIFICATION) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    List<Transaction> commit(TransactionChanges changes) {
        return store.commit(changes);
    }

    Transaction update(Transaction changed) {
        return store.commit(TransactionChanges.update(changed)).get(0);
    }

    void created(Transaction t) {
        each(l -> l.created(t));
    }

    /** Tells listeners of a committed status change; reaching ON_IEP also announces availability. */
    void changed(Transaction before, Transaction after) {
        if (before.status() == after.status()) {
            return;
        }
        each(l -> l.statusChanged(before, after));
        if (after.status() == TransactionStatus.ON_IEP) {
            each(l -> l.available(after));
        }
    }

    // Every listener runs even if one fails; the first failure is rethrown with the others suppressed, since the
    // commit stands and the caller must learn that a follow-up (e.g. issuing a link) did not happen.
    private void each(java.util.function.Consumer<TransactionListener> call) {
        RuntimeException failure = null;
        for (TransactionListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
