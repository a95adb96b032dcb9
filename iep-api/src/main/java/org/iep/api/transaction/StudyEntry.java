package org.iep.api.transaction;

import java.util.Objects;

/**
 * One study in a transaction with its progress, shown as {@code received/expected} (e.g. {@code 87/87}).
 *
 * @param expectedInstances 0 while unknown
 */
public record StudyEntry(
        String studyInstanceUid,
        String accessionNumber,
        String description,
        String modalities,
        String studyDate,
        StudyStatus status,
        int expectedInstances,
        int receivedInstances,
        long bytes) {

    public StudyEntry {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(accessionNumber, "accessionNumber");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(modalities, "modalities");
        Objects.requireNonNull(studyDate, "studyDate");
        Objects.requireNonNull(status, "status");
    }

    public static StudyEntry pending(String studyInstanceUid, String accessionNumber, String description) {
        return new StudyEntry(studyInstanceUid, accessionNumber, description, "", "", StudyStatus.PENDING, 0, 0, 0);
    }

    public String progress() {
        return receivedInstances + "/" + expectedInstances;
    }

    public StudyEntry withStatus(StudyStatus newStatus) {
        return new StudyEntry(studyInstanceUid, accessionNumber, description, modalities, studyDate, newStatus,
                expectedInstances, receivedInstances, bytes);
    }

    public StudyEntry withCounts(int expected, int received, long totalBytes) {
        return new StudyEntry(studyInstanceUid, accessionNumber, description, modalities, studyDate, status,
                expected, received, totalBytes);
    }
}
