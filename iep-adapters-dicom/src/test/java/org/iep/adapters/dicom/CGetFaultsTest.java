package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.iep.api.audit.Outcome;
import org.iep.api.content.IndexedInstance;
import org.iep.api.directory.Node;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.ByteRange;
import org.iep.api.spi.TransferOutcome;
import org.iep.core.audit.ClientInfo;
import org.iep.core.blob.FileSystemBlobStore;
import org.iep.core.ingest.IngestSource;
import org.iep.core.ingest.OrphanCollector;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C-GET retrieves where something goes wrong or differs from the plain case, against real peers: a sub-operation
 * our side refuses, a peer that dies mid-retrieve, a compressed study, and Orthanc as the C-GET peer.
 */
class CGetFaultsTest {
    private static final String UID_ROOT = "1.2.826.0.1.3680043.8.498.9";

    @TempDir
    Path tmp;

    /** CT_small with SOP Instance UID {@code uid} (and, if not null, another Patient's Sex), written by our toolkit. */
    private Path copy(String uid, String patientSex) {
        DicomFile f = DicomReader.read(Peers.CORPUS.resolve("CT_small.dcm"));
        Attributes ds = f.dataSet().copy();
        ds.setString(Tags.SOPInstanceUID, VR.UI, uid);
        if (patientSex != null) {
            ds.setString(0x00100040, VR.CS, patientSex);
        }
        Path out = tmp.resolve("in").resolve(uid + ".dcm");
        try {
            Files.createDirectories(out.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new DicomWriter().write(out, new Attributes(), ds, f.transferSyntax());
        return out;
    }

    private Path database(List<Path> files) throws Exception {
        return Peers.dcmqrDatabase(tmp, files);
    }

    private static DimseDicomGateway cGet(CoreRig rig, Node pacs) {
        return new DimseDicomGateway(DicomAdapterConfig.of("IEP").withRetrieveByCGet(Set.of(pacs.id())), rig.blobs,
                rig.core.ingest());
    }

    @Test
    void aSubOperationOurSideRefusesIsCountedFailedAuditedAndTheOthersAreStored() throws Exception {
        Peers.require("dcmqrscp");
        List<Path> files = List.of(copy(UID_ROOT + ".1", null), copy(UID_ROOT + ".2", null),
                copy(UID_ROOT + ".3", null));
        Path db = database(files);
        CoreRig rig = new CoreRig();
        // the transaction already holds .2 with other content: the PACS's .2 must not replace it
        rig.core.ingest().ingest(rig.transfer.id(), Files.newInputStream(copy(UID_ROOT + ".2", "O")),
                new IngestSource(PeerCheck.LISTENER, ClientInfo.INTERNAL, "EARLIER"));
        String before = rig.index.find(rig.transfer.id(), UID_ROOT + ".2").orElseThrow().sha256();
        int port = Peers.freePort();
        Node pacs = Peers.node("pacs", "PACS", port);
        Process scp = Peers.dcmqrscp(tmp, port, db);
        TransferOutcome o;
        try {
            o = cGet(rig, pacs).retrieveInto(rig.transfer.id(), pacs, Peers.value(files.get(0), "0020,000d"));
        } finally {
            Peers.stop(scp);
        }

        assertThat(o).isEqualTo(new TransferOutcome(2, 1, 0));
        assertThat(rig.index.byTransaction(rig.transfer.id())).hasSize(3);
        assertThat(rig.index.find(rig.transfer.id(), UID_ROOT + ".2").orElseThrow().sha256()).isEqualTo(before);
        assertThat(rig.audited("instance.store")).filteredOn(r -> r.event().outcome() == Outcome.DENIED)
                .singleElement().satisfies(r -> assertThat(r.event().detail()).contains(UID_ROOT + ".2"));
    }

    @Test
    void aPeerThatDiesMidRetrieveLeavesOnlyWholeInstancesAndASecondRetrieveCompletesTheStudy() throws Exception {
        Peers.require("dcmqrscp");
        int n = 150;
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            files.add(copy(UID_ROOT + "." + i, null));
        }
        Path db = database(files);
        Path blobRoot = Files.createDirectories(tmp.resolve("blobs"));
        CoreRig rig = new CoreRig(new FileSystemBlobStore(blobRoot));
        int port = Peers.freePort();
        Node pacs = Peers.node("pacs", "PACS", port);
        DimseDicomGateway gateway = cGet(rig, pacs);
        String study = Peers.value(files.get(0), "0020,000d");
        // one process: dcmqrscp otherwise forks a child per association, which killing the parent would not stop
        Process scp = Peers.dcmqrscp(tmp, port, db, "--single-process");
        Thread killer = new Thread(() -> {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (rig.index.byTransaction(rig.transfer.id()).isEmpty() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            scp.destroyForcibly(); // SIGKILL: the peer vanishes mid-association
        });
        killer.start();
        try {
            assertThatThrownBy(() -> gateway.retrieveInto(rig.transfer.id(), pacs, study))
                    .isInstanceOfSatisfying(DicomGatewayException.class, e -> assertThat(e.retryable()).isTrue());
        } finally {
            killer.join();
            Peers.stop(scp);
        }
        List<IndexedInstance> first = rig.index.byTransaction(rig.transfer.id());
        assertThat(first.size()).as("instances before the peer died").isBetween(1, n - 1);
        for (IndexedInstance i : first) {
            assertThat(sha256(rig, i.blob())).as(i.sopInstanceUid()).isEqualTo(i.sha256());
        }
        assertThat(rig.blobs.list(BlobKey.of("tx"))).as("no partial blob beside the indexed ones")
                .hasSize(first.size());
        assertThat(new OrphanCollector(rig.blobs, rig.index, Duration.ZERO).collect(Instant.now().plusSeconds(60)))
                .isZero();

        Process again = Peers.dcmqrscp(tmp, port, db);
        try {
            assertThat(gateway.retrieveInto(rig.transfer.id(), pacs, study)).isEqualTo(new TransferOutcome(n, 0, 0));
        } finally {
            Peers.stop(again);
        }
        assertThat(rig.index.byTransaction(rig.transfer.id())).hasSize(n);
        assertThat(rig.blobs.list(BlobKey.of("tx"))).hasSize(n);
    }

    @Test
    void aCompressedStudyArrivesInItsOwnTransferSyntaxUnchanged() throws Exception {
        Peers.require("dcmqrscp");
        Peers.require("dcmcrle");
        Path first = tmp.resolve("rle-1.dcm");
        Path second = tmp.resolve("rle-2.dcm");
        Peers.run("dcmcrle", copy(UID_ROOT + ".71", null).toString(), first.toString());
        Peers.run("dcmcrle", copy(UID_ROOT + ".72", null).toString(), second.toString());
        List<Path> files = List.of(first, second);
        Path db = database(files);
        CoreRig rig = new CoreRig();
        int port = Peers.freePort();
        Node pacs = Peers.node("pacs", "PACS", port);
        // a PACS that keeps RLE and accepts it on the C-GET association (dcmqrscp takes uncompressed only unless
        // told): our RLE-only storage context lets it send the instances as it holds them, without converting
        Process scp = Peers.dcmqrscp(tmp, port, db, "+xr");
        try {
            assertThat(cGet(rig, pacs).retrieveInto(rig.transfer.id(), pacs, Peers.value(first, "0020,000d")))
                    .isEqualTo(new TransferOutcome(2, 0, 0));
        } finally {
            Peers.stop(scp);
        }
        List<Path> stored = rig.export(tmp.resolve("stored"));
        Peers.assertStoredUnchanged(files, stored);
        for (Path original : files) {
            String uid = Peers.value(original, "0008,0018");
            Path got = Peers.storedCopy(stored, original);
            assertThat(rig.index.find(rig.transfer.id(), uid).orElseThrow().transferSyntaxUid())
                    .as("transfer syntax of " + uid).isEqualTo("1.2.840.10008.1.2.5");
            assertThat(DicomReader.read(got).transferSyntax().uid()).isEqualTo("1.2.840.10008.1.2.5");
        }
    }

    @Test
    void orthancIsRetrievedFromByCGet() throws Exception {
        Peers.require("Orthanc");
        List<Path> files = List.of(copy(UID_ROOT + ".81", null), copy(UID_ROOT + ".82", null),
                copy(UID_ROOT + ".83", null));
        CoreRig rig = new CoreRig();
        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(tmp.resolve("orthanc")), "ORTHANC",
                List.of(Peers.node("iep", "IEP", 1)))) {
            for (Path f : files) {
                orthanc.upload(f);
            }
            Node node = orthanc.node();
            TransferOutcome o = cGet(rig, node).retrieveInto(rig.transfer.id(), node,
                    Peers.value(files.get(0), "0020,000d"));
            assertThat(o).isEqualTo(new TransferOutcome(3, 0, 0));
        }
        List<Path> stored = rig.export(tmp.resolve("stored"));
        assertThat(stored).hasSize(3);
        Peers.assertStoredUnchanged(files, stored);
    }

    private static String sha256(CoreRig rig, BlobKey key) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = rig.blobs.open(key, ByteRange.ALL)) {
            sha.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
