package org.iep.core.ingest;

import org.iep.api.transaction.TransactionId;

/**
 * Told when a study first appears in a transaction, after its first instance is visible. May be told more than
 * once for the same study when instances of it arrive at the same time, so it must be idempotent.
 */
@FunctionalInterface
public interface StudyArrivals {
    StudyArrivals NONE = (transaction, study, accession, patientId) -> { };

    void arrived(TransactionId transaction, String studyInstanceUid, String accessionNumber, String patientId);
}
