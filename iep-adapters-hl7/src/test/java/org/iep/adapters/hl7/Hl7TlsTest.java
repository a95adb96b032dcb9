package org.iep.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.iep.api.Secret;
import org.iep.core.audit.Auditor;
import org.iep.core.id.IdGenerator;
import org.iep.core.report.ReportSettings;
import org.iep.core.report.Reports;
import org.iep.testkit.TestClock;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.iep.testkit.memory.InMemoryReportStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLLP over TLS with a key pair made by the JDK's keytool; a client trusting that certificate gets its ACK. */
class Hl7TlsTest {
    @TempDir
    Path dir;

    @Test
    void aReportOverTlsIsAcknowledged() throws Exception {
        Path p12 = dir.resolve("iep-hl7.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "iep", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", p12.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        TestClock clock = TestClock.create();
        InMemoryReportStore store = new InMemoryReportStore();
        Reports reports = new Reports(store, new InMemoryTransactionStore(), new InMemoryBlobStore(),
                new Auditor(new InMemoryAuditLog(), clock), new IdGenerator(new SecureRandom()), clock,
                ReportSettings.DEFAULT);
        SSLContext server = Hl7Tls.serverContext(p12, Secret.of("changeit"));
        try (Hl7Listener listener = new Hl7Listener(Hl7Config.DEFAULT.withPort(0).withLimits(2, 1 << 20,
                Duration.ofSeconds(5), Duration.ofSeconds(10)), Optional.of(server), reports)) {
            int port = listener.start();
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                trust.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(Messages.frame(Messages.textReport("T1", "ACC1")));
                s.getOutputStream().flush();
                assertThat(Hl7ListenerTest.readReply(s)).contains("MSA|AA|T1");
                assertThat(s.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
            }
            assertThat(store.byOrder("ACC1", "P0001")).hasSize(1);
        }
    }

    @Test
    void aWrongKeyStorePasswordIsATypedErrorWithoutThePassword() {
        assertThatThrownBy(() -> Hl7Tls.serverContext(dir.resolve("missing.p12"), Secret.of("hunter2")))
                .isInstanceOfSatisfying(Hl7ListenerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(Hl7ErrorCode.LISTENER_FAILED);
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                });
    }
}
