package org.iep.adapters.dicom;

import java.util.Optional;
import org.iep.api.directory.Node;
import org.iep.api.transaction.TransactionId;

/**
 * Where instances pushed to a called AE title of our SCP go: the transaction they are ingested into, or empty when
 * the called AE title routes nowhere (each instance is then refused with a failure status). Thread-safe; called for
 * every instance, so implementations are fast.
 */
@FunctionalInterface
public interface InboundRoutes {
    Optional<TransactionId> transactionFor(String calledAe, Node sender);

    /** This route, else {@code other}. */
    default InboundRoutes orElse(InboundRoutes other) {
        return (ae, sender) -> transactionFor(ae, sender).or(() -> other.transactionFor(ae, sender));
    }
}
