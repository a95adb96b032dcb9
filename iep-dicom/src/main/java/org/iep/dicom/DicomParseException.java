package org.iep.dicom;

/**
 * The input is truncated, not DICOM, or malformed. Carries the byte offset (in the decoded stream,
 * i.e. after inflation for deflated syntaxes; -1 when unknown) where the problem was found.
 */
public final class DicomParseException extends DicomException {

    private final long offset;
    private final String reason;

    public DicomParseException(long offset, String reason) {
        this(offset, reason, null);
    }

    public DicomParseException(long offset, String reason, Throwable cause) {
        super(DicomErrorCode.PARSE, reason + (offset >= 0 ? " (at byte offset " + offset + ")" : ""), cause);
        this.offset = offset;
        this.reason = reason;
    }

    /** Byte offset of the problem, or -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** The reason without the code and offset decoration. */
    public String reason() {
        return reason;
    }
}
