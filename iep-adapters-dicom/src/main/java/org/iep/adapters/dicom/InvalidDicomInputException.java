package org.iep.adapters.dicom;

import java.util.List;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** A configuration, query or UID given to the adapter was refused before any network traffic. */
public final class InvalidDicomInputException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    InvalidDicomInputException(DicomAdapterErrorCode code, List<Problem> problems) {
        super(code, problems);
    }
}
