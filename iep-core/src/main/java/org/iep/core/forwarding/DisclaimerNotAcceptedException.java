package org.iep.core.forwarding;

import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/**
 * The forward was refused because the disclaimer was not accepted; {@link #problems()} also lists every other
 * problem of the request, so the wizard can show them all at once.
 */
public final class DisclaimerNotAcceptedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    DisclaimerNotAcceptedException(List<Problem> problems) {
        super(CoreErrorCode.DISCLAIMER_NOT_ACCEPTED, problems);
    }
}
