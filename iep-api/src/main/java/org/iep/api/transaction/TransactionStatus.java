package org.iep.api.transaction;

/**
 * Status of a transaction (DESIGN.md §5). Allowed transitions are defined by one table in the core.
 * Requests use NEW → ANSWERED, plus the side exits. FAILED may be retried; PURGED is final.
 */
public enum TransactionStatus {
    NEW, STARTED, UPLOADING, ON_IEP, DOWNLOAD_REQUEST, DOWNLOADING, DELIVERED, COMPLETE, ANSWERED,
    FAILED, DECLINED, CANCELLED, PURGED
}
