package org.iep.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of the JDBC stores: a HikariCP pool built from a {@link JdbcConfig}, with the schema migrated by
 * Flyway ({@code classpath:db/iep}) at {@link #start} unless the config says otherwise. Hand {@link #dataSource()} to
 * the stores; {@link #close()} closes the pool. Thread-safe.
 */
public final class JdbcDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);
    private final HikariDataSource pool;

    private JdbcDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the pool (failing fast when the database cannot be reached) and migrates the schema.
     *
     * @throws DatabaseException {@code DATABASE_UNAVAILABLE} (retryable) or {@code MIGRATION_FAILED}
     */
    public static JdbcDatabase start(JdbcConfig config) {
        Objects.requireNonNull(config, "config");
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("iep-jdbc");
        hikari.setJdbcUrl(durable(config.url()));
        hikari.setUsername(config.user());
        hikari.setPassword(config.password().reveal());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new DatabaseException(JdbcErrorCode.DATABASE_UNAVAILABLE, "Cannot open a connection to "
                    + redacted(config.url()) + " as '" + config.user() + "' (" + e.getMessage() + "). Check that the database"
                    + " is running, and check iep.jdbc.url, iep.jdbc.user and iep.jdbc.password.", true, e);
        }
        JdbcDatabase database = new JdbcDatabase(pool);
        if (config.migrate()) {
            database.migrate();
        }
        return database;
    }

    /** The pooled data source for the stores. */
    public DataSource dataSource() {
        return pool;
    }

    /** Closes every pooled connection. Idempotent. */
    @Override
    public void close() {
        pool.close();
    }

    /**
     * H2 in file mode writes commits to its file up to half a second later by default, so a killed process loses
     * what it had acknowledged; unless the URL chooses otherwise, commits are written at once.
     */
    static String durable(String url) {
        boolean h2File = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:/")
                || url.startsWith("jdbc:h2:~");
        return h2File && !url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=") ? url + ";WRITE_DELAY=0"
                : url;
    }

    /** The URL without any password given in it as a parameter. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private void migrate() {
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/iep").load().migrate();
            LOG.info("IEP schema at version {} ({} migration(s) applied)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            if (e instanceof FlywayException) {
                throw new DatabaseException(JdbcErrorCode.MIGRATION_FAILED, "Migrating the IEP schema failed ("
                        + e.getMessage() + "). Check that the role may create tables, and that the database was"
                        + " not migrated by a newer IEP version.", false, e);
            }
            throw e;
        }
    }
}
