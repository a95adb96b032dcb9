package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iep.api.directory.Node;
import org.iep.api.spi.TransferOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM TLS with Orthanc 1.10 (its DICOM port TLS-only, our certificate required): a node marked TLS is echoed and
 * retrieved from by C-GET over TLS, the instances identical; the same node without our TLS material is not reached.
 */
class TlsOrthancTest {
    @TempDir
    Path tmp;

    @Test
    void orthancOverTlsIsEchoedAndRetrievedFromByCGet() throws Exception {
        Peers.require("Orthanc");
        Peers.require("openssl");
        TestCertificates certs = new TestCertificates(tmp);
        certs.keyPair("iep");
        certs.keyPair("orthanc");
        certs.trust("iep-trusts", "orthanc");
        String tls = "\"DicomTlsEnabled\": true, \"DicomTlsCertificate\": \"" + certs.pemCertificate("orthanc")
                + "\", \"DicomTlsPrivateKey\": \"" + certs.pemKey("orthanc") + "\","
                + " \"DicomTlsTrustedCertificates\": \"" + certs.pemCertificate("iep") + "\","
                + " \"DicomTlsRemoteCertificateRequired\": true";
        List<Path> files = List.of(Peers.CORPUS.resolve("CT_small.dcm"), Peers.CORPUS.resolve("MR_small.dcm"));
        CoreRig rig = new CoreRig();
        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(tmp.resolve("orthanc")), "ORTHANC",
                List.of(Peers.node("iep", "IEP", 1)), tls)) {
            for (Path f : files) {
                orthanc.upload(f);
            }
            Node plain = orthanc.node();
            Node node = new Node(plain.id(), plain.owner(), plain.aeTitle(), plain.host(), plain.port(), true,
                    Set.of(), Optional.empty(), false);
            DimseDicomGateway gateway = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                    .withRetrieveByCGet(Set.of(node.id())).withTls(certs.config("iep", "iep-trusts")), rig.blobs,
                    rig.core.ingest(), rig.auditor);

            gateway.echo(node);
            TransferOutcome ct = gateway.retrieveInto(rig.transfer.id(), node, Peers.value(files.get(0), "0020,000d"));
            assertThat(ct).isEqualTo(new TransferOutcome(1, 0, 0));
            assertThatThrownBy(() -> new DimseDicomGateway(DicomAdapterConfig.of("IEP"), rig.blobs).echo(node))
                    .as("no TLS material: not reached in clear").isInstanceOf(DicomGatewayException.class);
            assertThatThrownBy(() -> new DimseDicomGateway(DicomAdapterConfig.of("IEP"), rig.blobs).echo(plain))
                    .as("plain TCP against Orthanc's TLS port").isInstanceOf(DicomGatewayException.class);
        }
        Peers.assertStoredUnchanged(List.of(files.get(0)), rig.export(tmp.resolve("stored")));
    }
}
