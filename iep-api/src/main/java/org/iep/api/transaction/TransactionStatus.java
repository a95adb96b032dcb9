package org.iep.api.transaction;

/**
 * Status of a transaction (DESIGN.md §5). Allowed transitions are defined by one table in the core.
 * Requests use NEW → ANSWERED, plus the side exits.
 */
public enum TransactionStatus {
    NEW, STARTED, UPLOADING, ON_IEP, DOWNLOAD_REQUEST, DOWNLOADING, DELIVERED, COMPLETE, ANSWERED,
    FAILED, DECLINED, CANCELLED, PURGED;

    /** No further transition is possible (FAILED may still be retried, so it is not terminal). */
    public boolean terminal() {
        return this == DELIVERED || this == COMPLETE || this == ANSWERED || this == DECLINED
                || this == CANCELLED || this == PURGED;
    }
}
