package org.iep.api.spi;

import java.util.Objects;

/** One study found on a node. */
public record StudySummary(
        String studyInstanceUid,
        String patientId,
        String patientName,
        String patientBirthDate,
        String accessionNumber,
        String studyDate,
        String description,
        String modalities,
        int instances) {
    public StudySummary {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(patientName, "patientName");
        Objects.requireNonNull(patientBirthDate, "patientBirthDate");
        Objects.requireNonNull(accessionNumber, "accessionNumber");
        Objects.requireNonNull(studyDate, "studyDate");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(modalities, "modalities");
    }
}
