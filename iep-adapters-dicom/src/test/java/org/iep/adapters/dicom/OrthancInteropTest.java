package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iep.api.directory.Node;
import org.iep.api.spi.StoredInstance;
import org.iep.api.spi.StudyQuery;
import org.iep.api.spi.StudySummary;
import org.iep.api.spi.TransferOutcome;
import org.iep.api.transaction.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc as both peers. The whole path: Orthanc A (source PACS) → C-FIND and C-MOVE into IEP → a transaction →
 * C-STORE to Orthanc B (destination PACS), pixel data byte for byte.
 */
class OrthancInteropTest {
    static final String STUDY_PATIENT = "1CT1";

    @TempDir
    static Path tmp;

    static CoreRig rig;
    static DimseDicomGateway gateway;
    static DicomReceiver receiver;
    static OrthancPeer a;
    static OrthancPeer b;
    static Transaction pushed;
    static final List<Path> corpus = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Peers.require("Orthanc");
        rig = new CoreRig();
        pushed = rig.newTransfer(2);
        gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP"), rig.blobs);
        int port = Peers.freePort();
        Node fromA = Peers.node("orthanc_a", "ORTHANC_A", 0);
        Node fromB = Peers.node("orthanc_b", "ORTHANC_B", 0);
        receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", port, List.of(fromA, fromB), 20),
                rig.core.ingest(), gateway.retrievals().orElse((ae, sender) -> "IEP_PUSH".equals(ae)
                        ? Optional.of(pushed.id()) : Optional.empty()), rig.auditor);
        a = OrthancPeer.start(tmp, "ORTHANC_A", List.of(Peers.node("iep", "IEP", port)));
        b = OrthancPeer.start(tmp, "ORTHANC_B", List.of(Peers.node("iep-push", "IEP_PUSH", port)));
        // one study of one patient in three instances: explicit LE, a copy, and a JPEG Lossless copy
        corpus.add(Peers.CORPUS.resolve("CT_small.dcm"));
        Path copy = tmp.resolve("copy.dcm");
        Files.copy(Peers.CORPUS.resolve("CT_small.dcm"), copy);
        Peers.run("dcmodify", "-nb", "-m", "(0008,0018)=1.2.826.0.1.3680043.8.498.881", copy.toString());
        corpus.add(copy);
        Path jpeg = tmp.resolve("jpeg.dcm");
        Path jpegSource = tmp.resolve("jpeg-source.dcm");
        Files.copy(Peers.CORPUS.resolve("CT_small.dcm"), jpegSource);
        Peers.run("dcmodify", "-nb", "-m", "(0008,0018)=1.2.826.0.1.3680043.8.498.882", jpegSource.toString());
        Peers.run("dcmcjpeg", "+e1", jpegSource.toString(), jpeg.toString());
        corpus.add(jpeg);
        for (Path f : corpus) {
            a.upload(f);
        }
        // a second study on A, another patient and modality, for the find keys to tell apart
        a.upload(Peers.CORPUS.resolve("MR_small.dcm"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void wholePathFromOrthancAThroughATransactionToOrthancBKeepsPixelDataByteIdentical() throws Exception {
        gateway.echo(a.node());
        gateway.echo(b.node());
        List<StudySummary> found = gateway.findStudies(a.node(), StudyQuery.byPatient(STUDY_PATIENT));
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.instances()).isEqualTo(3);
            assertThat(s.modalities()).isEqualTo("CT");
            assertThat(s.patientName()).isEqualTo("CompressedSamples^CT1");
        });
        String study = found.get(0).studyInstanceUid();

        TransferOutcome in = gateway.retrieveInto(rig.transfer.id(), a.node(), study);
        assertThat(in).isEqualTo(new TransferOutcome(3, 0, 0));
        var stored = rig.index.byTransaction(rig.transfer.id());
        assertThat(stored).hasSize(3);

        List<StoredInstance> out = stored.stream().map(i -> new StoredInstance(i.sopClassUid(), i.sopInstanceUid(),
                i.transferSyntaxUid(), i.blob())).toList();
        int onB = b.instances(); // the peers are shared by this class's tests, run in any order
        assertThat(gateway.store(b.node(), out)).isEqualTo(new TransferOutcome(3, 0, 0));
        assertThat(b.instances()).isEqualTo(onB + 3);

        for (Path original : corpus) {
            String uid = Peers.value(original, "0008,0018");
            Path fromA = a.file(uid, tmp.resolve("a-" + uid + ".dcm"));
            Path fromB = b.file(uid, tmp.resolve("b-" + uid + ".dcm"));
            List<byte[]> pixelsA = pixelData(fromA, "a-" + uid);
            List<byte[]> pixelsB = pixelData(fromB, "b-" + uid);
            assertThat(pixelsA).as("pixel data items of " + uid).isNotEmpty().hasSameSizeAs(pixelsB);
            for (int i = 0; i < pixelsA.size(); i++) {
                assertThat(pixelsB.get(i)).as(uid + " pixel item " + i).isEqualTo(pixelsA.get(i));
            }
            assertThat(Peers.value(fromB, "0002,0010")).isEqualTo(Peers.value(original, "0002,0010"));
            assertThat(Peers.dumpDataSet(fromB)).isEqualTo(Peers.dumpDataSet(fromA));
        }
    }

    /**
     * C-GET from Orthanc A on our own association (no C-MOVE, no SCP): the study's 3 instances arrive in a
     * transaction. The 2 uncompressed ones are identical to A's copy. The JPEG Lossless one Orthanc 1.10 decompresses
     * to explicit little endian although our association accepted a JPEG Lossless context for CT (like dcmtk, it
     * picks a sub-operation's context by SOP class and prefers an uncompressed one, then transcodes): its pixel data
     * equals A's copy decompressed by dcmtk, byte for byte, and everything else in the data set is A's.
     */
    @Test
    void cGetFromOrthancBringsTheStudyUncompressedLosslessly() throws Exception {
        Transaction target = rig.newTransfer(3);
        DimseDicomGateway getting = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                .withRetrieveByCGet(java.util.Set.of(a.node().id())), rig.blobs, rig.core.ingest(), rig.auditor);
        String study = Peers.value(corpus.get(0), "0020,000d");
        assertThat(getting.retrieveInto(target.id(), a.node(), study)).isEqualTo(new TransferOutcome(3, 0, 0));
        List<Path> stored = rig.export(target, tmp.resolve("got"));
        assertThat(stored).hasSize(3);
        for (Path original : corpus) {
            String uid = Peers.value(original, "0008,0018");
            Path fromA = a.file(uid, tmp.resolve("get-a-" + uid + ".dcm"));
            assertThat(Peers.value(fromA, "0002,0010")).as("A keeps " + uid + " as uploaded")
                    .isEqualTo(Peers.value(original, "0002,0010"));
            Path expected = fromA;
            if (Peers.value(original, "0002,0010").equals("1.2.840.10008.1.2.4.70")) {
                expected = tmp.resolve("get-a-" + uid + "-decompressed.dcm");
                Peers.run("dcmdjpeg", "+te", fromA.toString(), expected.toString());
            }
            Path got = Peers.storedCopy(stored, original);
            assertThat(Peers.value(got, "0002,0010")).as("transfer syntax of " + uid)
                    .isEqualTo(Peers.value(expected, "0002,0010")).isEqualTo("1.2.840.10008.1.2.1");
            List<byte[]> pixelsExpected = pixelData(expected, "get-a-" + uid);
            List<byte[]> pixelsGot = pixelData(got, "got-" + uid);
            assertThat(pixelsGot).as("pixel data items of " + uid).isNotEmpty().hasSameSizeAs(pixelsExpected);
            for (int i = 0; i < pixelsGot.size(); i++) {
                assertThat(pixelsGot.get(i)).as(uid + " pixel item " + i).isEqualTo(pixelsExpected.get(i));
            }
            assertThat(withoutPixelModule(Peers.dumpDataSet(got))).as(uid)
                    .isEqualTo(withoutPixelModule(Peers.dumpDataSet(fromA)));
        }
        assertThat(rig.audited("dicom.get")).last().satisfies(r -> assertThat(r.event().detail())
                .contains("status=0x0000", "completed=3", "failed=0", "ingested=3"));
    }

    /** Pixel data lines and what a decompression legitimately changes (lossy flag history, encapsulation). */
    private static List<String> withoutPixelModule(List<String> dump) {
        return dump.stream().filter(l -> !l.startsWith("(7fe0,0010)") && !l.strip().startsWith("(fffe,e000)")
                && !l.startsWith("(fffe,e0dd)")).toList();
    }

    @Test
    void findsOnOrthancByModalityAndDateRange() {
        List<StudySummary> mr = gateway.findStudies(a.node(), new StudyQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("MR")));
        assertThat(mr).extracting(StudySummary::patientId).containsExactly("4MR1");
        List<StudySummary> january = gateway.findStudies(a.node(), new StudyQuery(Optional.empty(), Optional.empty(),
                Optional.of(LocalDate.of(2004, 1, 1)), Optional.of(LocalDate.of(2004, 1, 31)), Optional.empty()));
        assertThat(january).extracting(StudySummary::patientId).containsExactly(STUDY_PATIENT);
    }

    @Test
    void orthancPushesIntoIepOverItsRestApi() throws Exception {
        Path mr = Peers.CORPUS.resolve("MR_small.dcm");
        String id = b.upload(mr);
        assertThat(b.post("/modalities/iep-push/echo", "{}")).isEqualTo(200);
        assertThat(b.post("/modalities/iep-push/store", "[\"" + id + "\"]")).isEqualTo(200);
        List<Path> stored = rig.export(pushed, tmp.resolve("pushed"));
        assertThat(stored).hasSize(1);
        assertThat(Peers.dumpDataSet(stored.get(0))).isEqualTo(Peers.dumpDataSet(mr));
    }

    /** dcmdump +W writes the pixel data (each fragment of encapsulated data) to raw files. */
    private static List<byte[]> pixelData(Path file, String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pixels-" + name));
        Peers.run("dcmdump", "+W", dir.toString(), file.toString());
        List<byte[]> items = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                items.add(Files.readAllBytes(p));
            }
        }
        return items;
    }
}
