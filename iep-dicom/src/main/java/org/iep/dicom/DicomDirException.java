package org.iep.dicom;

import java.util.List;
import java.util.Objects;

/**
 * A DICOMDIR cannot be read or written: malformed records or offsets (5300), a Referenced File ID escaping the
 * file-set root (5301), a file name that is not a DICOM file ID (5302), or files of the set that cannot be indexed
 * (5303). When several inputs are at fault, {@link #problems()} lists one line per input.
 */
public final class DicomDirException extends DicomException {

    private final List<String> problems;

    public DicomDirException(DicomErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public DicomDirException(DicomErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public DicomDirException(DicomErrorCode code, String message, List<String> problems, Throwable cause) {
        super(requireDicomDir(code), message, cause);
        this.problems = List.copyOf(problems);
    }

    private static DicomErrorCode requireDicomDir(DicomErrorCode code) {
        if (!Objects.requireNonNull(code).name().startsWith("DICOMDIR_")) {
            throw new IllegalArgumentException("not a DICOMDIR code: " + code);
        }
        return code;
    }

    /** One line per input at fault ("file: reason"); empty when the message says it all. */
    public List<String> problems() {
        return problems;
    }
}
