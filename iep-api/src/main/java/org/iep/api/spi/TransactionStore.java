package org.iep.api.spi;

import java.util.List;
import java.util.Optional;
import org.iep.api.transaction.TrackingNumber;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;

/**
 * Durable transactions. Thread-safe; shared by several portal nodes in production.
 *
 * <p>Contract: {@link #commit} is atomic — either every insert and update is applied or none is. An insert whose
 * ID or tracking number exists fails with {@code ConflictException(DUPLICATE)}; an update whose {@code version}
 * differs from the stored one fails with {@code ConflictException(CONCURRENT_MODIFICATION)}. Stored versions
 * are 1 for inserts and {@code version + 1} for updates. Concurrent commits touching the same transaction are
 * serialisable: of N racing updates from the same version, exactly one succeeds.
 */
public interface TransactionStore {

    /** Applies the changes atomically and returns the stored transactions (inserts first, then updates). */
    List<Transaction> commit(TransactionChanges changes);

    Optional<Transaction> find(TransactionId id);

    Optional<Transaction> findByTracking(TrackingNumber tracking);

    /** Newest first, at most {@code query.limit()}. */
    List<Transaction> query(TransactionQuery query);

    /**
     * The next tracking sequence for an institution code, starting at 1; never returns the same number twice for
     * the same code, even across restarts and nodes.
     */
    long nextTrackingSequence(String institutionCode);
}
