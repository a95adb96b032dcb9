package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iep.api.directory.Node;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.StoredInstance;
import org.iep.api.spi.StudyQuery;
import org.iep.api.spi.StudySummary;
import org.iep.api.spi.TransferOutcome;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway against dcmtk: C-ECHO and C-STORE to storescp, C-FIND against dcmqrscp. */
class GatewayDcmtkTest {
    /** Five transfer syntaxes: explicit LE, RLE, JPEG 2000, deflated, and an odd-length explicit LE. */
    static final List<String> FILES = List.of("CT_small.dcm", "MR_small_RLE.dcm", "JPEG2000.dcm", "image_dfl.dcm",
            "SC_rgb_small_odd.dcm");

    @TempDir
    Path tmp;

    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP"), blobs);

    @Test
    void echoesStorescpAndNamesAnUnreachableNode() throws Exception {
        Peers.require("storescp");
        int port = Peers.freePort();
        Process scp = Peers.start(tmp, "storescp", "-aet", "DEST", "-od",
                tmp.toString(), String.valueOf(port));
        try {
            Peers.awaitListening(port);
            gateway.echo(Peers.node("dest", "DEST", port));
        } finally {
            Peers.stop(scp);
        }
        assertThatThrownBy(() -> gateway.echo(Peers.node("gone", "DEST", Peers.freePort())))
                .isInstanceOfSatisfying(DicomGatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(DicomAdapterErrorCode.PEER_UNREACHABLE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void storesBlobsToStorescpUnchangedInTheirOwnTransferSyntax() throws Exception {
        Peers.require("storescp");
        List<StoredInstance> instances = new ArrayList<>();
        for (String f : FILES) {
            instances.add(putBlob(Peers.CORPUS.resolve(f), "i" + instances.size()));
        }
        Path out = Files.createDirectories(tmp.resolve("out"));
        int port = Peers.freePort();
        Process scp = Peers.start(tmp, "storescp", "-aet", "DEST", "-od", out.toString(), "+xa", "-fe", ".dcm",
                String.valueOf(port));
        TransferOutcome outcome;
        try {
            Peers.awaitListening(port);
            outcome = gateway.store(Peers.node("dest", "DEST", port), instances);
        } finally {
            Peers.stop(scp);
        }
        assertThat(outcome).isEqualTo(new TransferOutcome(FILES.size(), 0, 0));
        List<Path> received;
        try (Stream<Path> s = Files.list(out)) {
            received = s.sorted().toList();
        }
        assertThat(received).hasSize(FILES.size());
        for (String f : FILES) {
            Path original = Peers.CORPUS.resolve(f);
            String uid = Peers.value(original, "0008,0018");
            Path copy = received.stream().filter(p -> p.getFileName().toString().contains(uid)).findFirst()
                    .orElseThrow(() -> new AssertionError(f + " was not received"));
            assertThat(Peers.dumpDataSet(copy)).as(f).isEqualTo(Peers.dumpDataSet(original));
        }
    }

    @Test
    void aNodeRefusingTheSopClassCountsAFailureAndTheRestStillGoes() throws Exception {
        Peers.require("storescp");
        // storescp without +xa takes uncompressed syntaxes only: the JPEG 2000 instance has no context
        List<StoredInstance> instances = List.of(putBlob(Peers.CORPUS.resolve("CT_small.dcm"), "a"),
                putBlob(Peers.CORPUS.resolve("JPEG2000.dcm"), "b"));
        int port = Peers.freePort();
        Process scp = Peers.start(tmp, "storescp", "-aet", "DEST", "-od", tmp.toString(), String.valueOf(port));
        try {
            Peers.awaitListening(port);
            assertThat(gateway.store(Peers.node("dest", "DEST", port), instances))
                    .isEqualTo(new TransferOutcome(1, 1, 0));
        } finally {
            Peers.stop(scp);
        }
    }

    @Test
    void findsStudiesOnDcmqrscpByPatientAccessionAndDateRange() throws Exception {
        Peers.require("dcmqrscp");
        Path db = Files.createDirectories(tmp.resolve("db"));
        Path withAccession = tmp.resolve("ct-acc.dcm");
        Files.copy(Peers.CORPUS.resolve("CT_small.dcm"), withAccession);
        Peers.run("dcmodify", "-nb", "-i", "(0008,0050)=ACC-4711", withAccession.toString());
        Peers.run("dcmqridx", db.toString(), withAccession.toString(),
                Peers.CORPUS.resolve("MR_small.dcm").toString(), Peers.CORPUS.resolve("JPEG2000.dcm").toString(),
                Peers.CORPUS.resolve("SC_rgb_small_odd.dcm").toString());
        int port = Peers.freePort();
        Process scp = Peers.dcmqrscp(tmp, port, db);
        try {
            Node pacs = Peers.node("pacs", "PACS", port);
            assertThat(uids(gateway.findStudies(pacs, StudyQuery.byPatient("4MR1"))))
                    .containsExactly(Peers.value(Peers.CORPUS.resolve("MR_small.dcm"), "0020,000d"));
            List<StudySummary> byAccession = gateway.findStudies(pacs, new StudyQuery(Optional.empty(),
                    Optional.of("ACC-4711"), Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(byAccession).singleElement().satisfies(s -> {
                assertThat(s.patientId()).isEqualTo("1CT1");
                assertThat(s.patientName()).isEqualTo("CompressedSamples^CT1");
                assertThat(s.studyDate()).isEqualTo("20040119");
                assertThat(s.accessionNumber()).isEqualTo("ACC-4711");
                // dcmqrscp does not support the optional Number of Study Related Instances: -1 = not reported
                assertThat(s.instances()).isEqualTo(-1);
            });
            // 2004-08-01..2004-12-31 holds the MR and the NM study, not the CT (January) nor the SC (2017)
            List<StudySummary> august = gateway.findStudies(pacs, new StudyQuery(Optional.empty(), Optional.empty(),
                    Optional.of(LocalDate.of(2004, 8, 1)), Optional.of(LocalDate.of(2004, 12, 31)), Optional.empty()));
            assertThat(august).extracting(StudySummary::patientId).containsExactlyInAnyOrder("4MR1", "8NM1");
            // dcmqrscp neither matches nor returns Modalities in Study (optional); OrthancGatewayTest covers it
            assertThat(gateway.findStudies(pacs, StudyQuery.byPatient("nobody"))).isEmpty();
        } finally {
            Peers.stop(scp);
        }
    }

    @Test
    void aBadQueryIsRefusedBeforeAnyTraffic() {
        Node closed = Peers.node("closed", "PACS", Peers.freePort());
        assertThatThrownBy(() -> gateway.findStudies(closed, StudyQuery.byPatient("a\\b")))
                .isInstanceOfSatisfying(InvalidDicomInputException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(DicomAdapterErrorCode.INVALID_QUERY));
        assertThatThrownBy(() -> gateway.retrieve(closed, "1.2.3/../4"))
                .isInstanceOfSatisfying(InvalidDicomInputException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(DicomAdapterErrorCode.INVALID_UID));
    }

    private StoredInstance putBlob(Path file, String name) throws Exception {
        DimseClient.Prepared p = DimseClient.prepare(file);
        BlobKey key = BlobKey.of("tx", "t1", "instances", name);
        try (InputStream in = Files.newInputStream(file)) {
            blobs.put(key, in);
        }
        return new StoredInstance(p.sopClass(), p.sopInstance(), p.transferSyntax().uid(), key);
    }

    private static List<String> uids(List<StudySummary> found) {
        return found.stream().map(StudySummary::studyInstanceUid).toList();
    }
}
