package org.iep.adapters.jdbc.transaction;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.TrackingNumber;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;

/**
 * Transactions in {@code iep_transaction} with their involved institutions and studies in child tables. A commit is
 * one database transaction; updates are conditional on the version ({@code UPDATE ... WHERE id = ? AND version = ?}),
 * so of racing writers exactly one wins, on one node or many. Thread-safe.
 */
public final class JdbcTransactionStore implements TransactionStore {
    private static final String COLUMNS = "t.doc, t.version";
    private final Sql sql;

    @Inject
    public JdbcTransactionStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public List<Transaction> commit(TransactionChanges changes) {
        return sql.inTransaction("Committing " + describe(changes), c -> {
            List<Transaction> stored = new ArrayList<>();
            for (Transaction t : changes.inserts()) {
                stored.add(insert(c, t));
            }
            for (Transaction t : changes.updates()) {
                stored.add(update(c, t));
            }
            return stored;
        });
    }

    @Override
    public Optional<Transaction> find(TransactionId id) {
        return sql.first("Finding transaction " + id, "SELECT " + COLUMNS + " FROM iep_transaction t WHERE t.id = ?",
                rs -> TransactionCodec.decode(rs.getString(1), rs.getLong(2)), id.value());
    }

    @Override
    public Optional<Transaction> findByTracking(TrackingNumber tracking) {
        return sql.first("Finding transaction " + tracking,
                "SELECT " + COLUMNS + " FROM iep_transaction t WHERE t.tracking = ?",
                rs -> TransactionCodec.decode(rs.getString(1), rs.getLong(2)), tracking.value());
    }

    @Override
    public List<Transaction> query(TransactionQuery query) {
        QuerySql q = QuerySql.of(query, COLUMNS);
        return sql.list("Querying transactions", q.sql(), rs -> TransactionCodec.decode(rs.getString(1),
                rs.getLong(2)), q.params());
    }

    @Override
    public long nextTrackingSequence(String institutionCode) {
        return sql.inTransaction("Taking the next tracking number of " + institutionCode, c -> {
            String increment = "UPDATE iep_tracking_sequence SET next_seq = next_seq + 1 WHERE code = ?";
            if (Sql.update(c, increment, institutionCode) == 0) {
                // First use of the code: create its row (a racing creator's row wins; we then increment that one).
                Sql.update(c, "INSERT INTO iep_tracking_sequence (code, next_seq) VALUES (?, 0)"
                        + " ON CONFLICT DO NOTHING", institutionCode);
                Sql.update(c, increment, institutionCode);
            }
            // The row stays locked by our update until commit, so this reads our own increment.
            return Sql.list(c, "SELECT next_seq FROM iep_tracking_sequence WHERE code = ?", rs -> rs.getLong(1),
                    institutionCode).get(0);
        });
    }

    private static Transaction insert(Connection c, Transaction t) throws SQLException {
        Transaction stored = t.toBuilder().version(1).build();
        Sql.update(c, "INSERT INTO iep_transaction (id, tracking, tx_type, status, origin_institution,"
                        + " sender_institution, recipient_institution, patient_id, created, expires, version, doc)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.id().value(), t.tracking().value(), t.type().name(), t.status().name(), t.origin().value(),
                senderInstitution(t), recipientInstitution(t), t.patient().identifier().id(), t.created(),
                t.expires(), 1L, TransactionCodec.encode(stored));
        writeChildren(c, stored);
        return stored;
    }

    private static Transaction update(Connection c, Transaction t) throws SQLException {
        Transaction stored = t.toBuilder().version(t.version() + 1).build();
        int rows = Sql.update(c, "UPDATE iep_transaction SET tracking = ?, tx_type = ?, status = ?,"
                        + " origin_institution = ?, sender_institution = ?, recipient_institution = ?, patient_id = ?,"
                        + " created = ?, expires = ?, version = ?, doc = ? WHERE id = ? AND version = ?",
                t.tracking().value(), t.type().name(), t.status().name(), t.origin().value(), senderInstitution(t),
                recipientInstitution(t), t.patient().identifier().id(), t.created(), t.expires(), stored.version(),
                TransactionCodec.encode(stored), t.id().value(), t.version());
        if (rows == 0) {
            boolean exists = !Sql.list(c, "SELECT 1 FROM iep_transaction WHERE id = ?", rs -> 1, t.id().value())
                    .isEmpty();
            if (!exists) {
                throw new NotFoundException("Transaction " + t.id());
            }
            throw new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION, "Transaction " + t.id()
                    + " was changed by someone else since version " + t.version() + "; reload it and try again.");
        }
        Sql.update(c, "DELETE FROM iep_transaction_involved WHERE transaction_id = ?", t.id().value());
        Sql.update(c, "DELETE FROM iep_transaction_study WHERE transaction_id = ?", t.id().value());
        writeChildren(c, stored);
        return stored;
    }

    private static void writeChildren(Connection c, Transaction t) throws SQLException {
        Set<String> involved = new LinkedHashSet<>();
        Optional.ofNullable(senderInstitution(t)).ifPresent(involved::add);
        Optional.ofNullable(recipientInstitution(t)).ifPresent(involved::add);
        involved.add(t.origin().value());
        for (String institution : involved) {
            Sql.update(c, "INSERT INTO iep_transaction_involved (institution_id, transaction_id, status, created)"
                    + " VALUES (?, ?, ?, ?)", institution, t.id().value(), t.status().name(), t.created());
        }
        int pos = 0;
        for (StudyEntry s : t.studies()) {
            Sql.update(c, "INSERT INTO iep_transaction_study (transaction_id, pos_no, study_uid, accession)"
                    + " VALUES (?, ?, ?, ?)", t.id().value(), pos++, s.studyInstanceUid(), s.accessionNumber());
        }
    }

    private static String senderInstitution(Transaction t) {
        return t.sender() instanceof Party.Staff s ? s.institution().value() : null;
    }

    private static String recipientInstitution(Transaction t) {
        return t.recipient() instanceof InstitutionRecipient r ? r.institution().value() : null;
    }

    private static String describe(TransactionChanges changes) {
        List<String> ids = new ArrayList<>();
        changes.inserts().forEach(t -> ids.add(t.id().value()));
        changes.updates().forEach(t -> ids.add(t.id().value()));
        return "transaction(s) " + String.join(", ", ids);
    }
}
