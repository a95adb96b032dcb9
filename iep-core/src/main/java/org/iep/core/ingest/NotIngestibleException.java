package org.iep.core.ingest;

import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** The content is not a readable, indexable DICOM instance; every problem is listed and nothing became visible. */
public final class NotIngestibleException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public NotIngestibleException(List<Problem> problems) {
        super(CoreErrorCode.NOT_DICOM, problems);
    }
}
