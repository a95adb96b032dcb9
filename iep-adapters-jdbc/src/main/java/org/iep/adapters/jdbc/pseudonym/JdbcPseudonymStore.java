package org.iep.adapters.jdbc.pseudonym;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.directory.InstitutionId;
import org.iep.api.pseudonym.PseudonymLink;
import org.iep.api.spi.PseudonymStore;

/**
 * Pseudonym links in {@code iep_pseudonym}, keyed by (institution, profile, pseudonym): remembering is one INSERT
 * that the primary key makes atomic across nodes; a duplicate-key refusal (SQLState 23505) means a link is there
 * already, and that one is returned. Thread-safe.
 */
public final class JdbcPseudonymStore implements PseudonymStore {
    private static final String COLUMNS = "institution_id, profile, pseudonym, patient_id, patient_name, birth_date,"
            + " first_seen";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Sql sql;

    @Inject
    public JdbcPseudonymStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public PseudonymLink remember(PseudonymLink l) {
        return sql.autoCommit("Remembering a pseudonym of " + l.institution(), c -> {
            try {
                Sql.update(c, "INSERT INTO iep_pseudonym (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                        l.institution().value(), l.profile(), l.pseudonym(), l.patientId(), l.patientName(),
                        l.birthDate(), l.firstSeen());
                return l;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                return Sql.list(c, "SELECT " + COLUMNS + " FROM iep_pseudonym WHERE institution_id = ? AND profile = ?"
                        + " AND pseudonym = ?", JdbcPseudonymStore::row, l.institution().value(), l.profile(),
                        l.pseudonym()).get(0);
            }
        });
    }

    @Override
    public Optional<PseudonymLink> find(InstitutionId institution, String profile, String pseudonym) {
        return sql.first("Finding a pseudonym of " + institution, "SELECT " + COLUMNS + " FROM iep_pseudonym WHERE"
                + " institution_id = ? AND profile = ? AND pseudonym = ?", JdbcPseudonymStore::row,
                institution.value(), profile, pseudonym);
    }

    private static PseudonymLink row(ResultSet rs) throws SQLException {
        return new PseudonymLink(new InstitutionId(rs.getString("institution_id")), rs.getString("profile"),
                rs.getString("pseudonym"), rs.getString("patient_id"), rs.getString("patient_name"),
                rs.getString("birth_date"), Sql.instant(rs, "first_seen"));
    }
}
