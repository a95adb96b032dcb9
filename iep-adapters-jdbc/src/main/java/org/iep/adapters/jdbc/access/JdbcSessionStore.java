package org.iep.adapters.jdbc.access;

import jakarta.inject.Inject;
import java.util.Optional;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.access.AccessSession;
import org.iep.api.access.GrantId;
import org.iep.api.access.SecretHash;
import org.iep.api.spi.SessionStore;

/**
 * Individuals' sessions in {@code iep_session}, keyed by the hash of the session ID; last write wins. Instants are
 * kept to the microsecond. Thread-safe.
 */
public final class JdbcSessionStore implements SessionStore {
    private final Sql sql;

    @Inject
    public JdbcSessionStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void put(AccessSession s) {
        sql.upsert("Storing a session of grant " + s.grant(),
                "UPDATE iep_session SET grant_id = ?, created = ?, last_seen = ? WHERE id_hash = ?",
                new Object[] {s.grant().value(), s.created(), s.lastSeen(), s.idHash().hex()},
                "INSERT INTO iep_session (id_hash, grant_id, created, last_seen) VALUES (?, ?, ?, ?)",
                new Object[] {s.idHash().hex(), s.grant().value(), s.created(), s.lastSeen()});
    }

    @Override
    public Optional<AccessSession> find(SecretHash idHash) {
        return sql.first("Finding a session", "SELECT id_hash, grant_id, created, last_seen FROM iep_session"
                + " WHERE id_hash = ?", rs -> new AccessSession(new SecretHash(rs.getString(1).trim()),
                new GrantId(rs.getString(2)), Sql.instant(rs, "created"), Sql.instant(rs, "last_seen")),
                idHash.hex());
    }

    @Override
    public void delete(SecretHash idHash) {
        sql.update("Deleting a session", "DELETE FROM iep_session WHERE id_hash = ?", idHash.hex());
    }

    @Override
    public int deleteForGrant(GrantId grant) {
        return sql.update("Ending the sessions of grant " + grant, "DELETE FROM iep_session WHERE grant_id = ?",
                grant.value());
    }
}
