package org.iep.adapters.jdbc.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.core.ingest.Checkpoints;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harness, not a test: the core's ingest of one study on the JDBC index (H2 file, as on embedded defaults, and
 * PostgreSQL) with the file-system blob store; prints instances/s. Runs only with {@code -Diep.bench=true}:
 * {@code ./mvnw -o -q -B verify -pl iep-adapters-jdbc -am -Dtest=JdbcIngestBenchmarkTest -Diep.bench=true
 * -Diep.postgres.fsync=on -Dsurefire.failIfNoSpecifiedTests=false} (the test cluster runs without fsync otherwise).
 */
class JdbcIngestBenchmarkTest {
    private static final int INSTANCES = Integer.getInteger("iep.bench.instances", 1000);

    @RegisterExtension
    static final ContractDatabase POSTGRES = ContractDatabase.postgres();

    @TempDir
    Path tmp;

    @Test
    void ingestOnH2AndPostgres() throws Exception {
        assumeTrue(Boolean.getBoolean("iep.bench"), "benchmark: run with -Diep.bench=true");
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            files.add(IngestRig.instance("2.25.5151." + (i + 1), i));
        }
        // the test cluster runs without fsync unless -Diep.postgres.fsync=on: a deployment's commits each wait for
        // the WAL on disk, so only figures taken with it on say what a deployment gets
        System.out.printf("BENCH PostgreSQL fsync=%s%n", fsync(POSTGRES.fresh()));
        alternate(files);
    }

    private void alternate(List<byte[]> files) throws Exception {
        // alternating, so a slow minute of the shared machine hits both: each call its own commit, then one unit
        for (int round = 1; round <= 2; round++) {
            for (boolean unit : new boolean[] {false, true}) {
                String how = unit ? "one commit per instance (unit of work)" : "a commit per call";
                try (JdbcDatabase h2 = JdbcDatabase.start(IngestRig.h2File(Files.createDirectories(
                        tmp.resolve("h2-" + round + unit))))) {
                    report("H2 file, " + how, run(h2.dataSource(), files, tmp.resolve("blobs-h2-" + round + unit),
                            unit));
                }
                report("PostgreSQL, " + how, run(POSTGRES.fresh(), files, tmp.resolve("blobs-pg-" + round + unit),
                        unit));
            }
        }
    }

    private static double run(DataSource ds, List<byte[]> files, Path blobs, boolean unit) throws Exception {
        IngestRig rig = new IngestRig(ds, Files.createDirectories(blobs), Checkpoints.NONE, unit);
        Transaction t = Transactions.transfer(1).build();
        rig.transactions.commit(TransactionChanges.insert(t));
        long t0 = System.nanoTime();
        for (byte[] f : files) {
            rig.ingest.ingest(t.id(), new ByteArrayInputStream(f), IngestRig.SENDER);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(rig.index.byTransaction(t.id())).hasSize(files.size());
        return seconds;
    }

    private static String fsync(DataSource ds) throws java.sql.SQLException {
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW fsync")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void report(String label, double seconds) {
        System.out.printf("BENCH %s: %d instances of %d KiB in %.2f s, %.0f instances/s%n", label, INSTANCES,
                IngestRig.instance("2.25.1", 0).length / 1024, seconds, INSTANCES / seconds);
    }
}
