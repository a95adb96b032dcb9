package org.iep.api.report;

import java.time.Instant;
import java.util.Objects;
import org.iep.api.spi.BlobKey;

/**
 * A received report, durably kept until {@code keepUntil} so that it can be attached to every transaction that
 * holds (now or later) the study it is about. Its content lives in a blob under an internal key.
 *
 * @param messageKey       the caller's idempotency key (for HL7: sending application, facility and MSH-10);
 *                         unique — a second report with the same key is the same report
 * @param accessionNumber  matched together with the patient ID
 * @param patientIssuer    empty when the sender gave none; when both sides have one they must agree
 * @param mediaType        from the content's magic bytes: {@code application/pdf} or {@code text/plain}
 */
public record StoredReport(
        ReportId id,
        String messageKey,
        String accessionNumber,
        String patientId,
        String patientIssuer,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        BlobKey blob,
        Instant received,
        Instant keepUntil) {

    public StoredReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(accessionNumber, "accessionNumber");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(patientIssuer, "patientIssuer");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(keepUntil, "keepUntil");
        if (messageKey.isEmpty() || messageKey.length() > 512) {
            throw new IllegalArgumentException("messageKey must be 1-512 characters");
        }
    }
}
