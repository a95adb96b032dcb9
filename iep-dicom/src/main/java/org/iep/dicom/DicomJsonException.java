package org.iep.dicom;

/** A DICOM JSON document is malformed or does not follow PS3.18 Annex F. */
public final class DicomJsonException extends DicomException {

    public DicomJsonException(String message) {
        super(DicomErrorCode.JSON, message, null);
    }

    public DicomJsonException(String message, Throwable cause) {
        super(DicomErrorCode.JSON, message, cause);
    }
}
