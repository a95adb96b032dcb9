package org.iep.api.spi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** C-FIND matching keys at study level; empty keys are universal matches. */
public record StudyQuery(
        Optional<String> patientId,
        Optional<String> accessionNumber,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<String> modality) {
    public StudyQuery {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(accessionNumber, "accessionNumber");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(modality, "modality");
    }

    public static StudyQuery byPatient(String patientId) {
        return new StudyQuery(Optional.of(patientId), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
