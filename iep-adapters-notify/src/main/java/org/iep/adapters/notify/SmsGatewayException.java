package org.iep.adapters.notify;

import org.iep.api.InfrastructureException;

/** A text message was not sent; {@link #retryable()} says whether the outbox should try again later. */
public final class SmsGatewayException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    SmsGatewayException(NotifyErrorCode code, String message, boolean retryable, Throwable cause) {
        super(code, message, retryable, cause);
    }
}
