package org.iep.adapters.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.iep.adapters.jdbc.DatabaseException;
import org.iep.adapters.jdbc.JdbcConfig;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.adapters.jdbc.JdbcErrorCode;
import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.api.Secret;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.adapters.jdbc.internal.SqlErrors;
import org.iep.adapters.jdbc.job.JdbcJobQueue;
import org.iep.adapters.jdbc.transaction.JdbcTransactionStore;
import org.iep.api.audit.AuditChain;
import org.iep.api.audit.AuditEvent;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.Job;
import org.iep.api.spi.JobId;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Priority;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's role as {@code db/iep-roles/postgresql-app-role.sql} grants it: the stores work, but the audit
 * tables refuse UPDATE, DELETE and TRUNCATE, so the trail is append-only even for a compromised application.
 */
@ExtendWith(PostgresExtension.class)
class PostgresAuditRoleTest {
    private static final String ROLE = "iep_app";
    private static TestDatabase owner;
    private static JdbcDatabase app;
    private static JdbcConfig appConfig;

    @BeforeAll
    static void grantTheAppRole(PostgresCluster cluster) throws IOException, SQLException {
        owner = TestDatabase.postgres(cluster);
        cluster.execute("CREATE ROLE " + ROLE + " LOGIN");
        try (Connection c = owner.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(script());
        }
        appConfig = new JdbcConfig(owner.config().url(), ROLE, Secret.of(""), 2, Duration.ofSeconds(5), false);
        app = JdbcDatabase.start(appConfig);
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
        if (owner != null) {
            owner.close();
        }
    }

    @Test
    void theAppRoleAppendsAndReadsTheAuditTrailButCannotChangeIt() throws SQLException {
        JdbcAuditLog log = new JdbcAuditLog(app.dataSource());
        AuditRecord first = log.append(event("role.first", List.of("ACC1")));
        AuditRecord second = log.append(event("role.second", List.of()));

        assertRefused("UPDATE iep_audit SET detail = 'rewritten' WHERE seq_no = " + first.sequence());
        assertRefused("DELETE FROM iep_audit WHERE seq_no = " + second.sequence());
        assertRefused("DELETE FROM iep_audit_accession");
        assertRefused("UPDATE iep_audit_accession SET accession = 'ACC9'");
        assertRefused("TRUNCATE iep_audit CASCADE");

        List<AuditRecord> all = log.range(1, 10);
        assertThat(all).containsExactly(first, second);
        assertThat(all.get(1).hash()).isEqualTo(AuditChain.hash(first.hash(), 2, second.event()));
        assertThat(log.query(AuditQuery.all(10).withAccession("ACC1"))).containsExactly(first);
    }

    @Test
    void aRefusedChangeIsReportedAsAPermissionProblem() throws SQLException {
        try (Connection c = DriverManager.getConnection(appConfig.url(), ROLE, "");
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM iep_audit"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(SqlErrors.translate(e, "Deleting"))
                            .isInstanceOfSatisfying(DatabaseException.class, d -> {
                                assertThat(d.errorCode()).isEqualTo(JdbcErrorCode.PERMISSION_DENIED);
                                assertThat(d.retryable()).isFalse();
                                assertThat(d.getMessage()).startsWith("IEP-2003: ");
                            }));
        }
    }

    @Test
    void theOtherStoresWorkWithTheAppRole() {
        JdbcTransactionStore transactions = new JdbcTransactionStore(app.dataSource());
        JdbcJobQueue jobs = new JdbcJobQueue(app.dataSource());

        transactions.commit(TransactionChanges.insert(Transactions.transfer(1).build()));
        assertThat(transactions.nextTrackingSequence("ROLE")).isEqualTo(1);
        assertThat(jobs.enqueue(Job.of(new JobId("j-role"), "delivery", Priority.NORMAL, Instant.EPOCH, "{}")))
                .isTrue();

        assertThat(transactions.find(Transactions.transfer(1).build().id())).isPresent();
        assertThat(jobs.find(new JobId("j-role"))).isPresent();
    }

    private static void assertRefused(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(appConfig.url(), ROLE, "");
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(statement)).as(statement)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    private static AuditEvent event(String action, List<String> accessions) {
        return new AuditEvent(Instant.parse("2026-11-22T10:00:00Z"), "user:u-1", "inst-stee", action, "tx-1", "P1",
                accessions, Outcome.SUCCESS, "192.0.2.1", "");
    }

    private static String script() throws IOException {
        try (InputStream in = PostgresAuditRoleTest.class.getResourceAsStream("/db/iep-roles/postgresql-app-role.sql")) {
            if (in == null) {
                throw new IOException("db/iep-roles/postgresql-app-role.sql is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
