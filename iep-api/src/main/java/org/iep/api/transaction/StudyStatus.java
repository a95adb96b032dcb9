package org.iep.api.transaction;

/** Status of one study inside a transaction. */
public enum StudyStatus {
    PENDING, RECEIVING, COMPLETE, FAILED, PURGED
}
