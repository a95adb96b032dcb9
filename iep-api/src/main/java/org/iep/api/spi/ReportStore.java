package org.iep.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iep.api.report.RejectedMessage;
import org.iep.api.report.ReportId;
import org.iep.api.report.StoredReport;

/**
 * Durable reports and rejected messages. Thread-safe; shared by several nodes in production.
 *
 * <p>Contract: {@link #insertIfAbsent} is atomic on the message key — of N racing inserts with the same key exactly
 * one is stored and every caller gets that one back; it returns only once the record is durable (an HL7 ACK is
 * sent after it). Listings are ordered by received time, then ID.
 */
public interface ReportStore {

    /** Stores the report unless one with its message key exists; returns the stored record (new or existing). */
    StoredReport insertIfAbsent(StoredReport report);

    Optional<StoredReport> findByMessageKey(String messageKey);

    Optional<StoredReport> find(ReportId id);

    /** Reports for this accession number and patient ID (issuers are compared by the caller). */
    List<StoredReport> byOrder(String accessionNumber, String patientId);

    /** Reports whose {@code keepUntil} is at or before {@code instant}, at most {@code limit}. */
    List<StoredReport> expired(Instant instant, int limit);

    /** Removes one report; returns whether it existed. Idempotent. */
    boolean delete(ReportId id);

    /** Keeps a refused message for review. */
    void reject(RejectedMessage message);

    /** Rejected messages, oldest first, at most {@code limit}. */
    List<RejectedMessage> rejected(int limit);

    /** Removes rejected messages received at or before {@code instant}; returns how many. */
    long purgeRejected(Instant instant);
}
