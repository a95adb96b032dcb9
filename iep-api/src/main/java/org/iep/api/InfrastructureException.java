package org.iep.api;

/**
 * A port's backing system failed (database, object store, mail relay, PACS). Adapters translate their vendor
 * errors into a subclass with their own code, once, at the boundary. Nothing was committed.
 */
public non-sealed class InfrastructureException extends IepException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public InfrastructureException(ErrorCode code, String message, boolean retryable, Throwable cause) {
        super(code, message, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
