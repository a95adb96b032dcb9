package org.iep.core.ingest;

/** A patient found in a transaction's data sets: ID, name (DICOM PN) and birth date (DA), as read. */
public record PatientSeen(String id, String name, String birthDate) {
    @Override
    public String toString() {
        // patient data: never in logs by accident
        return "PatientSeen[redacted]";
    }
}
