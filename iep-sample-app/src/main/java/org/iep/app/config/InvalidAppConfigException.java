package org.iep.app.config;

import java.util.List;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** The portal's configuration was refused; {@link #problems()} lists every problem found, not just the first. */
public final class InvalidAppConfigException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidAppConfigException(List<Problem> problems) {
        super(AppErrorCode.INVALID_CONFIGURATION, problems);
    }
}
