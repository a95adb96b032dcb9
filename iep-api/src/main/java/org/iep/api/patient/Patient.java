package org.iep.api.patient;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.recipient.PostalAddress;

/**
 * The patient a transaction is about. Either an NHS number is given, or {@code noNhsNumberReason} says why not and
 * the address becomes mandatory (checked by the core).
 */
public record Patient(
        PatientIdentifier identifier,
        String familyName,
        String givenName,
        LocalDate birthDate,
        Sex sex,
        Optional<NhsNumber> nhsNumber,
        PostalAddress address,
        String noNhsNumberReason) {

    public Patient {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(noNhsNumberReason, "noNhsNumberReason");
    }

    /** DICOM PN form, {@code FAMILY^Given}. */
    public String dicomName() {
        return familyName + "^" + givenName;
    }
}
