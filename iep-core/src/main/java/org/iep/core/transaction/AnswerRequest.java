package org.iep.core.transaction;

import java.util.List;
import org.iep.api.directory.UserId;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.TransactionId;

/**
 * The asked institution answers a request with a transfer of these studies to the requesting institution.
 *
 * @param priority null keeps the request's priority
 * @param message  optional first message of the transfer's thread
 */
public record AnswerRequest(UserId actor, TransactionId request, List<SelectedStudy> studies, Priority priority,
                            String message) {
    public AnswerRequest {
        studies = studies == null ? List.of() : studies;
    }
}
