package org.iep.core.upload;

import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/** Files of an upload were refused: each problem names a file (or archive entry) and why. Nothing was stored. */
public final class UploadRefusedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UploadRefusedException(List<Problem> problems) {
        super(CoreErrorCode.UPLOAD_REFUSED, problems);
    }
}
