package org.iep.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.iep.dicom.ExternalTool;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.net.dimse.CommitmentScp;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.NetListener;
import org.iep.dicom.net.dimse.Part10FileStore;
import org.iep.dicom.net.dimse.PendingCommitments;
import org.iep.dicom.net.dimse.ServerConfig;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.net.dimse.StorageCommitment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM TLS (PS3.15 B.9, BCP 195 non-downgrading) between our SCU and SCP and with dcmtk: keys and self-signed
 * certificates are made by keytool for each run; the SCP requires a client certificate.
 */
class TlsTest {
    private static final char[] PASS = "changeit".toCharArray();

    @TempDir
    Path tmp;
    private DicomServer server;
    private Path stored;

    @BeforeEach
    void start() throws Exception {
        keyPair("scp");
        keyPair("scu");
        trust("scp-trusts", "scu");
        trust("scu-trusts", "scp");
        stored = Files.createDirectories(tmp.resolve("stored"));
        server = DicomServer.start(ServerConfig.storage("IEPSCP", new Part10FileStore(stored)).withOptions(
                NetOptions.defaults().withTls(context("scp", "scp-trusts"), true)), InetAddress.getLoopbackAddress(),
                0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void ourScuEchoesOverTlsWithItsCertificate() {
        try (DimseClient c = DimseClient.connect("127.0.0.1", server.port(), "SCU", "IEPSCP",
                List.of(List.of(UIDs.Verification, UIDs.ImplicitVRLittleEndian)),
                NetOptions.defaults().withTls(context("scu", "scu-trusts"), false))) {
            assertThat(c.echo()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void aCommitmentReportOnTheRequestingTlsAssociationIsSeen() {
        NetOptions scpOptions = NetOptions.defaults().withTls(context("scp", "scp-trusts"), true);
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        // no address for the requester: the report can only come on the requesting association
        CommitmentScp commitment = new CommitmentScp((calling, ref) -> 0, calling -> Optional.empty(), scpOptions);
        try (DicomServer archive = DicomServer.start(ServerConfig.storage("ARCHIVE", new Part10FileStore(stored))
                .withOptions(scpOptions).withListener(new NetListener() {
                    @Override
                    public void commitmentReported(String callingAe, String tx, int committed, int failed,
                            boolean same) {
                        reported.add(committed + "/" + failed + (same ? " same" : " new"));
                    }
                }).withCommitment(commitment), InetAddress.getLoopbackAddress(), 0);
             DimseClient c = DimseClient.connectForCommitment("127.0.0.1", archive.port(), "SCU", "ARCHIVE",
                     NetOptions.defaults().withTls(context("scu", "scu-trusts"), false))) {
            StorageCommitment.Result r = c.commit(new StorageCommitment.Request("2.25.30", List.of(
                    new StorageCommitment.Ref(UIDs.CTImageStorage, "1.2.3.1"))), new PendingCommitments(1),
                    Duration.ofSeconds(5));

            assertThat(r.allCommitted()).isTrue();
        }
        // the server tells its listener once it has read our N-EVENT-REPORT-RSP, before it answers our release
        assertThat(reported).containsExactly("1/0 same");
    }

    @Test
    void aCancelOverTlsStopsAFindBeforeItsEnd() {
        NetOptions scpOptions = NetOptions.defaults().withTls(context("scp", "scp-trusts"), true);
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        int available = 20_000;
        try (DicomServer archive = DicomServer.start(ServerConfig.storage("ARCHIVE", new Part10FileStore(stored))
                .withOptions(scpOptions).withFind((sopClass, keys) -> java.util.stream.Stream.generate(() -> {
                    Attributes m = new Attributes();
                    m.setString(Tags.StudyInstanceUID, VR.UI, "1.2.3." + served.incrementAndGet());
                    return m;
                }).limit(available).iterator()), InetAddress.getLoopbackAddress(), 0);
             DimseClient c = DimseClient.connect("127.0.0.1", archive.port(), "SCU", "ARCHIVE", List.of(List.of(
                     DimseClient.STUDY_ROOT_FIND, UIDs.ExplicitVRLittleEndian)),
                     NetOptions.defaults().withTls(context("scu", "scu-trusts"), false))) {
            Attributes keys = new Attributes();
            keys.setString(0x00080052, VR.CS, "STUDY"); // Query/Retrieve Level
            keys.setEmpty(Tags.StudyInstanceUID, VR.UI);
            int[] seen = {0};
            int status = c.find(DimseClient.STUDY_ROOT_FIND, keys, m -> ++seen[0] < 3);

            assertThat(status).isEqualTo(Status.CANCEL);
            // noticed at the SCP's next look at the TLS connection (every 50 ms), far before the end
            assertThat(served.get()).isLessThan(available);
        }
    }

    @Test
    void aClientWithoutACertificateIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> DimseClient.connect("127.0.0.1", server.port(), "SCU", "IEPSCP",
                List.of(List.of(UIDs.Verification, UIDs.ImplicitVRLittleEndian)),
                NetOptions.defaults().withTls(context(null, "scu-trusts"), false)).echo())
                .isInstanceOf(RuntimeException.class);
        assertThat(stored.toFile().list()).isEmpty();
    }

    @Test
    void aDowngradedClientIsRefused() throws Exception {
        // TLS 1.2 with a CBC suite: allowed by the JDK, outside the non-downgrading BCP 195 profile
        SSLContext client = context("scu", "scu-trusts");
        try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"});
            assertThatThrownBy(s::startHandshake).isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }

    @Test
    void dcmtkEchoesAndStoresThroughOurTlsScp() throws Exception {
        ExternalTool.require("storescu");
        ExternalTool.require("openssl");
        Path key = pem("scu", "-nocerts", "-nodes");
        Path cert = pem("scu", "-clcerts", "-nokeys");
        Path serverCert = pem("scp", "-clcerts", "-nokeys");
        Path ct = Path.of("../../shared/dicom/corpus/CT_small.dcm");
        Run r = run("storescu", "-aet", "SCU", "-aec", "IEPSCP", "+tls", key.toString(), cert.toString(), "+cf",
                serverCert.toString(), "127.0.0.1", String.valueOf(server.port()), ct.toString());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(stored.toFile().list()).hasSize(1);
        // without its certificate dcmtk cannot get in
        Run anonymous = run("storescu", "-aet", "SCU", "-aec", "IEPSCP", "+tla", "-ic", "127.0.0.1",
                String.valueOf(server.port()), ct.toString());
        assertThat(anonymous.exit).isNotZero();
        assertThat(stored.toFile().list()).hasSize(1);
    }

    @Test
    void ourScuEchoesDcmtksTlsScp() throws Exception {
        ExternalTool.require("storescp");
        ExternalTool.require("echoscu");
        Path key = pem("scp", "-nocerts", "-nodes");
        Path cert = pem("scp", "-clcerts", "-nokeys");
        Path clientCert = pem("scu", "-clcerts", "-nokeys");
        int port = Peers.freePort();
        Process scp = new ProcessBuilder("storescp", "-aet", "DCMTK", "+tls", key.toString(), cert.toString(),
                "+cf", clientCert.toString(), "-od", Files.createDirectories(tmp.resolve("dcmtk")).toString(),
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(tmp.resolve("storescp.log").toFile())
                .start();
        try {
            NetOptions tls = NetOptions.defaults().withTls(context("scu", "scu-trusts"), false);
            Peers.awaitListening(port);
            try (DimseClient c = DimseClient.connect("127.0.0.1", port, "SCU", "DCMTK",
                    List.of(List.of(UIDs.Verification, UIDs.ImplicitVRLittleEndian)), tls)) {
                assertThat(c.echo()).isEqualTo(Status.SUCCESS);
            } catch (RuntimeException e) {
                throw new AssertionError("storescp log:\n" + Files.readString(tmp.resolve("storescp.log")), e);
            }
        } finally {
            scp.destroy();
            scp.waitFor();
        }
    }

    private void keyPair(String name) throws Exception {
        Run r = run(keytool(), "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=" + name, "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", tmp.resolve(name + ".p12")
                        .toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        assertThat(r.exit).as(r.output).isZero();
        Run e = run(keytool(), "-exportcert", "-rfc", "-alias", name, "-keystore", tmp.resolve(name + ".p12")
                .toString(), "-storepass", "changeit", "-file", tmp.resolve(name + ".crt").toString());
        assertThat(e.exit).as(e.output).isZero();
    }

    private void trust(String store, String peer) throws Exception {
        Run r = run(keytool(), "-importcert", "-noprompt", "-alias", peer, "-file", tmp.resolve(peer + ".crt")
                .toString(), "-keystore", tmp.resolve(store + ".p12").toString(), "-storetype", "PKCS12",
                "-storepass", "changeit");
        assertThat(r.exit).as(r.output).isZero();
    }

    /** @param keys the key store's name, or null for a client without a certificate */
    private SSLContext context(String keys, String trusted) {
        try {
            KeyManagerFactory kmf = null;
            if (keys != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keys), PASS);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trusted));
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore load(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tmp.resolve(name + ".p12"))) {
            ks.load(in, PASS);
        }
        return ks;
    }

    /** A PEM export of {@code name}.p12 for dcmtk (key without a password, or the certificate). */
    private Path pem(String name, String... what) throws Exception {
        Path out = tmp.resolve(name + (what[0].equals("-nocerts") ? ".key" : ".pem"));
        List<String> cmd = new ArrayList<>(List.of("openssl", "pkcs12", "-in", tmp.resolve(name + ".p12").toString(),
                "-passin", "pass:changeit", "-out", out.toString()));
        cmd.addAll(List.of(what));
        Run r = run(cmd.toArray(String[]::new));
        assertThat(r.exit).as(r.output).isZero();
        return out;
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }
}
