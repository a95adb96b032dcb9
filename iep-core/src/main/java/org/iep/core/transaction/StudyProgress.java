package org.iep.core.transaction;

import org.iep.api.transaction.StudyStatus;

/**
 * Progress of one study during ingest or delivery, as shown {@code received/expected} (e.g. 87/87).
 *
 * @param expected 0 while unknown
 */
public record StudyProgress(String studyInstanceUid, StudyStatus status, int expected, int received, long bytes) {
}
