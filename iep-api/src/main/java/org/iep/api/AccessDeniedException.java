package org.iep.api;

/** The caller is known but may not do this: wrong role, wrong institution, locked, revoked or expired access. */
public non-sealed class AccessDeniedException extends IepException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(ErrorCode code, String message) {
        super(code, message);
    }
}
