package org.iep.adapters.dicom;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.transaction.TransactionId;

/**
 * Retrieves in progress: while one runs, what its source node sends to our AE title goes into its transaction.
 * A C-MOVE's sub-operations carry nothing that names the request, so one retrieve per source node runs at a time;
 * a second one is refused (retryable) rather than mixing two transactions' instances. Thread-safe.
 */
public final class Retrievals implements InboundRoutes {
    private final String aeTitle;
    private final Map<NodeId, TransactionId> running = new ConcurrentHashMap<>();

    /** @param aeTitle our AE title, the C-MOVE destination */
    public Retrievals(String aeTitle) {
        this.aeTitle = Objects.requireNonNull(aeTitle, "aeTitle");
    }

    /** Marks a retrieve from {@code source} into {@code target} as running until the returned handle is closed. */
    public Running start(Node source, TransactionId target) {
        if (running.putIfAbsent(source.id(), target) != null) {
            throw new DicomGatewayException(DicomAdapterErrorCode.RETRIEVE_IN_PROGRESS, "a retrieve from node "
                    + source.id() + " is in progress; this one is tried again later", true, null);
        }
        return () -> running.remove(source.id(), target);
    }

    @Override
    public Optional<TransactionId> transactionFor(String calledAe, Node sender) {
        return aeTitle.equals(calledAe) ? Optional.ofNullable(running.get(sender.id())) : Optional.empty();
    }

    /** A running retrieve; closing it ends the routing of its source's instances. */
    @FunctionalInterface
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }
}
