package org.iep.core.direct;

import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** Direct routes that cannot work as configured; every problem of every route is listed. */
public final class InvalidDirectRouteException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidDirectRouteException(List<Problem> problems) {
        super(CoreErrorCode.DIRECT_ROUTE_INVALID, problems);
    }
}
