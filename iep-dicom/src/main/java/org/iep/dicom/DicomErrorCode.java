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
    IO(5006, "an I/O error occurred");

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
