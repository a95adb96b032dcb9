package org.iep.adapters.jdbc.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.api.content.IndexedInstance;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.core.ingest.Checkpoints;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestResult;
import org.iep.core.ingest.OrphanCollector;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM killed at every step of an ingest, 100 times, on the embedded stores (H2 file, filesystem blobs): after
 * each crash the instance is either wholly visible or not at all; the sender's retry then stores it; at the end no
 * instance is lost or duplicated and, after collection, no orphan blob remains.
 */
class IngestCrashTest {
    private static final int RUNS = 100;

    @TempDir
    Path tmp;

    @Test
    void aCrashAtAnyStepLeavesTheWholeInstanceOrNothingAndTheRetryCompletesIt() throws Exception {
        Path dbDir = tmp.resolve("db");
        Path blobDir = tmp.resolve("blobs");
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        TransactionId t;
        try (JdbcDatabase db = JdbcDatabase.start(IngestRig.h2File(dbDir))) {
            IngestRig rig = new IngestRig(db.dataSource(), blobDir, Checkpoints.NONE);
            rig.directory.putInstitution(Fixtures.STEE);
            Transaction transfer = Transactions.transfer(1).build();
            rig.transactions.commit(TransactionChanges.insert(transfer));
            t = transfer.id();
        }
        TreeMap<String, Integer> visibleAfterCrash = new TreeMap<>();
        for (int run = 0; run < RUNS; run++) {
            String step = Ingest.STEPS.get(run % Ingest.STEPS.size());
            String sop = "1.2.826.0.1.3680043.8.498.1.1." + (run + 1);
            byte[] file = IngestRig.instance(sop, run);
            Path input = inbox.resolve(run + ".dcm");
            Files.write(input, file);

            assertThat(crash(dbDir, blobDir, t, input, step)).as("run " + run + " halted at " + step)
                    .isEqualTo(IngestCrashMain.HALTED);

            try (JdbcDatabase db = JdbcDatabase.start(IngestRig.h2File(dbDir))) {
                IngestRig rig = new IngestRig(db.dataSource(), blobDir, Checkpoints.NONE);
                Optional<IndexedInstance> seen = rig.index.find(t, sop);
                if (seen.isPresent()) {
                    assertThat(sha256(rig, seen.get().blob())).as("a visible instance is whole").isEqualTo(
                            seen.get().sha256());
                    visibleAfterCrash.merge(step, 1, Integer::sum);
                }
                IngestResult retry = rig.ingest.ingest(t, new ByteArrayInputStream(file), IngestRig.SENDER);
                assertThat(retry).isInstanceOf(seen.isPresent() ? IngestResult.AlreadyStored.class
                        : IngestResult.Stored.class);
                assertThat(sha256(rig, retry.instance().blob())).isEqualTo(retry.instance().sha256());
            }
        }
        // only a crash after the commit leaves the instance visible, and then always: the index row written in
        // the unit of work (step "indexed") is not visible before its counts and audit record commit with it
        assertThat(visibleAfterCrash).containsOnlyKeys(Ingest.STEP_COMMITTED)
                .containsEntry(Ingest.STEP_COMMITTED, runsAt(Ingest.STEP_COMMITTED));

        try (JdbcDatabase db = JdbcDatabase.start(IngestRig.h2File(dbDir))) {
            IngestRig rig = new IngestRig(db.dataSource(), blobDir, Checkpoints.NONE);
            int collected = new OrphanCollector(rig.blobs, rig.index, Duration.ZERO)
                    .collect(Instant.now().plusSeconds(1));
            List<IndexedInstance> indexed = rig.index.byTransaction(t);
            List<BlobKey> instanceBlobs = rig.blobs.list(Ingest.TRANSACTIONS);

            assertThat(indexed).as("0 lost, 0 duplicated").hasSize(RUNS);
            assertThat(indexed.stream().map(IndexedInstance::sopInstanceUid).distinct()).hasSize(RUNS);
            assertThat(instanceBlobs).as("0 orphans after collection")
                    .containsExactlyInAnyOrderElementsOf(indexed.stream().map(IndexedInstance::blob).toList());
            for (IndexedInstance i : indexed) {
                assertThat(sha256(rig, i.blob())).isEqualTo(i.sha256());
            }
            // crashes after writing and before the commit (written, verified, indexed) left one orphan each; a
            // crash while writing leaves none
            assertThat(collected).isEqualTo(runsAt(Ingest.STEP_WRITTEN) + runsAt(Ingest.STEP_VERIFIED)
                    + runsAt(Ingest.STEP_INDEXED));
            assertThat(rig.transactions.find(t).orElseThrow().studies().stream()
                    .collect(Collectors.summingInt(s -> s.receivedInstances()))).isEqualTo(RUNS);
        }
    }

    /** How many of the runs crash at {@code step} (run n crashes at step n mod the number of steps). */
    private static int runsAt(String step) {
        int k = Ingest.STEPS.indexOf(step);
        return (int) java.util.stream.IntStream.range(0, RUNS).filter(run -> run % Ingest.STEPS.size() == k).count();
    }

    private static int crash(Path dbDir, Path blobDir, TransactionId t, Path input, String step) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IngestCrashMain.class.getName(), dbDir.toString(), blobDir.toString(), t.value(), input.toString(),
                step).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!child.waitFor(2, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the ingest child did not finish");
        }
        return child.exitValue();
    }

    private static String sha256(IngestRig rig, BlobKey key) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = rig.blobs.open(key, ByteRange.ALL)) {
            sha.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
