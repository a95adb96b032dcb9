package org.iep.core.report;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A report as received, before it is typed and stored.
 *
 * @param messageKey      idempotency key chosen by the caller (HL7: sending application + facility + MSH-10);
 *                        receiving the same key again is acknowledged without storing twice
 * @param accessionNumber with the patient ID, what the report is matched to studies by
 * @param patientIssuer   empty when unknown
 * @param fileName        shown to users only; never used for storage or typing
 * @param content         the bytes; their type comes from their magic bytes, not from the sender
 */
public record IncomingReport(
        String messageKey,
        String accessionNumber,
        String patientId,
        String patientIssuer,
        String fileName,
        byte[] content) {

    public IncomingReport {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(accessionNumber, "accessionNumber");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(patientIssuer, "patientIssuer");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }

    /** A pasted or HL7 text report, kept as UTF-8 text. */
    public static IncomingReport text(String messageKey, String accessionNumber, String patientId,
                                      String patientIssuer, String text) {
        return new IncomingReport(messageKey, accessionNumber, patientId, patientIssuer, "report.txt",
                text.getBytes(StandardCharsets.UTF_8));
    }
}
