package org.iep.adapters.hl7;

import org.iep.api.InfrastructureException;

/** The listener could not start (port taken, TLS material unusable). */
public final class Hl7ListenerException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    public Hl7ListenerException(String message, Throwable cause) {
        super(Hl7ErrorCode.LISTENER_FAILED, message, false, cause);
    }
}
