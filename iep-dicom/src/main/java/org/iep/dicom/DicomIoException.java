package org.iep.dicom;

/** An I/O error while reading or writing DICOM data; the cause holds the original IOException. */
public final class DicomIoException extends DicomException {

    public DicomIoException(String message) {
        super(DicomErrorCode.IO, message, null);
    }

    public DicomIoException(String message, Throwable cause) {
        super(DicomErrorCode.IO, message, cause);
    }
}
