package org.iep.core.report;

import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** The report was refused (wrong type, too large, missing order data); nothing was stored. */
public final class RefusedReportException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public RefusedReportException(CoreErrorCode code, List<Problem> problems) {
        super(code, problems);
    }
}
