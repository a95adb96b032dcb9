package org.iep.adapters.dicom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iep.api.directory.NodeId;
import org.iep.api.transaction.TransactionId;

/**
 * Which transactions each node's instances went into through this receiver: what a node may ask us to commit.
 * The most recent {@value #PER_NODE} transactions per node are kept, in memory only (after a restart a node's
 * earlier instances are reported not held, and a modality sends them again). Thread-safe.
 */
final class FedTransactions {
    static final int PER_NODE = 1000;

    private final Map<NodeId, Map<TransactionId, Boolean>> fed = new ConcurrentHashMap<>();

    void record(NodeId node, TransactionId transaction) {
        Map<TransactionId, Boolean> m = fed.computeIfAbsent(node, n -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TransactionId, Boolean> eldest) {
                return size() > PER_NODE;
            }
        });
        synchronized (m) {
            m.put(transaction, Boolean.TRUE);
        }
    }

    boolean fed(NodeId node, TransactionId transaction) {
        Map<TransactionId, Boolean> m = fed.get(node);
        if (m == null) {
            return false;
        }
        synchronized (m) {
            return m.containsKey(transaction);
        }
    }
}
