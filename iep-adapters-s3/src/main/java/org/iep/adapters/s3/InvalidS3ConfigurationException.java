package org.iep.adapters.s3;

import java.util.List;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** The S3 settings are unusable; {@link #problems()} lists every one. */
public final class InvalidS3ConfigurationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    InvalidS3ConfigurationException(List<Problem> problems) {
        super(S3ErrorCode.INVALID_CONFIGURATION, problems);
    }
}
