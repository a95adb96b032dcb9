package org.iep.adapters.jdbc.directory;

import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.spi.UserStore;

/**
 * Users in {@code iep_user}; e-mail addresses are unique through a lower-cased column. Members are sorted in Java by
 * family then given name, independent of the database's collation. Thread-safe.
 */
public final class JdbcUserStore implements UserStore {
    private final Sql sql;

    @Inject
    public JdbcUserStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void put(User u) {
        String email = u.email().toLowerCase(Locale.ROOT);
        String doc = DirectoryCodec.user(u);
        sql.upsert("Storing user " + u.id(),
                "UPDATE iep_user SET institution_id = ?, email_lower = ?, family_name = ?, given_name = ?, doc = ?"
                        + " WHERE id = ?",
                new Object[] {u.institution().value(), email, u.familyName(), u.givenName(), doc, u.id().value()},
                "INSERT INTO iep_user (id, institution_id, email_lower, family_name, given_name, doc)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                new Object[] {u.id().value(), u.institution().value(), email, u.familyName(), u.givenName(), doc});
    }

    @Override
    public Optional<User> find(UserId id) {
        return sql.first("Finding user " + id, "SELECT doc FROM iep_user WHERE id = ?",
                rs -> DirectoryCodec.user(rs.getString(1)), id.value());
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return sql.first("Finding a user by e-mail", "SELECT doc FROM iep_user WHERE email_lower = ?",
                rs -> DirectoryCodec.user(rs.getString(1)), email.toLowerCase(Locale.ROOT));
    }

    @Override
    public List<User> members(InstitutionId institution) {
        return sql.list("Listing users of " + institution, "SELECT doc FROM iep_user WHERE institution_id = ?",
                rs -> DirectoryCodec.user(rs.getString(1)), institution.value()).stream()
                .sorted(Comparator.comparing(User::familyName).thenComparing(User::givenName)).toList();
    }
}
