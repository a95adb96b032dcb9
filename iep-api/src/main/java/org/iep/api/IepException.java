package org.iep.api;

import java.util.Objects;

/**
 * The one unchecked exception family of IEP. Every instance carries a stable {@link ErrorCode}; the message
 * starts with the code ({@code IEP-1203: ...}) and says what to do. The family is closed to five kinds, so
 * callers (REST layer, DICOM status mapping, HL7 ACKs) can translate exhaustively; each kind is open for
 * sentence-named subclasses such as {@code ForwardLimitReachedException}.
 */
public abstract sealed class IepException extends RuntimeException
        permits InvalidInputException, NotFoundException, AccessDeniedException, ConflictException,
                InfrastructureException {

    private static final long serialVersionUID = 1L;
    private final transient ErrorCode errorCode;

    protected IepException(ErrorCode errorCode, String message, Throwable cause) {
        super(Objects.requireNonNull(errorCode, "errorCode").code() + ": " + message, cause);
        this.errorCode = errorCode;
    }

    protected IepException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    /** The stable code of this error. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Whether repeating the same call later may succeed (infrastructure outages, optimistic-lock races). */
    public boolean retryable() {
        return false;
    }
}
