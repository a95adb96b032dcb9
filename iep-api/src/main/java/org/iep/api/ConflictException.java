package org.iep.api;

/** The request is well-formed but conflicts with the current state (status, limits, duplicates, races). */
public non-sealed class ConflictException extends IepException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorCode code, String message) {
        super(code, message);
    }

    @Override
    public boolean retryable() {
        return errorCode() == CoreErrorCode.CONCURRENT_MODIFICATION;
    }
}
