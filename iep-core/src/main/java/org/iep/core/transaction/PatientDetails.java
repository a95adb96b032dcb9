package org.iep.core.transaction;

import java.time.LocalDate;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.PostalAddress;

/**
 * The patient as entered on a transfer or request form; any field may be null or malformed and is validated into
 * an {@link org.iep.api.patient.Patient}. Either {@code nhsNumber} passes the modulus-11 check, or
 * {@code noNhsNumberReason} says why there is none and {@code address} is given.
 *
 * @param id     the local patient ID (DICOM Patient ID)
 * @param issuer the issuer of {@code id}; may be empty
 */
public record PatientDetails(
        String id,
        String issuer,
        String familyName,
        String givenName,
        LocalDate birthDate,
        Sex sex,
        String nhsNumber,
        String noNhsNumberReason,
        PostalAddress address) {
}
