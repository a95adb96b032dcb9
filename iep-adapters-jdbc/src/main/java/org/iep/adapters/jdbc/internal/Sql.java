package org.iep.adapters.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs work on a connection of a {@link DataSource}: one database transaction per call, committed when the work
 * returns, rolled back when it throws; every {@link SQLException} is translated once by {@link SqlErrors}.
 * Inside a {@link #unit} of the same data source on the same thread, every call instead runs on the unit's
 * connection and nothing commits before the unit: an {@link #inTransaction} call within a savepoint, so its failure
 * rolls back its own part only (an optimistic update that lost can be retried); an {@link #autoCommit} call (reads)
 * directly. Work that catches a failed statement and goes on must run that statement through {@link #tolerant}.
 * Immutable; thread-safe (each call takes its own connection, or its thread's unit's).
 */
public final class Sql {
    /** The connection of the unit each thread runs, by data source. */
    private static final ThreadLocal<Map<DataSource, Connection>> UNITS = new ThreadLocal<>();
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
        Connection unit = unitConnection();
        if (unit != null) {
            return inSavepoint(unit, action, work);
        }
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
        Connection unit = unitConnection();
        if (unit != null) {
            try {
                return work.run(unit);
            } catch (SQLException e) {
                throw SqlErrors.translate(e, action);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, action);
        }
    }

    /**
     * Runs {@code work} as one database transaction that every call of this data source made by the same thread
     * inside it joins (see {@link org.iep.api.spi.UnitOfWork}); a nested unit joins the outer one. The work's own
     * exceptions roll back and propagate unchanged.
     */
    public <T> T unit(String action, Supplier<T> work) {
        if (unitConnection() != null) {
            return work.get();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            bind(c);
            try {
                result = work.get();
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackAndRestore(c, e);
                throw e;
            } finally {
                unbind();
            }
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, action);
        }
    }

    /** Whether the calling thread runs a {@link #unit} of this data source. */
    public boolean inUnit() {
        return unitConnection() != null;
    }

    /**
     * Runs one step whose failure the caller catches and survives (a unique violation that means "already there"):
     * inside a database transaction it gets a savepoint of its own, as PostgreSQL refuses every further statement
     * of a transaction in which one failed.
     */
    public static <T> T tolerant(Connection c, Work<T> step) throws SQLException {
        if (c.getAutoCommit()) {
            return step.run(c);
        }
        Savepoint sp = c.setSavepoint();
        try {
            T result = step.run(c);
            c.releaseSavepoint(sp);
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackTo(c, sp, e);
            throw e;
        }
    }

    private <T> T inSavepoint(Connection c, String action, Work<T> work) {
        try {
            return tolerant(c, work);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, action);
        }
    }

    private Connection unitConnection() {
        Map<DataSource, Connection> units = UNITS.get();
        return units == null ? null : units.get(dataSource);
    }

    private void bind(Connection c) {
        Map<DataSource, Connection> units = UNITS.get();
        if (units == null) {
            units = new HashMap<>(2);
            UNITS.set(units);
        }
        units.put(dataSource, c);
    }

    private void unbind() {
        Map<DataSource, Connection> units = UNITS.get();
        units.remove(dataSource);
        if (units.isEmpty()) {
            UNITS.remove();
        }
    }

    private static void rollbackTo(Connection c, Savepoint sp, Throwable failure) {
        try {
            c.rollback(sp);
        } catch (SQLException e) {
            failure.addSuppressed(e);
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
                tolerant(c, cc -> update(cc, insert, insertParams));
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
