package org.iep.dicom;

/** A Specific Character Set term is unknown, or text cannot be encoded in the declared character set. */
public final class DicomCharsetException extends DicomException {

    public DicomCharsetException(String message) {
        super(DicomErrorCode.CHARSET, message, null);
    }

    public DicomCharsetException(String message, Throwable cause) {
        super(DicomErrorCode.CHARSET, message, cause);
    }
}
