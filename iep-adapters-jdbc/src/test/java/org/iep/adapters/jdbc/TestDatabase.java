package org.iep.adapters.jdbc;

import org.iep.api.Secret;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A migrated database for one test class: an H2 in-memory database or a database in the shared throwaway PostgreSQL
 * cluster. {@link #reset()} empties every table between tests; {@link #open()} opens another, independent pool on
 * the same database (a restart or a second node). Not thread-safe; used from the test thread.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String[] TABLES = {"iep_transaction_involved", "iep_transaction_study", "iep_transaction",
        "iep_tracking_sequence", "iep_institution", "iep_security_unit", "iep_user", "iep_node", "iep_access_grant",
        "iep_session", "iep_audit_accession", "iep_audit", "iep_job", "iep_instance", "iep_report",
        "iep_report_rejected", "iep_pseudonym", "iep_study_totals"};
    private final JdbcConfig config;
    private final JdbcDatabase database;
    private final boolean h2;

    private TestDatabase(JdbcConfig config, boolean h2) {
        this.config = config;
        this.h2 = h2;
        this.database = JdbcDatabase.start(config);
    }

    /** A fresh H2 in-memory database in PostgreSQL mode. */
    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:iep-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";
        return new TestDatabase(JdbcConfig.of(url, "", Secret.of("")).withPoolSize(8), true);
    }

    /** A fresh database in a PostgreSQL cluster. */
    public static TestDatabase postgres(PostgresCluster cluster) {
        return postgres(cluster, config -> config.withPoolSize(8));
    }

    /** A fresh database in a PostgreSQL cluster, with the pool configured by {@code tuning}. */
    public static TestDatabase postgres(PostgresCluster cluster, UnaryOperator<JdbcConfig> tuning) {
        return new TestDatabase(tuning.apply(cluster.createDatabase()), false);
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public JdbcConfig config() {
        return config;
    }

    /** Another pool on the same database, migrated again (a no-op): what a restarted or second node sees. */
    public JdbcDatabase open() {
        return JdbcDatabase.start(config.withPoolSize(4));
    }

    /** Deletes every row and resets the audit chain head. */
    public void reset() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate("UPDATE iep_audit_head SET last_seq_no = 0, last_hash = '" + "0".repeat(64) + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
    }

    @Override
    public void close() {
        database.close();
        if (h2) {
            // DB_CLOSE_DELAY=-1 keeps an in-memory database after its last connection; drop it explicitly.
            try (Connection c = java.sql.DriverManager.getConnection(config.url()); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot shut the H2 test database down", e);
            }
        }
    }
}
