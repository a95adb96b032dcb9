package org.iep.dicom;

/** A value does not have the form its VR requires, or is out of range for the requested type. */
public final class DicomValueException extends DicomException {

    public DicomValueException(String message) {
        super(DicomErrorCode.VALUE, message, null);
    }

    public DicomValueException(String message, Throwable cause) {
        super(DicomErrorCode.VALUE, message, cause);
    }
}
