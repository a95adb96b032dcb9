package org.iep.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.iep.api.audit.Outcome;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.JobId;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.ingest.TestInstances;
import org.iep.core.upload.UploadFixtureAccess;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.junit.jupiter.api.Test;

class PackagePreparationTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final UploadFixtureAccess f = new UploadFixtureAccess();
    private final Packager packager = new Packager(f.index(), f.blobs(), f.directoryStore());
    private final InMemoryJobQueue queue = new InMemoryJobQueue();
    private final PackagePreparation preparation = new PackagePreparation(queue, f.transactionStore(), packager,
            f.auditor(), Clock.fixed(NOW, ZoneOffset.UTC));

    private Transaction available() {
        f.ingest(TestInstances.ct("1.2.3.1", 1));
        f.ingest(TestInstances.ct("1.2.3.2", 2));
        Transaction t = f.transaction();
        return f.transactionStore().commit(TransactionChanges.update(t.toBuilder().status(TransactionStatus.ON_IEP)
                .build())).get(0);
    }

    private BlobKey manifests(Transaction t) {
        return BlobKey.of("tx", t.id().value(), PackageManifest.AREA);
    }

    @Test
    void anAvailablePackageIsPreparedOnceAndItsDownloadMatchesTheManifest() throws Exception {
        Transaction t = available();
        preparation.available(t);
        preparation.available(t); // the same event twice queues one job
        assertThat(queue.find(new JobId("package-" + t.id().value() + "-v" + t.version()))).isPresent();

        assertThat(preparation.runOnce(NOW)).isEqualTo(1);
        assertThat(preparation.runOnce(NOW)).isZero();

        assertThat(f.blobs().list(manifests(t))).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackageResult r = packager.write(t, PackageScope.whole(), Optional.empty(), 0, out);
        assertThat(r.bytes()).isEqualTo(out.size());
        assertThat(r.sha256()).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(out.toByteArray())));
        assertThat(f.blobs().list(manifests(t))).hasSize(1);
    }

    @Test
    void aPackageDownloadedBeforeItWasPreparedIsHashedByAJobAndItsHashAudited() throws Exception {
        Transaction t = available();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackageResult streamed = packager.write(t, PackageScope.whole(), Optional.empty(), 0, out);
        assertThat(streamed.sha256()).isEmpty();

        preparation.hashLater(t, streamed);
        preparation.hashLater(t, streamed); // downloaded twice: hashed once
        assertThat(preparation.runOnce(NOW)).as("hashing is not preparing").isZero();

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        assertThat(f.audit().all()).filteredOn(r -> r.event().action().equals("package.hash")).singleElement()
                .satisfies(r -> {
                    assertThat(r.event().outcome()).isEqualTo(Outcome.SUCCESS);
                    assertThat(r.event().transaction()).isEqualTo(t.id().value());
                    assertThat(r.event().detail()).isEqualTo("package=" + streamed.fingerprint() + " sha256=" + sha);
                });
        assertThat(f.blobs().list(manifests(t))).as("and the next download is a prepared one").hasSize(1);
    }

    @Test
    void aDownloadedPackageWhoseContentChangedBeforeItsHashIsAuditedAsSuch() {
        Transaction t = available();
        PackageResult streamed = packager.write(t, PackageScope.whole(), Optional.empty(), 0,
                java.io.OutputStream.nullOutputStream());
        preparation.hashLater(t, streamed);
        f.ingest(TestInstances.ct("1.2.3.3", 3));

        preparation.runOnce(NOW);

        assertThat(f.audit().all()).filteredOn(r -> r.event().action().equals("package.hash")).singleElement()
                .satisfies(r -> {
                    assertThat(r.event().outcome()).isEqualTo(Outcome.FAILURE);
                    assertThat(r.event().detail()).startsWith("package=" + streamed.fingerprint())
                            .contains("content changed");
                });
        assertThat(queue.find(new JobId("package-hash-" + t.id().value() + "-" + streamed.fingerprint())))
                .hasValueSatisfying(j -> assertThat(j.state()).isEqualTo(org.iep.api.spi.JobState.DONE));
    }

    @Test
    void aTransactionThatIsNoLongerAvailableOrHasNoImagesIsNotPrepared() {
        Transaction empty = f.transaction();
        preparation.available(empty);
        assertThat(preparation.runOnce(NOW)).isZero();
        assertThat(f.blobs().list(manifests(empty))).isEmpty();
    }
}
