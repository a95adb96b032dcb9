package org.iep.adapters.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs work on a connection of a {@link DataSource}: one database transaction per call, committed when the work
 * returns, rolled back when it throws; every {@link SQLException} is translated once by {@link SqlErrors}.
 * Immutable; thread-safe (each call takes its own connection).
 */
public final class Sql {
    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Work on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction described by {@code action} (for error messages). Exceptions thrown by
     * the work itself (e.g. a {@code ConflictException}) roll back and propagate unchanged.
     */
    public <T> T inTransaction(String action, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                c.setAutoCommit(true);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackAndRestore(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, action);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (each statement is its own transaction). */
    public <T> T autoCommit(String action, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, action);
        }
    }

    /** The rows of a prepared query whose parameters {@code params} are bound in order. */
    public <T> List<T> list(String action, String sql, RowMapper<T> mapper, Object... params) {
        return autoCommit(action, c -> list(c, sql, mapper, params));
    }

    /** The first row of a prepared query, if any. */
    public <T> Optional<T> first(String action, String sql, RowMapper<T> mapper, Object... params) {
        return list(action, sql, mapper, params).stream().findFirst();
    }

    /** Executes an update and returns the row count. */
    public int update(String action, String sql, Object... params) {
        return autoCommit(action, c -> update(c, sql, params));
    }

    /**
     * Replaces a row by its key or inserts it: {@code update} first, then {@code insert} when no row matched. When
     * the insert hits a unique violation because another caller inserted the same key meanwhile, the update is
     * tried once more (last write wins); a violation of another unique column propagates (as a duplicate).
     */
    public void upsert(String action, String update, Object[] updateParams, String insert, Object[] insertParams) {
        autoCommit(action, c -> {
            if (update(c, update, updateParams) > 0) {
                return null;
            }
            try {
                update(c, insert, insertParams);
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e) || update(c, update, updateParams) == 0) {
                    throw e;
                }
            }
            return null;
        });
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** Binds parameters; {@link Instant}s are bound as {@code TIMESTAMP WITH TIME ZONE} in UTC. */
    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                ps.setObject(i + 1, p instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : p);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Rolls back and returns the connection to auto-commit; failures to do so are attached to {@code failure}. */
    private static void rollbackAndRestore(Connection c, Throwable failure) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
