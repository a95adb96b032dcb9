package org.iep.core.access;

import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;

/** Why an action is refused, with the exception that reports it. Conflicts are state, not permission. */
record Denial(CoreErrorCode code, String message) {
    IepException toException() {
        return switch (code) {
            case FORWARD_NOT_ALLOWED, ILLEGAL_TRANSITION, FORWARD_LIMIT_REACHED -> new ConflictException(code, message);
            default -> new AccessDeniedException(code, message);
        };
    }
}
