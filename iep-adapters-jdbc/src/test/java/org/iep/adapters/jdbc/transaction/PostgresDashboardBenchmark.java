package org.iep.adapters.jdbc.transaction;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.iep.adapters.jdbc.PostgresCluster;
import org.iep.adapters.jdbc.PostgresExtension;
import org.iep.adapters.jdbc.TestDatabase;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.UserId;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.TrackingNumber;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: the dashboard benchmark. Fills a fresh database of the throwaway cluster with
 * {@code -Diep.bench.transactions} (default 1,000,000) transactions over 200 institutions and a year, then times the
 * four dashboard queries of {@link JdbcTransactionStore#query} (limit 50, random institution) and prints the
 * percentiles and the query plans. Run explicitly:
 * {@code ./mvnw -pl iep-adapters-jdbc verify -Dtest=PostgresDashboardBenchmark -Diep.bench=true}.
 */
@ExtendWith(PostgresExtension.class)
class PostgresDashboardBenchmark {
    private static final int INSTITUTIONS = 200;
    private static final int RUNS = 300;
    private static final TransactionStatus[] STATUS_MIX = {TransactionStatus.DELIVERED, TransactionStatus.DELIVERED,
        TransactionStatus.DELIVERED, TransactionStatus.COMPLETE, TransactionStatus.COMPLETE,
        TransactionStatus.PURGED, TransactionStatus.PURGED, TransactionStatus.ON_IEP, TransactionStatus.NEW,
        TransactionStatus.DOWNLOAD_REQUEST, TransactionStatus.DOWNLOADING, TransactionStatus.UPLOADING,
        TransactionStatus.STARTED, TransactionStatus.CANCELLED, TransactionStatus.DECLINED, TransactionStatus.FAILED};
    private static final Map<String, Set<TransactionStatus>> DASHBOARDS = Map.of(
            "Action Required", Set.of(TransactionStatus.NEW, TransactionStatus.ON_IEP,
                    TransactionStatus.DOWNLOAD_REQUEST),
            "In Progress", Set.of(TransactionStatus.STARTED, TransactionStatus.UPLOADING,
                    TransactionStatus.DOWNLOADING),
            "Failed", Set.of(TransactionStatus.FAILED),
            "All", Set.of());

    @Test
    void dashboards(PostgresCluster cluster) throws SQLException {
        assumeTrue(Boolean.getBoolean("iep.bench"), "a benchmark: run with -Diep.bench=true");
        int n = Integer.getInteger("iep.bench.transactions", 1_000_000);
        try (TestDatabase db = TestDatabase.postgres(cluster)) {
            long t0 = System.nanoTime();
            fill(db, n);
            System.out.printf("filled %,d transactions in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            JdbcTransactionStore store = new JdbcTransactionStore(db.dataSource());
            Random random = new Random(42);
            for (String name : List.of("Action Required", "In Progress", "Failed", "All")) {
                TransactionQuery base = TransactionQuery.all(50).withStatuses(DASHBOARDS.get(name));
                for (int i = 0; i < 20; i++) {
                    store.query(base.involving(institution(random.nextInt(INSTITUTIONS))));
                }
                long[] micros = new long[RUNS];
                int rows = 0;
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    rows += store.query(base.involving(institution(random.nextInt(INSTITUTIONS)))).size();
                    micros[i] = (System.nanoTime() - start) / 1_000;
                }
                Arrays.sort(micros);
                System.out.printf("%-16s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d runs, %.1f rows/run)%n", name,
                        micros[RUNS / 2] / 1e3, micros[RUNS * 99 / 100] / 1e3, micros[RUNS - 1] / 1e3, RUNS,
                        rows / (double) RUNS);
            }
            explain(db, "Failed", "SELECT t.doc, t.version FROM iep_transaction_involved i JOIN iep_transaction t"
                    + " ON t.id = i.transaction_id WHERE i.institution_id = 'inst-7' AND i.status IN ('FAILED')"
                    + " ORDER BY i.created DESC, i.transaction_id LIMIT 50");
            explain(db, "Action Required", "SELECT t.doc, t.version FROM iep_transaction_involved i"
                    + " JOIN iep_transaction t ON t.id = i.transaction_id WHERE i.institution_id = 'inst-7'"
                    + " AND i.status IN ('NEW', 'ON_IEP', 'DOWNLOAD_REQUEST')"
                    + " ORDER BY i.created DESC, i.transaction_id LIMIT 50");
            explain(db, "All", "SELECT t.doc, t.version FROM iep_transaction_involved i JOIN iep_transaction t"
                    + " ON t.id = i.transaction_id WHERE i.institution_id = 'inst-7'"
                    + " ORDER BY i.created DESC, i.transaction_id LIMIT 50");
        }
    }

    /** Bulk-inserts {@code n} transactions whose documents come from the real codec with placeholders replaced. */
    private static void fill(TestDatabase db, int n) throws SQLException {
        Transaction template = Transactions.transfer(1).id(new TransactionId("tx-@ID@"))
                .tracking(new TrackingNumber("ZZZZ9999999")).status(TransactionStatus.CANCELLED)
                .sender(new Party.Staff(new InstitutionId("inst-@S@"), new UserId("u-1")))
                .origin(new InstitutionId("inst-@S@"))
                .recipient(new InstitutionRecipient(new InstitutionId("inst-@R@"), "Receiver", Optional.empty()))
                .created(Instant.parse("2001-01-01T00:00:00Z")).build();
        String doc = TransactionCodec.encode(template.toBuilder().version(1).build()).replace("'", "''");
        String statuses = "(ARRAY[" + String.join(",", Arrays.stream(STATUS_MIX).map(s -> "'" + s.name() + "'")
                .toList()) + "])[1 + abs(hashint4(g)) % " + STATUS_MIX.length + "]";
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE bench AS SELECT g, " + statuses + " AS status, 'inst-' || (g % "
                    + INSTITUTIONS + ") AS sender, 'inst-' || ((g * 31 + 1) % " + INSTITUTIONS + ") AS recipient,"
                    + " timestamptz '2026-01-01 00:00:00+00' + (g % 31536000) * interval '1 second' AS created"
                    + " FROM generate_series(1, " + n + ") g");
            s.execute("INSERT INTO iep_transaction (id, tracking, tx_type, status, origin_institution,"
                    + " sender_institution, recipient_institution, patient_id, created, expires, version, doc)"
                    + " SELECT 'tx-' || g, 'BNCH' || lpad(g::text, 7, '0'), 'TRANSFER', status, sender, sender,"
                    + " recipient, 'P' || (g % 100000), created, created + interval '14 days', 1,"
                    + " replace(replace(replace(replace(replace(replace('" + doc + "', 'tx-@ID@', 'tx-' || g),"
                    + " 'ZZZZ9999999', 'BNCH' || lpad(g::text, 7, '0')), '\"status\":\"CANCELLED\"',"
                    + " '\"status\":\"' || status || '\"'), 'inst-@S@', sender), 'inst-@R@', recipient),"
                    + " '2001-01-01T00:00:00Z', to_char(created AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
                    + " FROM bench");
            s.execute("INSERT INTO iep_transaction_involved (institution_id, transaction_id, status, created)"
                    + " SELECT sender, 'tx-' || g, status, created FROM bench UNION ALL"
                    + " SELECT recipient, 'tx-' || g, status, created FROM bench WHERE recipient <> sender");
            s.execute("INSERT INTO iep_transaction_study (transaction_id, pos_no, study_uid, accession)"
                    + " SELECT 'tx-' || g, 0, '1.2.826.0.1.3680043.10.1.' || g, 'ACC' || g FROM bench");
            s.execute("DROP TABLE bench");
            s.execute("ANALYZE");
        }
    }

    private static void explain(TestDatabase db, String name, String query) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
            while (rs.next()) {
                plan.add(rs.getString(1));
            }
        }
        System.out.println("plan of " + name + ":\n  " + String.join("\n  ", plan));
    }

    private static InstitutionId institution(int i) {
        return new InstitutionId("inst-" + i);
    }
}
