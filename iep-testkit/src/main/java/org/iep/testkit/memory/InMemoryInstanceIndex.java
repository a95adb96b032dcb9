package org.iep.testkit.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.iep.api.content.IndexedInstance;
import org.iep.api.content.StudyTotals;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.TransactionId;

/** {@link InstanceIndex} in memory. Thread-safe. */
public final class InMemoryInstanceIndex implements InstanceIndex {
    static final Comparator<IndexedInstance> ORDER = Comparator.comparing(IndexedInstance::studyInstanceUid)
            .thenComparing(IndexedInstance::seriesInstanceUid).thenComparing(IndexedInstance::sopInstanceUid);

    private record Key(TransactionId transaction, String sopInstanceUid) {
    }

    private final Map<Key, IndexedInstance> records = new ConcurrentHashMap<>();

    @Override
    public IndexedInstance insertIfAbsent(IndexedInstance instance) {
        IndexedInstance existing = records.putIfAbsent(new Key(instance.transaction(), instance.sopInstanceUid()),
                instance);
        return existing == null ? instance : existing;
    }

    @Override
    public Optional<IndexedInstance> find(TransactionId transaction, String sopInstanceUid) {
        return Optional.ofNullable(records.get(new Key(transaction, sopInstanceUid)));
    }

    @Override
    public List<IndexedInstance> byTransaction(TransactionId transaction) {
        return records.values().stream().filter(i -> i.transaction().equals(transaction)).sorted(ORDER).toList();
    }

    @Override
    public List<IndexedInstance> byStudy(TransactionId transaction, String studyInstanceUid) {
        return byTransaction(transaction).stream().filter(i -> i.studyInstanceUid().equals(studyInstanceUid))
                .toList();
    }

    @Override
    public StudyTotals totals(TransactionId transaction, String studyInstanceUid) {
        List<IndexedInstance> study = byStudy(transaction, studyInstanceUid);
        return new StudyTotals(study.size(), study.stream().mapToLong(IndexedInstance::size).sum(),
                study.stream().map(IndexedInstance::modality).filter(m -> !m.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Override
    public boolean references(BlobKey blob) {
        return records.values().stream().anyMatch(i -> i.blob().equals(blob));
    }

    @Override
    public long deleteTransaction(TransactionId transaction) {
        long removed = 0;
        for (Key k : records.keySet()) {
            if (k.transaction().equals(transaction) && records.remove(k) != null) {
                removed++;
            }
        }
        return removed;
    }
}
