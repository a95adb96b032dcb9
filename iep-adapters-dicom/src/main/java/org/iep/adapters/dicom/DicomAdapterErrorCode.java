package org.iep.adapters.dicom;

import org.iep.api.ErrorCode;

/** Error codes of the DICOM network adapter (5800–5899). Numbers are stable; add new ones at the end. */
public enum DicomAdapterErrorCode implements ErrorCode {
    PEER_UNREACHABLE(5801, "The node could not be reached or dropped the association; check host, port and TLS"),
    PEER_REFUSED(5802, "The node rejected the association or the service; check the AE titles configured on both sides"),
    OPERATION_FAILED(5803, "The node answered with a DICOM failure status"),
    INVALID_QUERY(5804, "A matching key is not a valid DICOM value (length, backslash or control characters)"),
    RETRIEVE_UNSUPPORTED(5805,
            "A C-GET retrieve needs a target transaction and a gateway built with the core's ingest"),
    INVALID_CONFIGURATION(5806, "The DICOM adapter configuration is invalid; every problem is listed"),
    INVALID_UID(5807, "A DICOM UID is not 1-64 characters of digits and dots"),
    RETRIEVE_IN_PROGRESS(5808, "A retrieve from the same node is running; this one is tried again later"),
    LISTENER_FAILED(5809, "The DICOM listener could not start; check the port and bind address"),
    COMMITMENT_FAILED(5810, "The node did not commit every delivered instance (storage commitment); the delivery"
            + " is tried again"),
    COMMITMENT_TIMEOUT(5811, "The node sent no storage commitment report in time; check that it reaches our SCP"
            + " (its configured address and AE title for us)");

    private final int number;
    private final String summary;

    DicomAdapterErrorCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }
}
