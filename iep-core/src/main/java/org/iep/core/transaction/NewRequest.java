package org.iep.core.transaction;

import java.time.Instant;
import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.UserId;
import org.iep.api.recipient.Recipient;
import org.iep.api.transaction.Priority;

/**
 * A request for studies, by any approved member of staff for their own institution.
 *
 * @param message    what is needed (exams, dates, requesting clinician); mandatory
 * @param requiredBy when the images are needed; not in the past
 */
public record NewRequest(
        UserId actor,
        InstitutionId actingFor,
        PatientDetails patient,
        Recipient recipient,
        String message,
        Priority priority,
        Optional<Instant> requiredBy) {
    public NewRequest {
        requiredBy = requiredBy == null ? Optional.empty() : requiredBy;
    }
}
