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
 * -Dsurefire.failIfNoSpecifiedTests=false}.
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
        try (JdbcDatabase h2 = JdbcDatabase.start(IngestRig.h2File(Files.createDirectories(tmp.resolve("h2"))))) {
            report("H2 file", run(h2.dataSource(), files, tmp.resolve("blobs-h2")));
        }
        report("PostgreSQL", run(POSTGRES.fresh(), files, tmp.resolve("blobs-pg")));
    }

    private static double run(DataSource ds, List<byte[]> files, Path blobs) throws Exception {
        IngestRig rig = new IngestRig(ds, Files.createDirectories(blobs), Checkpoints.NONE);
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

    private static void report(String label, double seconds) {
        System.out.printf("BENCH %s: %d instances of %d KiB in %.2f s, %.0f instances/s%n", label, INSTANCES,
                IngestRig.instance("2.25.1", 0).length / 1024, seconds, INSTANCES / seconds);
    }
}
