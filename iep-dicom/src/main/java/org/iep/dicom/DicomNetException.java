package org.iep.dicom;

/**
 * A DICOM network failure (PS3.8 Upper Layer or PS3.7 DIMSE), with a code in the 5100-5299 range. It lives in
 * this package because {@link DicomException} is sealed; {@code org.iep.dicom.net} throws it.
 */
public final class DicomNetException extends DicomException {

    public DicomNetException(DicomErrorCode code, String message) {
        super(code, message, null);
    }

    public DicomNetException(DicomErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
