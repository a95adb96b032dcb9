package org.iep.adapters.jdbc.directory;

import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.SecurityUnit;
import org.iep.api.directory.SecurityUnitId;
import org.iep.api.spi.DirectoryStore;

/**
 * Institutions in {@code iep_institution} (code unique case-insensitively through an upper-cased column) and security
 * units in {@code iep_security_unit}. Lists are sorted in Java by name, so the order does not depend on the
 * database's collation. Thread-safe.
 */
public final class JdbcDirectoryStore implements DirectoryStore {
    private final Sql sql;

    @Inject
    public JdbcDirectoryStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void putInstitution(Institution i) {
        String code = i.code().toUpperCase(Locale.ROOT);
        String doc = DirectoryCodec.institution(i);
        sql.upsert("Storing institution " + i.id() + " (code " + i.code() + ")",
                "UPDATE iep_institution SET code_upper = ?, name = ?, doc = ? WHERE id = ?",
                new Object[] {code, i.name(), doc, i.id().value()},
                "INSERT INTO iep_institution (id, code_upper, name, doc) VALUES (?, ?, ?, ?)",
                new Object[] {i.id().value(), code, i.name(), doc});
    }

    @Override
    public Optional<Institution> institution(InstitutionId id) {
        return sql.first("Finding institution " + id, "SELECT doc FROM iep_institution WHERE id = ?",
                rs -> DirectoryCodec.institution(rs.getString(1)), id.value());
    }

    @Override
    public Optional<Institution> institutionByCode(String code) {
        return sql.first("Finding institution " + code, "SELECT doc FROM iep_institution WHERE code_upper = ?",
                rs -> DirectoryCodec.institution(rs.getString(1)), code.toUpperCase(Locale.ROOT));
    }

    @Override
    public List<Institution> institutions() {
        return sql.list("Listing institutions", "SELECT doc FROM iep_institution",
                rs -> DirectoryCodec.institution(rs.getString(1))).stream()
                .sorted(Comparator.comparing(Institution::name)).toList();
    }

    @Override
    public void putUnit(SecurityUnit u) {
        sql.upsert("Storing security unit " + u.id(),
                "UPDATE iep_security_unit SET institution_id = ?, name = ?, specialty = ? WHERE id = ?",
                new Object[] {u.institution().value(), u.name(), u.specialty(), u.id().value()},
                "INSERT INTO iep_security_unit (id, institution_id, name, specialty) VALUES (?, ?, ?, ?)",
                new Object[] {u.id().value(), u.institution().value(), u.name(), u.specialty()});
    }

    @Override
    public List<SecurityUnit> units(InstitutionId institution) {
        return sql.list("Listing security units of " + institution,
                "SELECT id, institution_id, name, specialty FROM iep_security_unit WHERE institution_id = ?",
                rs -> new SecurityUnit(new SecurityUnitId(rs.getString(1)), new InstitutionId(rs.getString(2)),
                        rs.getString(3), rs.getString(4)), institution.value()).stream()
                .sorted(Comparator.comparing(SecurityUnit::name)).toList();
    }
}
