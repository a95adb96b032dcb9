package org.iep.testkit.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.iep.api.content.IndexedInstance;
import org.iep.api.content.IndexedPatient;
import org.iep.api.content.StudyTotals;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.TransactionId;

/**
 * {@link InstanceIndex} in memory. Thread-safe. Each transaction keeps its instances in index order with running
 * study totals and its patients, so that ingesting N instances costs N small updates, as a database index would, and
 * a benchmark over this index measures the core rather than a quadratic scan.
 */
public final class InMemoryInstanceIndex implements InstanceIndex {
    static final Comparator<IndexedInstance> ORDER = Comparator.comparing(IndexedInstance::studyInstanceUid)
            .thenComparing(IndexedInstance::seriesInstanceUid).thenComparing(IndexedInstance::sopInstanceUid);

    private final Map<TransactionId, Records> transactions = new ConcurrentHashMap<>();
    private final Map<BlobKey, Integer> blobs = new ConcurrentHashMap<>();

    @Override
    public IndexedInstance insertIfAbsent(IndexedInstance instance) {
        while (true) {
            Records r = transactions.computeIfAbsent(instance.transaction(), t -> new Records());
            synchronized (r) {
                if (transactions.get(instance.transaction()) != r) {
                    continue; // purged between the look-up and the lock: insert into the new records
                }
                IndexedInstance existing = r.bySop.get(instance.sopInstanceUid());
                if (existing != null) {
                    return existing;
                }
                r.add(instance);
                blobs.merge(instance.blob(), 1, Integer::sum);
                return instance;
            }
        }
    }

    /** A look-up per transaction: fine for the tests and benchmarks this index serves (few transactions). */
    @Override
    public List<IndexedInstance> bySopInstance(String sopInstanceUid) {
        List<IndexedInstance> found = new ArrayList<>();
        for (Records r : transactions.values()) {
            synchronized (r) {
                IndexedInstance i = r.bySop.get(sopInstanceUid);
                if (i != null) {
                    found.add(i);
                }
            }
        }
        found.sort(Comparator.comparing(i -> i.transaction().value()));
        return List.copyOf(found);
    }

    @Override
    public Optional<IndexedInstance> find(TransactionId transaction, String sopInstanceUid) {
        Records r = transactions.get(transaction);
        if (r == null) {
            return Optional.empty();
        }
        synchronized (r) {
            return Optional.ofNullable(r.bySop.get(sopInstanceUid));
        }
    }

    @Override
    public List<IndexedInstance> byTransaction(TransactionId transaction) {
        Records r = transactions.get(transaction);
        if (r == null) {
            return List.of();
        }
        synchronized (r) {
            List<IndexedInstance> all = new ArrayList<>();
            r.studies.values().forEach(s -> all.addAll(s.ordered));
            return List.copyOf(all);
        }
    }

    @Override
    public List<IndexedInstance> byStudy(TransactionId transaction, String studyInstanceUid) {
        Records r = transactions.get(transaction);
        if (r == null) {
            return List.of();
        }
        synchronized (r) {
            Study s = r.studies.get(studyInstanceUid);
            return s == null ? List.of() : List.copyOf(s.ordered);
        }
    }

    @Override
    public StudyTotals totals(TransactionId transaction, String studyInstanceUid) {
        Records r = transactions.get(transaction);
        if (r == null) {
            return new StudyTotals(0, 0, new TreeSet<>());
        }
        synchronized (r) {
            Study s = r.studies.get(studyInstanceUid);
            return s == null ? new StudyTotals(0, 0, new TreeSet<>())
                    : new StudyTotals(s.ordered.size(), s.bytes, s.modalities);
        }
    }

    @Override
    public List<IndexedPatient> patients(TransactionId transaction) {
        Records r = transactions.get(transaction);
        if (r == null) {
            return List.of();
        }
        synchronized (r) {
            return List.copyOf(r.patients);
        }
    }

    @Override
    public boolean references(BlobKey blob) {
        return blobs.containsKey(blob);
    }

    @Override
    public long deleteTransaction(TransactionId transaction) {
        Records r = transactions.remove(transaction);
        if (r == null) {
            return 0;
        }
        synchronized (r) {
            for (IndexedInstance i : r.bySop.values()) {
                blobs.computeIfPresent(i.blob(), (k, n) -> n == 1 ? null : n - 1);
            }
            return r.bySop.size();
        }
    }

    /** One transaction's records; guarded by its own monitor. */
    private static final class Records {
        final Map<String, IndexedInstance> bySop = new HashMap<>();
        final TreeMap<String, Study> studies = new TreeMap<>();
        final LinkedHashSet<IndexedPatient> patients = new LinkedHashSet<>();

        void add(IndexedInstance i) {
            bySop.put(i.sopInstanceUid(), i);
            studies.computeIfAbsent(i.studyInstanceUid(), s -> new Study()).add(i);
            patients.add(IndexedPatient.of(i));
        }
    }

    /** One study's instances in index order and its running totals. */
    private static final class Study {
        final TreeSet<IndexedInstance> ordered = new TreeSet<>(ORDER);
        final TreeSet<String> modalities = new TreeSet<>();
        long bytes;

        void add(IndexedInstance i) {
            ordered.add(i);
            bytes += i.size();
            if (!i.modality().isEmpty()) {
                modalities.add(i.modality());
            }
        }
    }
}
