package org.iep.core.retention;

import java.util.List;
import org.iep.api.transaction.TransactionId;

/**
 * What one {@link PurgeJob#runOnce} pass changed.
 *
 * @param purged            transactions marked PURGED in this pass
 * @param blobsDeleted      blobs deleted in this pass (0 for a transaction whose blobs a crashed pass removed)
 * @param cancelledRequests requests cancelled because nobody answered them in time
 */
public record PurgeReport(List<TransactionId> purged, long blobsDeleted, List<TransactionId> cancelledRequests) {
    public PurgeReport {
        purged = List.copyOf(purged);
        cancelledRequests = List.copyOf(cancelledRequests);
    }

    public boolean changedNothing() {
        return purged.isEmpty() && blobsDeleted == 0 && cancelledRequests.isEmpty();
    }
}
