package org.iep.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.api.audit.AuditQuery;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.ClientInfo;
import org.iep.core.testsupport.World;
import org.iep.dicom.data.Tags;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.junit.jupiter.api.Test;

class IngestTest {
    private static final IngestSource PACS = new IngestSource(new Party.System("dicom-scp"),
            new ClientInfo("10.1.2.3"), "STEEPACS");
    private final World world = new World();
    private final InMemoryInstanceIndex index = new InMemoryInstanceIndex();
    private final Ingest ingest = new Ingest(world.store, world.directoryStore, index, world.blobs,
            world.transactions, world.auditor, world.ids, world.clock, Checkpoints.NONE);
    private final Transaction transfer = world.transfer(Priority.NORMAL);

    private IngestResult store(byte[] part10) {
        return ingest.ingest(transfer.id(), new ByteArrayInputStream(part10), PACS);
    }

    private byte[] blob(BlobKey key) throws IOException {
        try (InputStream in = world.blobs.open(key, ByteRange.ALL)) {
            return in.readAllBytes();
        }
    }

    @Test
    void storesTheInstanceCleanAndCountsItInItsStudy() throws IOException {
        IngestResult r = store(TestInstances.ct("1.2.3.1", 1));

        assertThat(r).isInstanceOf(IngestResult.Stored.class);
        assertThat(r.instance().blob().value()).startsWith("tx/" + transfer.id().value() + "/instances/")
                .doesNotContain("1.2.3.1");
        byte[] stored = blob(r.instance().blob());
        assertThat(Arrays.copyOf(stored, 128)).containsOnly(0);
        DicomFile back = DicomReader.read(stored);
        assertThat(back.dataSet().getString(Tags.SOPInstanceUID)).isEqualTo("1.2.3.1");
        assertThat(back.fileMeta().getString(0x00020016)).isEqualTo("STEEPACS");
        assertThat(r.instance().sha256()).hasSize(64);
        assertThat(r.instance().size()).isEqualTo(stored.length);

        store(TestInstances.ct("1.2.3.2", 2));
        StudyEntry study = world.store.find(transfer.id()).orElseThrow().studies().get(0);
        assertThat(study.receivedInstances()).isEqualTo(2);
        assertThat(study.bytes()).isEqualTo(index.byTransaction(transfer.id()).stream().mapToLong(i -> i.size()).sum());
        assertThat(study.modalities()).isEqualTo("CT");
    }

    @Test
    void theSameInstanceTwiceIsStoredOnce() {
        byte[] file = TestInstances.ct("1.2.3.1", 1);
        IngestResult first = store(file);
        IngestResult again = store(file);

        assertThat(again).isInstanceOf(IngestResult.AlreadyStored.class);
        assertThat(again.instance()).isEqualTo(first.instance());
        assertThat(world.blobs.list(Ingest.TRANSACTIONS)).containsExactly(first.instance().blob());
        assertThat(world.store.find(transfer.id()).orElseThrow().studies().get(0).receivedInstances()).isEqualTo(1);
    }

    @Test
    void otherContentUnderAStoredSopInstanceUidIsRefusedAuditedAndNotReplaced() throws IOException {
        IngestResult first = store(TestInstances.ct("1.2.3.1", 1));
        byte[] before = blob(first.instance().blob());

        assertThatThrownBy(() -> store(TestInstances.ct("1.2.3.1", 99)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.INSTANCE_CONFLICT));

        assertThat(blob(first.instance().blob())).isEqualTo(before);
        assertThat(world.blobs.list(Ingest.TRANSACTIONS)).containsExactly(first.instance().blob());
        assertThat(world.audit.query(AuditQuery.all(100))).anySatisfy(rec -> {
            assertThat(rec.event().action()).isEqualTo("instance.store");
            assertThat(rec.event().outcome()).isEqualTo(Outcome.DENIED);
            assertThat(rec.event().detail()).contains("other content");
        });
    }

    @Test
    void aSecondPatientIsRefusedNamingBothAndNothingIsStored() {
        store(TestInstances.ct("1.2.3.1", 1));

        assertThatThrownBy(() -> store(TestInstances.ct("X999", "SMITH^JOHN", "19800101", TestInstances.STUDY,
                "1.2.3.2", 2))).isInstanceOfSatisfying(PatientMismatchException.class, e -> {
                    assertThat(e.patients()).containsExactly(new PatientSeen("S123456", "JONES^MARY", "19700517"),
                            new PatientSeen("X999", "SMITH^JOHN", "19800101"));
                    assertThat(e.getMessage()).doesNotContain("SMITH").doesNotContain("JONES");
                });
        assertThat(index.byTransaction(transfer.id())).hasSize(1);
        assertThat(world.blobs.list(Ingest.TRANSACTIONS)).hasSize(1);
    }

