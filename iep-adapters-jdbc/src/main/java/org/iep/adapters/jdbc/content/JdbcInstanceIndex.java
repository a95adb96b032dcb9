package org.iep.adapters.jdbc.content;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.content.IndexedInstance;
import org.iep.api.content.IndexedPatient;
import org.iep.api.content.StudyTotals;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.TransactionId;

/**
 * The instance index in {@code iep_instance}, keyed by (transaction, SOP Instance UID). Insert-if-absent is one
 * INSERT that the primary key makes atomic across nodes; a duplicate-key refusal (SQLState 23505) means another
 * insert won, and its row is returned. Thread-safe.
 */
public final class JdbcInstanceIndex implements InstanceIndex {
    private static final String COLUMNS = "transaction_id, sop_instance_uid, study_instance_uid, series_instance_uid,"
            + " sop_class_uid, transfer_syntax_uid, patient_id, patient_name, birth_date, accession_number, modality,"
            + " blob_key, size_bytes, sha256, received";
    private static final String ORDER = " ORDER BY study_instance_uid, series_instance_uid, sop_instance_uid";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Sql sql;

    @Inject
    public JdbcInstanceIndex(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public IndexedInstance insertIfAbsent(IndexedInstance i) {
        return sql.inTransaction("Indexing an instance of " + i.transaction(), c -> {
            try {
                Sql.tolerant(c, cc -> Sql.update(cc, "INSERT INTO iep_instance (" + COLUMNS + ") VALUES (?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", i.transaction().value(), i.sopInstanceUid(),
                        i.studyInstanceUid(), i.seriesInstanceUid(), i.sopClassUid(), i.transferSyntaxUid(),
                        i.patientId(), i.patientName(), i.birthDate(), i.accessionNumber(), i.modality(),
                        i.blob().value(), i.size(), i.sha256(), i.received()));
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                return Sql.list(c, "SELECT " + COLUMNS + " FROM iep_instance WHERE transaction_id = ? AND"
                        + " sop_instance_uid = ?", JdbcInstanceIndex::row, i.transaction().value(),
                        i.sopInstanceUid()).get(0);
            }
            StudyTotalsRows.add(c, i);
            return i;
        });
    }

    @Override
    public Optional<IndexedInstance> find(TransactionId t, String sopInstanceUid) {
        return sql.first("Finding an instance of " + t, "SELECT " + COLUMNS + " FROM iep_instance WHERE"
                + " transaction_id = ? AND sop_instance_uid = ?", JdbcInstanceIndex::row, t.value(), sopInstanceUid);
    }

    @Override
    public List<IndexedInstance> byTransaction(TransactionId t) {
        return sql.list("Listing the instances of " + t, "SELECT " + COLUMNS + " FROM iep_instance WHERE"
                + " transaction_id = ?" + ORDER, JdbcInstanceIndex::row, t.value());
    }

    @Override
    public List<IndexedInstance> bySopInstance(String sopInstanceUid) {
        return sql.list("Finding an instance in every transaction", "SELECT " + COLUMNS + " FROM iep_instance WHERE"
                + " sop_instance_uid = ? ORDER BY transaction_id", JdbcInstanceIndex::row, sopInstanceUid);
    }

    @Override
    public List<IndexedInstance> byStudy(TransactionId t, String studyInstanceUid) {
        return sql.list("Listing the instances of a study of " + t, "SELECT " + COLUMNS + " FROM iep_instance WHERE"
                + " transaction_id = ? AND study_instance_uid = ?" + ORDER, JdbcInstanceIndex::row, t.value(),
                studyInstanceUid);
    }

    @Override
    public StudyTotals totals(TransactionId t, String studyInstanceUid) {
        return sql.autoCommit("Counting a study of " + t, c -> StudyTotalsRows.read(c, t.value(), studyInstanceUid));
    }

    @Override
    public List<IndexedPatient> patients(TransactionId t) {
        return sql.list("Listing the patients of " + t, "SELECT patient_id, patient_name, birth_date FROM iep_instance"
                + " WHERE transaction_id = ? GROUP BY patient_id, patient_name, birth_date ORDER BY MIN(received),"
                + " patient_id, patient_name, birth_date", rs -> new IndexedPatient(rs.getString(1), rs.getString(2),
                rs.getString(3)), t.value());
    }

    @Override
    public boolean references(BlobKey blob) {
        return sql.first("Looking up a blob reference", "SELECT 1 FROM iep_instance WHERE blob_key = ?", rs -> true,
                blob.value()).isPresent();
    }

    @Override
    public long deleteTransaction(TransactionId t) {
        return sql.inTransaction("Deleting the instance index of " + t, c -> {
            Sql.update(c, "DELETE FROM iep_study_totals WHERE transaction_id = ?", t.value());
            return (long) Sql.update(c, "DELETE FROM iep_instance WHERE transaction_id = ?", t.value());
        });
    }

    private static IndexedInstance row(ResultSet rs) throws SQLException {
        return new IndexedInstance(new TransactionId(rs.getString("transaction_id")),
                rs.getString("study_instance_uid"), rs.getString("series_instance_uid"),
                rs.getString("sop_instance_uid"), rs.getString("sop_class_uid"), rs.getString("transfer_syntax_uid"),
                rs.getString("patient_id"), rs.getString("patient_name"), rs.getString("birth_date"),
                rs.getString("accession_number"), rs.getString("modality"), new BlobKey(rs.getString("blob_key")),
                rs.getLong("size_bytes"), rs.getString("sha256"), Sql.instant(rs, "received"));
    }
}
