package org.iep.adapters.smtp;

import java.util.List;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** An {@link SmtpConfig} was refused; {@link #problems()} lists every problem. */
public final class InvalidSmtpConfigurationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidSmtpConfigurationException(List<Problem> problems) {
        super(SmtpErrorCode.INVALID_CONFIGURATION, problems);
    }
}
