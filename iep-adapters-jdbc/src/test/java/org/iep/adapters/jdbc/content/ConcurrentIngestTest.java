package org.iep.adapters.jdbc.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.api.audit.AuditQuery;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.core.ingest.Checkpoints;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four senders ingesting into one transaction at once, as four associations of a PACS do, with each instance's
 * index row, study counts and audit record in one unit of work: the units wait for each other's row locks instead
 * of failing, and the counts and records come out exact. On the embedded H2 file and on PostgreSQL.
 */
class ConcurrentIngestTest {
    private static final int SENDERS = 4;
    private static final int EACH = 40;

    @RegisterExtension
    static final ContractDatabase POSTGRES = ContractDatabase.postgres();

    @TempDir
    Path tmp;

    @Test
    void onH2() throws Exception {
        try (JdbcDatabase h2 = JdbcDatabase.start(IngestRig.h2File(Files.createDirectories(tmp.resolve("h2"))))) {
            ingestConcurrently(h2.dataSource(), tmp.resolve("blobs-h2"));
        }
    }

    @Test
    void onPostgres() throws Exception {
        ingestConcurrently(POSTGRES.fresh(), tmp.resolve("blobs-pg"));
    }

    private void ingestConcurrently(DataSource ds, Path blobs) throws Exception {
        IngestRig rig = new IngestRig(ds, Files.createDirectories(blobs), Checkpoints.NONE);
        rig.directory.putInstitution(Fixtures.STEE);
        Transaction t = Transactions.transfer(1).build();
        rig.transactions.commit(TransactionChanges.insert(t));
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < EACH; i++) {
                        int n = sender * EACH + i + 1;
                        rig.ingest.ingest(t.id(), new ByteArrayInputStream(IngestRig.instance("2.25.8080." + n, n)),
                                IngestRig.SENDER);
                    }
                    return null;
                }));
            }
            for (Future<?> f : senders) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rig.index.byTransaction(t.id())).hasSize(SENDERS * EACH);
        assertThat(rig.transactions.find(t.id()).orElseThrow().studies()).filteredOn(s -> s.receivedInstances() > 0)
                .singleElement().satisfies(s -> {
                    assertThat(s.receivedInstances()).isEqualTo(SENDERS * EACH);
                    assertThat(s.bytes()).isEqualTo(rig.index.byTransaction(t.id()).stream()
                            .mapToLong(i -> i.size()).sum());
                });
        assertThat(new org.iep.adapters.jdbc.audit.JdbcAuditLog(ds).query(AuditQuery.all(10_000)).stream()
                .filter(r -> r.event().action().equals("instance.store"))).hasSize(SENDERS * EACH);
    }
}
