package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.iep.api.Problem;
import org.iep.api.Secret;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM TLS through the adapter's configuration, against dcmtk: a node marked TLS is reached over TLS with our
 * certificate and never in clear; the inbound SCP with TLS material speaks TLS only and requires the peer's
 * certificate; broken material is refused at start with every problem listed.
 */
class TlsNodesDcmtkTest {
    @TempDir
    Path tmp;
    private TestCertificates certs;

    @BeforeEach
    void certificates() throws Exception {
        Peers.require("openssl");
        certs = new TestCertificates(tmp);
        certs.keyPair("iep");
        certs.keyPair("pacs");
        certs.trust("iep-trusts", "pacs");
    }

    private static Node tlsNode(String ae, int port) {
        return new Node(new NodeId("node-" + ae.toLowerCase()), new InstitutionId("inst-pacs"), ae, "127.0.0.1", port,
                true, Set.of(), Optional.empty(), false);
    }

    @Test
    void aNodeMarkedTlsIsEchoedOverTlsWithOurCertificateAndNeverInClear() throws Exception {
        Peers.require("storescp");
        int port = Peers.freePort();
        Process scp = Peers.start(tmp, "storescp", "-aet", "PACS", "+tls", certs.pemKey("pacs").toString(),
                certs.pemCertificate("pacs").toString(), "+cf", certs.pemCertificate("iep").toString(), "-od",
                Files.createDirectories(tmp.resolve("pacs")).toString(), String.valueOf(port));
        try {
            Peers.awaitListening(port);
            DimseDicomGateway tls = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                    .withTls(certs.config("iep", "iep-trusts")), new InMemoryBlobStore());
            tls.echo(tlsNode("PACS", port)); // throws unless the C-ECHO succeeded

            DimseDicomGateway plain = new DimseDicomGateway(DicomAdapterConfig.of("IEP"), new InMemoryBlobStore());
            assertThatThrownBy(() -> plain.echo(tlsNode("PACS", port)))
                    .isInstanceOfSatisfying(DicomGatewayException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(DicomAdapterErrorCode.PEER_REFUSED);
                        assertThat(e.getMessage()).contains("not contacted in clear");
                    });
        } finally {
            Peers.stop(scp);
        }
    }

    @Test
    void withoutTlsMaterialANodeMarkedTlsIsNotEvenConnectedTo() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    listener.accept().close();
                    accepted.incrementAndGet();
                } catch (java.io.IOException closed) {
                    // the test closed the listener: nothing connected
                }
            });
            t.start();
            DimseDicomGateway plain = new DimseDicomGateway(DicomAdapterConfig.of("IEP"), new InMemoryBlobStore());
            assertThatThrownBy(() -> plain.echo(tlsNode("PACS", listener.getLocalPort())))
                    .isInstanceOf(DicomGatewayException.class);
            listener.close();
            t.join(5_000);
        }
        assertThat(accepted).hasValue(0);
    }

    @Test
    void aTlsNodeThatAnswersInClearFailsTheHandshakeAndGetsNothing() throws Exception {
        Peers.require("storescp");
        int port = Peers.freePort();
        Path received = Files.createDirectories(tmp.resolve("clear"));
        Process scp = Peers.start(tmp, "storescp", "-aet", "PACS", "-od", received.toString(), String.valueOf(port));
        try {
            Peers.awaitListening(port);
            DimseDicomGateway tls = new DimseDicomGateway(DicomAdapterConfig.of("IEP")
                    .withTls(certs.config("iep", "iep-trusts")), new InMemoryBlobStore());
            assertThatThrownBy(() -> tls.echo(tlsNode("PACS", port))).isInstanceOf(DicomGatewayException.class);
        } finally {
            Peers.stop(scp);
        }
        try (var files = Files.list(received)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theScpWithTlsMaterialIngestsFromDcmtkOverTlsAndRefusesPlainTcp() throws Exception {
        Peers.require("storescu");
        CoreRig rig = new CoreRig();
        try (DicomReceiver receiver = DicomReceiver.start(new ReceiverConfig("127.0.0.1", 0,
                List.of(Peers.node("modality", "MODALITY", 0)), 5).withTls(certs.config("iep",
                "iep-trusts")), rig.core.ingest(), (ae, sender) -> Optional.of(rig.transfer.id()),
                rig.auditor)) {
            String port = String.valueOf(receiver.port());
            Path ct = Peers.CORPUS.resolve("CT_small.dcm");
            Peers.run("storescu", "-aet", "MODALITY", "-aec", "IEP", "+tls", certs.pemKey("pacs").toString(),
                    certs.pemCertificate("pacs").toString(), "+cf", certs.pemCertificate("iep").toString(),
                    "127.0.0.1", port, ct.toString());
            assertThat(rig.index.byTransaction(rig.transfer.id())).hasSize(1);

            Process clear = new ProcessBuilder("storescu", "-aet", "MODALITY", "-aec", "IEP", "127.0.0.1", port,
                    ct.toString()).redirectErrorStream(true).start();
            clear.getInputStream().readAllBytes();
            assertThat(clear.waitFor()).as("plain TCP against the TLS port").isNotZero();
            Process anonymous = new ProcessBuilder("storescu", "-aet", "MODALITY", "-aec", "IEP", "+tla", "-ic",
                    "127.0.0.1", port, ct.toString()).redirectErrorStream(true).start();
            anonymous.getInputStream().readAllBytes();
            assertThat(anonymous.waitFor()).as("TLS without a client certificate").isNotZero();
            assertThat(rig.index.byTransaction(rig.transfer.id())).hasSize(1);
        }
    }

    @Test
    void brokenTlsMaterialIsRefusedAtStartWithEveryProblemAndNoPassword() {
        DicomTlsConfig broken = new DicomTlsConfig(tmp.resolve("missing.p12"), Secret.of("s3cret-key-pass"),
                tmp.resolve("iep-trusts.p12"), Secret.of("wrong-password"));

        assertThat(broken.toString()).doesNotContain("s3cret-key-pass").doesNotContain("wrong-password");
        assertThatThrownBy(() -> new DimseDicomGateway(DicomAdapterConfig.of("IEP").withTls(broken),
                new InMemoryBlobStore())).isInstanceOfSatisfying(InvalidDicomInputException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("iep.dicom.tls.keyStore",
                            "iep.dicom.tls.trustStore");
                    assertThat(e.getMessage()).doesNotContain("s3cret-key-pass").doesNotContain("wrong-password");
                });
    }
}
