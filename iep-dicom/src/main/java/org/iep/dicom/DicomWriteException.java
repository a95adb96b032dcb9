package org.iep.dicom;

/** A data set cannot be written as requested (e.g. encapsulated pixel data into a native transfer syntax). */
public final class DicomWriteException extends DicomException {

    public DicomWriteException(String message) {
        super(DicomErrorCode.WRITE, message, null);
    }

    public DicomWriteException(String message, Throwable cause) {
        super(DicomErrorCode.WRITE, message, cause);
    }
}
