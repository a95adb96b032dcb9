package org.iep.adapters.jdbc;

import org.iep.api.InfrastructureException;

/**
 * The database failed (unreachable, restarted, aborted a statement, refused a privilege). Thrown by every JDBC store
 * instead of {@link java.sql.SQLException}; nothing of the failed call was committed. {@link #retryable()} says
 * whether the same call may succeed later. Immutable; thread-safe.
 */
public final class DatabaseException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(JdbcErrorCode code, String message, boolean retryable, Throwable cause) {
        super(code, message, retryable, cause);
    }
}
