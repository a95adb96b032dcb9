package org.iep.adapters.jdbc.content;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.adapters.jdbc.internal.SqlErrors;
import org.iep.api.content.IndexedInstance;
import org.iep.api.content.StudyTotals;

/**
 * The running totals of a study in {@code iep_study_totals}, changed on the connection (and in the database
 * transaction) that inserts each instance row, so they always equal the aggregate over the rows. The study's row
 * is locked while it changes: instances of one study are counted one at a time, other studies go on. Modalities
 * that cannot be kept (rows from before the table, or more distinct values than fit) are NULL and computed from the
 * instance rows when read.
 */
final class StudyTotalsRows {
    private static final int MAX_MODALITIES = 1024;
    private static final String KEY = " WHERE transaction_id = ? AND study_instance_uid = ?";

    private StudyTotalsRows() {
    }

    /** Counts {@code i}, just inserted on {@code c}. */
    static void add(Connection c, IndexedInstance i) throws SQLException {
        String tx = i.transaction().value();
        String study = i.studyInstanceUid();
        List<String[]> row = locked(c, tx, study);
        if (row.isEmpty()) {
            try {
                Sql.tolerant(c, cc -> Sql.update(cc, "INSERT INTO iep_study_totals (transaction_id,"
                        + " study_instance_uid, instances, size_bytes, modalities) VALUES (?, ?, 1, ?, ?)", tx, study,
                        i.size(), merged("", i.modality())));
                return;
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                row = locked(c, tx, study); // the study's first instance came in on another connection meanwhile
            }
        }
        Sql.update(c, "UPDATE iep_study_totals SET instances = instances + 1, size_bytes = size_bytes + ?,"
                + " modalities = ?" + KEY, i.size(), merged(row.get(0)[0], i.modality()), tx, study);
    }

    static StudyTotals read(Connection c, String tx, String study) throws SQLException {
        List<Object[]> rows = Sql.list(c, "SELECT instances, size_bytes, modalities FROM iep_study_totals" + KEY,
                rs -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getString(3)}, tx, study);
        if (rows.isEmpty()) {
            return new StudyTotals(0, 0, new TreeSet<>());
        }
        Object[] r = rows.get(0);
        SortedSet<String> modalities = r[2] != null ? split((String) r[2])
                : new TreeSet<>(Sql.list(c, "SELECT DISTINCT modality FROM iep_instance" + KEY
                + " AND modality <> ''", rs -> rs.getString(1), tx, study));
        return new StudyTotals((Integer) r[0], (Long) r[1], modalities);
    }

    private static List<String[]> locked(Connection c, String tx, String study) throws SQLException {
        return Sql.list(c, "SELECT modalities FROM iep_study_totals" + KEY + " FOR UPDATE",
                rs -> new String[] {rs.getString(1)}, tx, study);
    }

    /** The kept set with {@code modality} added; NULL stays NULL, and so does a set too long to keep. */
    static String merged(String kept, String modality) {
        if (kept == null || modality.isEmpty()) {
            return kept;
        }
        SortedSet<String> all = split(kept);
        if (!all.add(modality)) {
            return kept;
        }
        String joined = String.join("\\", all);
        return joined.length() > MAX_MODALITIES ? null : joined;
    }

    private static SortedSet<String> split(String kept) {
        return kept.isEmpty() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(kept.split("\\\\")));
    }
}
