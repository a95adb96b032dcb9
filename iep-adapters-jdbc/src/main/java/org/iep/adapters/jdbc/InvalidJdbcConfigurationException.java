package org.iep.adapters.jdbc;

import java.util.List;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** A {@link JdbcConfig} was refused; {@link #problems()} lists every problem. Immutable; thread-safe. */
public final class InvalidJdbcConfigurationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidJdbcConfigurationException(List<Problem> problems) {
        super(JdbcErrorCode.INVALID_CONFIGURATION, problems);
    }
}