    @Test
    void anAdministratorMayAllowMixedPatients() {
        var stee = world.directoryStore.institution(world.stee.id()).orElseThrow();
        world.directoryStore.putInstitution(new org.iep.api.directory.Institution(stee.id(), stee.code(), stee.name(),
                stee.contact(), stee.zone(), stee.coreHours(), new InstitutionPolicies(Duration.ofDays(15),
                Duration.ofDays(14), Duration.ZERO, true, "")));
        store(TestInstances.ct("1.2.3.1", 1));

        assertThat(store(TestInstances.ct("X999", "SMITH^JOHN", "19800101", TestInstances.STUDY, "1.2.3.2", 2)))
                .isInstanceOf(IngestResult.Stored.class);
    }

    @Test
    void nameFormattingAndAMissingBirthDateAreTheSamePatient() {
        store(TestInstances.ct("1.2.3.1", 1));

        assertThat(store(TestInstances.ct("S123456", "Jones^Mary^^", "", TestInstances.STUDY, "1.2.3.2", 2)))
                .isInstanceOf(IngestResult.Stored.class);
    }

    @Test
    void hostileUidsNotDicomAndTruncatedStreamsLeaveNothing() {
        byte[] good = TestInstances.ct("1.2.3.1", 1);
        for (byte[] bad : new byte[][] {
                TestInstances.ct("../../etc/passwd", 1),
                TestInstances.ct("1.2.3/4", 1),
                TestInstances.ct("1.2." + "9".repeat(70), 1),
                "<html><body>not an image</body></html>".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(good, good.length - 1000)}) {
            assertThatThrownBy(() -> store(bad)).isInstanceOfSatisfying(NotIngestibleException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.NOT_DICOM));
        }
        assertThat(index.byTransaction(transfer.id())).isEmpty();
        assertThat(world.blobs.list(Ingest.TRANSACTIONS)).isEmpty();
    }

    @Test
    void aClosedTransactionTakesNoImages() {
        world.transactions.cancel(world.steeStaff, transfer.id(), "Sent in error", World.CLIENT);

        assertThatThrownBy(() -> store(TestInstances.ct("1.2.3.1", 1))).isInstanceOfSatisfying(IepException.class,
                e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.INGEST_CLOSED));
        assertThat(world.blobs.list(Ingest.TRANSACTIONS)).isEmpty();
    }

    @Test
    void orphansOlderThanTheGraceAreCollectedAndIndexedOrFreshBlobsKept() {
        IngestResult kept = store(TestInstances.ct("1.2.3.1", 1));
        BlobKey instances = Ingest.TRANSACTIONS.child(transfer.id().value()).child("instances");
        BlobKey old = instances.child(world.clock.instant().minus(Duration.ofHours(2)).toEpochMilli() + "-abc");
        BlobKey fresh = instances.child(world.clock.millis() + "-def");
        BlobKey attachment = Ingest.TRANSACTIONS.child(transfer.id().value()).child("attachments").child("1-report");
        world.blobs.put(attachment, new ByteArrayInputStream(new byte[10]));
        world.blobs.put(old, new ByteArrayInputStream(new byte[10]));
        world.blobs.put(fresh, new ByteArrayInputStream(new byte[10]));
        OrphanCollector collector = new OrphanCollector(world.blobs, index, OrphanCollector.DEFAULT_GRACE);

        assertThat(collector.collect(world.clock.instant())).isEqualTo(1);
        assertThat(world.blobs.list(Ingest.TRANSACTIONS)).containsExactlyInAnyOrder(kept.instance().blob(), fresh,
                attachment);
        world.clock.advance(Duration.ofHours(2));
        assertThat(collector.collect(world.clock.instant())).as("the in-flight one once its grace is over")
                .isEqualTo(1);
        assertThat(world.blobs.list(Ingest.TRANSACTIONS)).as("other blobs of the transaction are not instances")
                .containsExactlyInAnyOrder(kept.instance().blob(), attachment);
    }
}
