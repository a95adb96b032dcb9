package org.iep.api;

/** The referenced entity does not exist, or the caller may not know that it exists. */
public non-sealed class NotFoundException extends IepException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(CoreErrorCode.NOT_FOUND, what + " was not found. Check the identifier.");
    }

    protected NotFoundException(ErrorCode code, String message) {
        super(code, message);
    }
}
