package org.iep.adapters.jdbc.access;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantId;
import org.iep.api.access.SecretHash;
import org.iep.api.spi.AccessStore;
import org.iep.api.transaction.TransactionId;

/**
 * Access grants in {@code iep_access_grant}. {@link #update} is one conditional statement
 * ({@code UPDATE ... WHERE id = ? AND version = ?}): the database lets exactly one of racing writers through, which
 * is what keeps passcodes single-use across nodes. Thread-safe.
 */
public final class JdbcAccessStore implements AccessStore {
    private static final String SELECT = "SELECT doc, version FROM iep_access_grant ";
    private final Sql sql;

    @Inject
    public JdbcAccessStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public AccessGrant insert(AccessGrant grant) {
        AccessGrant stored = withVersion(grant, 1);
        sql.update("Storing access grant " + grant.id(), "INSERT INTO iep_access_grant (id, transaction_id, token_hash,"
                        + " email_lower, state, created, expires, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                grant.id().value(), grant.transaction().value(), grant.tokenHash().hex(), email(grant),
                grant.state().name(), grant.created(), grant.expires(), 1L, GrantCodec.encode(stored));
        return stored;
    }

    @Override
    public Optional<AccessGrant> find(GrantId id) {
        return sql.first("Finding access grant " + id, SELECT + "WHERE id = ?",
                rs -> GrantCodec.decode(rs.getString(1), rs.getLong(2)), id.value());
    }

    @Override
    public Optional<AccessGrant> findByToken(SecretHash tokenHash) {
        return sql.first("Finding an access grant by token", SELECT + "WHERE token_hash = ?",
                rs -> GrantCodec.decode(rs.getString(1), rs.getLong(2)), tokenHash.hex());
    }

    @Override
    public List<AccessGrant> forTransaction(TransactionId transaction) {
        return sql.list("Listing access grants of " + transaction,
                SELECT + "WHERE transaction_id = ? ORDER BY created, id",
                rs -> GrantCodec.decode(rs.getString(1), rs.getLong(2)), transaction.value());
    }

    @Override
    public List<AccessGrant> forRecipient(String email) {
        return sql.list("Listing access grants of a recipient",
                SELECT + "WHERE email_lower = ? ORDER BY created DESC, id",
                rs -> GrantCodec.decode(rs.getString(1), rs.getLong(2)), email.toLowerCase(Locale.ROOT));
    }

    @Override
    public AccessGrant update(AccessGrant grant) {
        AccessGrant stored = withVersion(grant, grant.version() + 1);
        return sql.inTransaction("Updating access grant " + grant.id(), c -> {
            int rows = Sql.update(c, "UPDATE iep_access_grant SET transaction_id = ?, token_hash = ?, email_lower = ?,"
                            + " state = ?, created = ?, expires = ?, version = ?, doc = ? WHERE id = ? AND version = ?",
                    grant.transaction().value(), grant.tokenHash().hex(), email(grant), grant.state().name(),
                    grant.created(), grant.expires(), stored.version(), GrantCodec.encode(stored),
                    grant.id().value(), grant.version());
            if (rows == 1) {
                return stored;
            }
            if (Sql.list(c, "SELECT 1 FROM iep_access_grant WHERE id = ?", rs -> 1, grant.id().value()).isEmpty()) {
                throw new NotFoundException("Access grant " + grant.id());
            }
            throw new ConflictException(CoreErrorCode.CONCURRENT_MODIFICATION, "Access grant " + grant.id()
                    + " was changed by someone else since version " + grant.version() + "; reload it and try again.");
        });
    }

    private static String email(AccessGrant g) {
        return g.recipient().email().toLowerCase(Locale.ROOT);
    }

    private static AccessGrant withVersion(AccessGrant g, long version) {
        return new AccessGrant(g.id(), g.transaction(), g.tokenHash(), g.recipient(), g.mayForward(), g.state(),
                g.created(), g.viewUntil(), g.expires(), g.passcode(), version);
    }
}
