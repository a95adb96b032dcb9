package org.iep.api.patient;

import java.util.Objects;

/** A local patient ID and the authority that issued it (DICOM (0010,0020) + (0010,0021)). */
public record PatientIdentifier(String id, String issuer) {
    public PatientIdentifier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
    }
}
