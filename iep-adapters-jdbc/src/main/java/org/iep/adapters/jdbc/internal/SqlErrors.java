package org.iep.adapters.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.iep.adapters.jdbc.DatabaseException;
import org.iep.adapters.jdbc.JdbcErrorCode;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;

/**
 * The one place where SQLStates become IEP exceptions (STYLE #13). Works for PostgreSQL and H2, which share the
 * standard SQLStates used here. Stateless; thread-safe.
 */
public final class SqlErrors {
    private SqlErrors() {
    }

    /** Whether {@code e} (or a cause) is a unique-constraint violation. */
    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * Translates a failure of {@code action} (e.g. "Committing transaction tx-1"): unique violations become
     * {@code ConflictException(DUPLICATE)}; lost connections, shutdowns, serialization failures and deadlocks become a
     * retryable {@link DatabaseException}; anything else a non-retryable one.
     */
    public static IepException translate(SQLException e, String action) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (isUniqueViolation(e)) {
            return new ConflictException(CoreErrorCode.DUPLICATE,
                    action + " failed: an entity with the same identity already exists. Use another identifier.");
        }
        if (isConnectionLoss(e, state)) {
            return new DatabaseException(JdbcErrorCode.DATABASE_UNAVAILABLE, action
                    + " failed: the database is unreachable or restarting (SQLState " + state + "). Nothing was"
                    + " committed; retry when the database is back and check iep.jdbc.url.", true, e);
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || state.equals("55P03")) {
            return new DatabaseException(JdbcErrorCode.TRANSIENT_CONFLICT, action
                    + " was aborted by the database (SQLState " + state + ": serialization failure, deadlock or"
                    + " lock timeout). Nothing was committed; retry the call.", true, e);
        }
        if (state.equals("42501")) {
            return new DatabaseException(JdbcErrorCode.PERMISSION_DENIED, action
                    + " was refused: the database role lacks a privilege (SQLState 42501). Grant it as"
                    + " db/iep-roles/postgresql-app-role.sql does, or connect with the right role.", false, e);
        }
        // The driver's message can quote stored values (patient data); it stays in the cause, not in our message.
        return new DatabaseException(JdbcErrorCode.STATEMENT_FAILED, action + " failed (SQLState " + state + ")."
                + " Check that the schema is migrated to this IEP version and that values fit their columns.",
                false, e);
    }

    private static boolean isConnectionLoss(SQLException e, String state) {
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                || e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException;
    }
}
