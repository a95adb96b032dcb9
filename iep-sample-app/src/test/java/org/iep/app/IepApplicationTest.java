package org.iep.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.TrackingNumber;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IepApplicationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private AppConfig config() {
        return AppConfig.from(Settings.of(Map.of("iep.http.port", "0", "iep.dataDir", data.toString())));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsOnEmbeddedDefaultsAnswersHealthWithSecurityHeadersAndStopsCleanly() throws Exception {
        int port;
        try (IepApplication app = IepApplication.start(config())) {
            port = app.httpPort();
            HttpResponse<String> health = get(port, "/health");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");
            assertThat(health.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(health.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(health.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(health.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
            assertThat(get(port, "/dev/mailbox").body()).contains("Development mailbox");
            assertThat(get(port, "/metrics").body()).contains("jvm_memory_used_bytes")
                    .containsPattern("iep_http_requests_seconds_count\\{[^}]*route=\"/health\"");
            assertThat(app.injector().getInstance(DirectoryStore.class).institutions()).hasSize(2);
            var demo = app.injector().getInstance(TransactionStore.class).findByTracking(
                    new TrackingNumber("STEE0000001")).orElseThrow();
            assertThat(demo.studies().get(0).receivedInstances()).as("the demo series came in through ingest")
                    .isEqualTo(8);
            assertThat(app.injector().getInstance(InstanceIndex.class).byTransaction(demo.id())).hasSize(8);
        }
        assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(ConnectException.class);
        assertThat(data.resolve("keys/master.key")).exists();
    }

    @Test
    void aRisReportOverHl7IsAcknowledgedAndAttachedToTheDemoStudy() throws Exception {
        try (IepApplication app = IepApplication.start(config())) {
            String oru = "MSH|^~\\&|RIS|STEE|IEP|IEP|20260302090000||ORU^R01^ORU_R01|RIS-77|P|2.5\r"
                    + "PID|||DEMO0001||Demo^Patient\r"
                    + "OBR|1||DEMOACC1|CT^CT Head\r"
                    + "OBX|1|TX|RPT^Report||CT head: no acute abnormality.||||||F\r";
            String ack;
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.hl7Port().orElseThrow())) {
                socket.setSoTimeout(60_000);
                byte[] m = oru.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                var out = socket.getOutputStream();
                out.write(0x0B);
                out.write(m);
                out.write(new byte[] {0x1C, 0x0D});
                out.flush();
                var in = socket.getInputStream();
                StringBuilder b = new StringBuilder();
                int c;
                while ((c = in.read()) >= 0 && c != 0x1C) {
                    b.append((char) c);
                }
                ack = b.toString();
            }
            assertThat(ack).contains("MSA|AA|RIS-77");
            var demo = app.injector().getInstance(TransactionStore.class).findByTracking(
                    new TrackingNumber("STEE0000001")).orElseThrow();
            assertThat(demo.attachments()).singleElement().satisfies(a -> {
                assertThat(a.mediaType()).isEqualTo("text/plain");
                assertThat(a.studyInstanceUid()).isEqualTo(demo.studies().get(0).studyInstanceUid());
            });
        }
    }

    @Test
    void aRestartKeepsTheDataAndDoesNotSeedTheDemoAgain() throws Exception {
        try (IepApplication first = IepApplication.start(config())) {
            assertThat(first.injector().getInstance(DirectoryStore.class).institutions()).hasSize(2);
        }
        try (IepApplication second = IepApplication.start(config())) {
            assertThat(second.injector().getInstance(DirectoryStore.class).institutions()).hasSize(2);
        }
    }

    @Test
    void aPortInUseFailsTheStartBeforeTheDatabaseIsTouched() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            AppConfig onTaken = AppConfig.from(Settings.of(Map.of("iep.http.port", String.valueOf(port),
                    "iep.dataDir", data.toString())));
            assertThatThrownBy(() -> IepApplication.start(onTaken)).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + port);
        }
        try (Stream<Path> written = Files.list(data)) {
            assertThat(written).as("no database, key or blob written").isEmpty();
        }
    }

    @Test
    void withoutDemoDataTheDatabaseStaysEmpty() throws Exception {
        AppConfig noDemo = AppConfig.from(Settings.of(Map.of("iep.http.port", "0", "iep.dataDir", data.toString(),
                "iep.demo", "false")));
        try (IepApplication app = IepApplication.start(noDemo)) {
            assertThat(app.injector().getInstance(DirectoryStore.class).institutions()).isEmpty();
        }
    }
}
