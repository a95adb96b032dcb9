package org.iep.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.iep.app.IepApplication;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardeningHttpTest {
    @TempDir
    Path data;
    private IepApplication app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String base;

    @BeforeEach
    void start() throws Exception {
        app = IepApplication.start(AppConfig.from(Settings.of(Map.of("iep.http.port", "0",
                "iep.dataDir", data.toString(), "iep.demo", "false"))));
        base = "http://127.0.0.1:" + app.httpPort();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void errorPagesAreGenericAndTheServerDoesNotNameItself() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(base + "/no/such/page?token=secret")));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("does not exist").doesNotContain("secret").doesNotContain("Jetty")
                .doesNotContain("/no/such/page");
        assertThat(missing.headers().firstValue("Server")).isEmpty();
        assertThat(missing.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void oversizeFormsAreRefusedBeforeTheyAreRead() throws Exception {
        String huge = "csrf=x&action=verify&code=" + "1".repeat(WebServer.MAX_FORM_BYTES + 10);

        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Cookie", "iep_link=aWellFormedTokenThatWasNeverIssued0123456789")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(huge)));

        assertThat(r.statusCode()).isIn(400, 413);
        assertThat(r.body()).doesNotContain("111111");
    }

    @Test
    void openingLinksIsRateLimitedPerAddress() throws Exception {
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/a/short")));
            if (r.statusCode() == 429) {
                limited++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(limited).isEqualTo(10);
    }
}
