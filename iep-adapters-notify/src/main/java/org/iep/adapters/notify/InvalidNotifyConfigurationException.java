package org.iep.adapters.notify;

import java.util.List;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** A {@link NotifyConfig} was refused; {@link #problems()} lists every problem. */
public final class InvalidNotifyConfigurationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidNotifyConfigurationException(List<Problem> problems) {
        super(NotifyErrorCode.INVALID_CONFIGURATION, problems);
    }
}
