package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.spi.StoredInstance;
import org.iep.api.spi.TransferOutcome;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.IngestSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery (C-STORE) to a node marked TLS, against dcmtk's storescp +tls requiring our certificate. */
class TlsStoreDcmtkTest {
    @TempDir
    Path tmp;

    /**
     * Two stored instances (explicit LE and RLE) C-STOREd over DICOM TLS: 2 completed, and what storescp wrote has
     * the data sets of the originals.
     */
    @Test
    void instancesAreDeliveredOverTlsUnchanged() throws Exception {
        Peers.require("openssl");
        Peers.require("storescp");
        TestCertificates certs = new TestCertificates(tmp);
        certs.keyPair("iep");
        certs.keyPair("pacs");
        certs.trust("iep-trusts", "pacs");
        CoreRig rig = new CoreRig();
        List<Path> originals = List.of(Peers.CORPUS.resolve("CT_small.dcm"), Peers.CORPUS.resolve("MR_small_RLE.dcm"));
        for (Path f : originals) {
            Path single = f;
            if (f.getFileName().toString().startsWith("MR")) { // one patient per transfer: give it CT_small's
                single = tmp.resolve("mr.dcm");
                Files.copy(f, single);
                Peers.run("dcmodify", "-nb", "-m", "(0010,0010)=" + Peers.value(originals.get(0), "0010,0010"),
                        "-m", "(0010,0020)=" + Peers.value(originals.get(0), "0010,0020"), "-m",
                        "(0010,0030)=" + Peers.value(originals.get(0), "0010,0030"), single.toString());
            }
            try (InputStream in = Files.newInputStream(single)) {
                rig.core.ingest().ingest(rig.transfer.id(), in, new IngestSource(PeerCheck.LISTENER,
                        ClientInfo.INTERNAL, "TEST"));
            }
        }
        List<StoredInstance> instances = rig.index.byTransaction(rig.transfer.id()).stream()
                .map(i -> new StoredInstance(i.sopClassUid(), i.sopInstanceUid(), i.transferSyntaxUid(), i.blob()))
                .toList();
        assertThat(instances).extracting(StoredInstance::transferSyntaxUid)
                .containsExactlyInAnyOrder("1.2.840.10008.1.2.1", "1.2.840.10008.1.2.5");
        int port = Peers.freePort();
        Path received = Files.createDirectories(tmp.resolve("received"));
        Process scp = Peers.start(tmp, "storescp", "-aet", "PACS", "+xa", "+tls", certs.pemKey("pacs").toString(),
                certs.pemCertificate("pacs").toString(), "+cf", certs.pemCertificate("iep").toString(), "-od",
                received.toString(), String.valueOf(port));
        try {
            Peers.awaitListening(port);
            Node pacs = new Node(new NodeId("pacs"), new InstitutionId("inst-pacs"), "PACS", "127.0.0.1", port, true,
                    Set.of(), Optional.empty(), false);
            DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                    .withTls(certs.config("iep", "iep-trusts")), rig.blobs);
            assertThat(gateway.store(pacs, instances)).isEqualTo(new TransferOutcome(2, 0, 0));
        } finally {
            Peers.stop(scp);
        }
        List<Path> files;
        try (var s = Files.list(received)) {
            files = s.toList();
        }
        assertThat(files).hasSize(2);
        List<Path> stored = rig.export(tmp.resolve("stored"));
        for (Path f : files) {
            String uid = Peers.value(f, "0008,0018");
            Path original = stored.stream()
                    .filter(p -> p.getFileName().toString().startsWith(uid)).findFirst().orElseThrow();
            assertThat(Peers.dumpDataSet(f)).as(uid).isEqualTo(Peers.dumpDataSet(original));
            assertThat(Peers.value(f, "0002,0010")).isEqualTo(Peers.value(original, "0002,0010"));
        }
    }
}
