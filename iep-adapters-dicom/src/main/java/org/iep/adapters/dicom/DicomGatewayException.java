package org.iep.adapters.dicom;

import org.iep.api.InfrastructureException;

/** A DICOM operation with a remote node failed; {@link #retryable()} says whether trying later may help. */
public final class DicomGatewayException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    DicomGatewayException(DicomAdapterErrorCode code, String message, boolean retryable, Throwable cause) {
        super(code, message, retryable, cause);
    }

    DicomGatewayException(DicomAdapterErrorCode code, String message) {
        this(code, message, false, null);
    }
}
