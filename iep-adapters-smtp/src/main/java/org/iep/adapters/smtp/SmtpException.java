package org.iep.adapters.smtp;

import org.iep.api.InfrastructureException;

/** Sending failed; {@link #retryable()} says whether the outbox should try again later. */
public final class SmtpException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    SmtpException(SmtpErrorCode code, String message, boolean retryable, Throwable cause) {
        super(code, message, retryable, cause);
    }
}
