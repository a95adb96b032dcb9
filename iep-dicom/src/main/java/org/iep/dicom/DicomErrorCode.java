package org.iep.dicom;

/**
 * Stable error codes of the DICOM module (5xxx range). Codes are never reused or renumbered: logs,
 * tickets and documentation refer to them.
 */
public enum DicomErrorCode {
    /** The input is not DICOM, is truncated, or its structure is malformed. */
    PARSE(5001, "the input is not a readable DICOM stream; check that the file is complete and is DICOM"),
    /** A value does not have the form its VR requires (e.g. an IS value "1A"). */
    VALUE(5002, "the element value cannot be converted as requested"),
    /** A data set cannot be encoded in the requested form. */
    WRITE(5003, "the data set cannot be written as requested"),
    /** A DICOM JSON document is malformed or does not follow PS3.18 Annex F. */
    JSON(5004, "the DICOM JSON document is malformed"),
    /** A character set is unknown or a value cannot be represented in the data set's character set. */
    CHARSET(5005, "the text cannot be decoded or encoded with the declared Specific Character Set"),
    /** An I/O error while reading or writing. */
    IO(5006, "an I/O error occurred"),
    /** A PDU from the peer is malformed: a length that does not fit, a missing item, a bad value. */
    NET_PDU_MALFORMED(5100, "the peer sent a malformed DICOM Upper Layer PDU; the association was aborted"),
    /** A PDU type that PS3.8 does not define. */
    NET_PDU_UNKNOWN(5101, "the peer sent an unknown PDU type; the association was aborted"),
    /** A PDU longer than the maximum length we announced. */
    NET_PDU_TOO_LARGE(5102, "the peer sent a PDU longer than our maximum PDU length; the association was aborted"),
    /** A PDU that is valid but not allowed in the current state of the association. */
    NET_PDU_UNEXPECTED(5103, "the peer sent a PDU that is not allowed at this point; the association was aborted"),
    /** The peer rejected the association (A-ASSOCIATE-RJ). */
    NET_REJECTED(5110, "the peer rejected the association; check the AE titles and the services it offers"),
    /** The peer aborted the association (A-ABORT) or closed the connection. */
    NET_ABORTED(5111, "the association was aborted or the connection closed"),
    /** No presentation context the operation needs was accepted. */
    NET_NO_PRESENTATION_CONTEXT(5112, "the peer accepted no presentation context for this SOP class and transfer syntax"),
    /** ARTIM, idle or connect timeout. */
    NET_TIMEOUT(5113, "the peer did not answer in time"),
    /** Connection or socket failure. */
    NET_IO(5114, "a network error occurred; check host, port and TLS settings"),
    /** A DIMSE command set is malformed or lacks a required field. */
    NET_DIMSE_MALFORMED(5120, "the peer sent a malformed DIMSE command"),
    /** A DIMSE operation ended with a failure status. */
    NET_DIMSE_FAILED(5121, "the DIMSE operation ended with a failure status"),
    /** A DICOMDIR is unreadable: not a Media Storage Directory, malformed records, offsets out of bounds or a loop. */
    DICOMDIR_MALFORMED(5300, "the DICOMDIR is malformed; its records cannot be followed"),
    /** A Referenced File ID would leave the file-set root (.., absolute path, separators inside a component). */
    DICOMDIR_UNSAFE_FILE_ID(5301, "a Referenced File ID points outside the file-set; the DICOMDIR was refused"),
    /** A file name that is not an ISO 9660 file ID (at most 8 components of 1-8 characters A-Z, 0-9, _). */
    DICOMDIR_FILE_NAME(5302, "the file name is not a DICOM file ID; lay the files out under compliant names first"),
    /** A file of the set cannot be indexed: not Part 10 DICOM, or a key attribute the record needs is missing. */
    DICOMDIR_INPUT(5303, "a file of the file-set cannot be indexed in a DICOMDIR");

    private final int code;
    private final String hint;

    DicomErrorCode(int code, String hint) {
        this.code = code;
        this.hint = hint;
    }

    /** The numeric code, e.g. 5001. */
    public int code() {
        return code;
    }

    /** A short, general explanation of what went wrong and what to do. */
    public String hint() {
        return hint;
    }

    /** "IEP-5001". */
    public String label() {
        return "IEP-" + code;
    }
}
