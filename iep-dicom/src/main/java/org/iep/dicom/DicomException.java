package org.iep.dicom;

import java.util.Objects;

/**
 * Root of the DICOM module's unchecked exception family. Every instance carries a stable
 * {@link DicomErrorCode}; messages start with the code ({@code IEP-5001: ...}).
 */
public abstract sealed class DicomException extends RuntimeException
        permits DicomParseException, DicomValueException, DicomWriteException, DicomJsonException,
                DicomCharsetException, DicomIoException, DicomNetException, DicomDirException {

    private final DicomErrorCode code;

    protected DicomException(DicomErrorCode code, String message, Throwable cause) {
        super(code.label() + ": " + Objects.requireNonNull(message), cause);
        this.code = code;
    }

    /** The stable error code. */
    public DicomErrorCode code() {
        return code;
    }
}
