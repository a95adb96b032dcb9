package org.iep.testkit.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.TrackingNumber;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;

/** Transactions in a map; one lock makes every commit atomic and serialisable. */
public final class InMemoryTransactionStore implements TransactionStore {
    private static final Comparator<Transaction> NEWEST_FIRST = Comparator.comparing(Transaction::created)
            .reversed().thenComparing(t -> t.id().value());

    private final Map<TransactionId, Transaction> byId = new HashMap<>();
    private final Map<TrackingNumber, TransactionId> byTracking = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    @Override
    public synchronized List<Transaction> commit(TransactionChanges changes) {
        List<Transaction> stored = new ArrayList<>();
        java.util.Set<TransactionId> newIds = new java.util.HashSet<>();
        java.util.Set<TrackingNumber> newTracking = new java.util.HashSet<>();
        for (Transaction t : changes.inserts()) {
            // duplicates within the same commit count too
            if (byId.containsKey(t.id()) || byTracking.containsKey(t.tracking()) || !newIds.add(t.id())
                    || !newTracking.add(t.tracking())) {
                throw Conflicts.duplicate("Transaction " + t.tracking());
            }
            stored.add(t.toBuilder().version(1).build());
        }
        for (Transaction t : changes.updates()) {
            Transaction current = byId.get(t.id());
            if (current == null || current.version() != t.version()) {
                throw Conflicts.stale("Transaction " + t.tracking());
            }
            if (!current.tracking().equals(t.tracking())) {
                throw new IllegalArgumentException("a tracking number never changes");
            }
            stored.add(t.toBuilder().version(t.version() + 1).build());
        }
        for (Transaction t : stored) {
            byId.put(t.id(), t);
            byTracking.put(t.tracking(), t.id());
        }
        return List.copyOf(stored);
    }

    @Override
    public synchronized Optional<Transaction> find(TransactionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Transaction> findByTracking(TrackingNumber tracking) {
        return Optional.ofNullable(byTracking.get(tracking)).map(byId::get);
    }

    @Override
    public synchronized List<Transaction> query(TransactionQuery query) {
        return byId.values().stream().filter(query::matches).sorted(NEWEST_FIRST).limit(query.limit()).toList();
    }

    @Override
    public synchronized long nextTrackingSequence(String institutionCode) {
        return sequences.merge(institutionCode, 1L, Long::sum);
    }
}
