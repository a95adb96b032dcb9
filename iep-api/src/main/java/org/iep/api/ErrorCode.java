package org.iep.api;

/**
 * A stable, documented error code. Each module has one enum implementing this interface, in its own range:
 * core 1xxx, jdbc 2xxx, s3 3xxx, smtp 4xxx, dicom 5xxx, hl7 6xxx, app 7xxx. Codes are never reused.
 */
public interface ErrorCode {
    /** The number, unique across IEP. */
    int number();

    /** A one-line, stable description used in docs/error-codes.md. */
    String summary();

    /** The code as printed, e.g. {@code IEP-1203}. */
    default String code() {
        return "IEP-" + number();
    }
}
