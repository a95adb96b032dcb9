package org.iep.api.content;

import java.util.Objects;

/**
 * A patient as the instances of a transaction name it: Patient ID, name (DICOM PN) and birth date (DA or empty),
 * exactly as stored. What the one-patient-per-transaction check compares.
 */
public record IndexedPatient(String patientId, String patientName, String birthDate) {
    public IndexedPatient {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(patientName, "patientName");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** The patient named by {@code i}. */
    public static IndexedPatient of(IndexedInstance i) {
        return new IndexedPatient(i.patientId(), i.patientName(), i.birthDate());
    }

    @Override
    public String toString() {
        // patient data: never in logs by accident
        return "IndexedPatient[redacted]";
    }
}
