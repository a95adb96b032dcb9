package org.iep.api.spi;

import java.util.List;
import java.util.Optional;
import org.iep.api.content.IndexedInstance;
import org.iep.api.content.IndexedPatient;
import org.iep.api.content.StudyTotals;
import org.iep.api.transaction.TransactionId;

/**
 * The index of stored instances: an instance is visible (to downloads, viewers, deliveries) exactly when it is
 * here, and it is put here only after its blob is written and verified. Thread-safe.
 *
 * <p>Contract: {@link #insertIfAbsent} is atomic and idempotent per (transaction, SOP Instance UID) — under any
 * concurrency exactly one record is stored and every caller gets that record back. Lists are ordered by study,
 * series, then SOP Instance UID. Failures of the backing system throw {@code InfrastructureException}.
 */
public interface InstanceIndex {

    /** Stores {@code instance} unless the transaction already has its SOP Instance UID; returns the stored one. */
    IndexedInstance insertIfAbsent(IndexedInstance instance);

    Optional<IndexedInstance> find(TransactionId transaction, String sopInstanceUid);

    List<IndexedInstance> byTransaction(TransactionId transaction);

    /**
     * Every record of this SOP Instance UID, whichever transaction holds it, ordered by transaction ID; answered by
     * the store through an index (storage commitment asks it for each instance a node wants committed).
     */
    List<IndexedInstance> bySopInstance(String sopInstanceUid);

    List<IndexedInstance> byStudy(TransactionId transaction, String studyInstanceUid);

    /** Count, bytes and modalities of a study's instances, computed by the store (not by listing them). */
    StudyTotals totals(TransactionId transaction, String studyInstanceUid);

    /**
     * The distinct patients (ID, name, birth date as stored) of the transaction's instances, the earliest stored
     * first; answered by the store without listing the instances, as ingest asks it for every instance.
     */
    List<IndexedPatient> patients(TransactionId transaction);

    /** Whether any record references {@code blob}; used to collect orphaned blobs. */
    boolean references(BlobKey blob);

    /** Removes the transaction's records (purge); returns how many. Idempotent. */
    long deleteTransaction(TransactionId transaction);
}
