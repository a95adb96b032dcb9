package org.iep.adapters.hl7;

import java.util.List;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** The configuration was refused; every problem is listed. */
public final class InvalidHl7ConfigurationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidHl7ConfigurationException(List<Problem> problems) {
        super(Hl7ErrorCode.INVALID_CONFIGURATION, problems);
    }
}
