package org.iep.adapters.jdbc.report;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.report.RejectedMessage;
import org.iep.api.report.ReportId;
import org.iep.api.report.StoredReport;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ReportStore;

/**
 * Reports in {@code iep_report}, unique on the message key: insert-if-absent is one INSERT that the unique
 * constraint makes atomic across nodes; a duplicate-key refusal (SQLState 23505) means another insert won, and its
 * row is returned. Each insert is committed before it returns, so an HL7 ACK sent afterwards survives a crash.
 * Rejected messages are kept as bytes (their ISO-8859-1 form), so every byte survives. Thread-safe.
 */
public final class JdbcReportStore implements ReportStore {
    private static final String COLUMNS = "report_id, message_key, accession_number, patient_id, patient_issuer,"
            + " file_name, media_type, size_bytes, sha256, blob_key, received, keep_until";
    private static final String ORDER = " ORDER BY received, report_id";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Sql sql;

    @Inject
    public JdbcReportStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public StoredReport insertIfAbsent(StoredReport r) {
        return sql.autoCommit("Storing report " + r.id(), c -> {
            try {
                Sql.update(c, "INSERT INTO iep_report (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        r.id().value(), r.messageKey(), r.accessionNumber(), r.patientId(), r.patientIssuer(),
                        r.fileName(), r.mediaType(), r.size(), r.sha256(), r.blob().value(), r.received(),
                        r.keepUntil());
                return r;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                List<StoredReport> winner = Sql.list(c, "SELECT " + COLUMNS + " FROM iep_report WHERE message_key = ?",
                        JdbcReportStore::row, r.messageKey());
                if (winner.isEmpty()) {
                    throw e; // the report ID itself collided: not a duplicate message, so not hidden as one
                }
                return winner.get(0);
            }
        });
    }

    @Override
    public Optional<StoredReport> findByMessageKey(String messageKey) {
        return sql.first("Finding a report by message key", "SELECT " + COLUMNS + " FROM iep_report WHERE"
                + " message_key = ?", JdbcReportStore::row, messageKey);
    }

    @Override
    public Optional<StoredReport> find(ReportId id) {
        return sql.first("Finding report " + id, "SELECT " + COLUMNS + " FROM iep_report WHERE report_id = ?",
                JdbcReportStore::row, id.value());
    }

    @Override
    public List<StoredReport> byOrder(String accessionNumber, String patientId) {
        return sql.list("Listing reports of an order", "SELECT " + COLUMNS + " FROM iep_report WHERE"
                + " accession_number = ? AND patient_id = ?" + ORDER, JdbcReportStore::row, accessionNumber, patientId);
    }

    @Override
    public List<StoredReport> expired(Instant instant, int limit) {
        return sql.list("Listing expired reports", "SELECT " + COLUMNS + " FROM iep_report WHERE keep_until <= ?"
                + ORDER + " LIMIT ?", JdbcReportStore::row, instant, limit);
    }

    @Override
    public boolean delete(ReportId id) {
        return sql.update("Deleting report " + id, "DELETE FROM iep_report WHERE report_id = ?", id.value()) > 0;
    }

    @Override
    public void reject(RejectedMessage m) {
        sql.update("Keeping rejected message " + m.id(), "INSERT INTO iep_report_rejected (rejected_id, source,"
                + " received, reason, raw_message) VALUES (?, ?, ?, ?, ?)", m.id(), m.source(), m.received(),
                m.reason(), m.raw().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public List<RejectedMessage> rejected(int limit) {
        return sql.list("Listing rejected messages", "SELECT rejected_id, source, received, reason, raw_message FROM"
                + " iep_report_rejected ORDER BY received, rejected_id LIMIT ?", rs -> new RejectedMessage(
                        rs.getString("rejected_id"), rs.getString("source"), Sql.instant(rs, "received"),
                        rs.getString("reason"), new String(rs.getBytes("raw_message"), StandardCharsets.ISO_8859_1)),
                limit);
    }

    @Override
    public long purgeRejected(Instant instant) {
        return sql.update("Purging rejected messages", "DELETE FROM iep_report_rejected WHERE received <= ?", instant);
    }

    private static StoredReport row(ResultSet rs) throws SQLException {
        return new StoredReport(new ReportId(rs.getString("report_id")), rs.getString("message_key"),
                rs.getString("accession_number"), rs.getString("patient_id"), rs.getString("patient_issuer"),
                rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), new BlobKey(rs.getString("blob_key")), Sql.instant(rs, "received"),
                Sql.instant(rs, "keep_until"));
    }
}
