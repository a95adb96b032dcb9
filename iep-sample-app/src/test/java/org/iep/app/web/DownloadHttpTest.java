package org.iep.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.app.web.TestBrowser.CSRF;
import static org.iep.app.web.TestBrowser.TRANSACTION;
import static org.iep.app.web.TestBrowser.first;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.AuditRecord;
import org.iep.api.spi.AuditLog;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.app.IepApplication;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.iep.app.demo.DemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo patient downloads the PDI package: whole, resumed from an offset, and with a password. */
class DownloadHttpTest {
    @TempDir
    Path data;
    private IepApplication app;
    private TestBrowser patient;

    @BeforeEach
    void start() throws Exception {
        app = IepApplication.start(AppConfig.from(Settings.of(Map.of("iep.http.port", "0",
                "iep.dataDir", data.toString()))));
        patient = new TestBrowser(app);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void theWholePackageThenAResumedTailThenAPasswordProtectedOne() throws Exception {
        String dashboard = patient.logIn(DemoData.PATIENT.email(), DemoData.PATIENT.passcodeEmail());
        assertThat(dashboard).contains("Download").contains("Download with a password");
        String t = first(TRANSACTION, dashboard);

        HttpResponse<byte[]> whole = patient.getBytes("/download?t=" + t);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(whole.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("attachment").contains("STEE0000001.zip"));
        assertThat(whole.headers().firstValue("Cache-Control")).contains("no-store");
        Path zip = Files.write(data.resolve("package.zip"), whole.body());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(z.entries()).stream().map(e -> e.getName()))
                    .contains("DICOMDIR", "README.TXT", "IHE_PDI/INDEX.HTM").filteredOn(n -> n.startsWith("DICOM/"))
                    .hasSize(8);
        }
        TransactionStore store = app.injector().getInstance(TransactionStore.class);
        assertThat(store.find(new TransactionId(t)).orElseThrow().status()).as("the first download completes it")
                .isEqualTo(TransactionStatus.COMPLETE);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(whole.body()));
        // prepared in the background, the download names its SHA-256; else its fingerprint, and a job the hash
        AuditLog audit = app.injector().getInstance(AuditLog.class);
        AuditRecord download = audit.query(AuditQuery.all(500)).stream()
                .filter(r -> r.event().action().equals("package.download")).findFirst().orElseThrow();
        if (!download.event().detail().equals("sha256=" + sha)) {
            String fingerprint = download.event().detail().replaceFirst("^package=([0-9a-f]{64}) .*$", "$1");
            assertThat(download.event().detail()).isEqualTo("package=" + fingerprint
                    + " sha256=pending (package.hash)");
            // the job runs here or on the portal's own worker, whichever takes it first
            String hashed = "package=" + fingerprint + " sha256=" + sha;
            long end = System.nanoTime() + 60_000_000_000L;
            while (audit.query(AuditQuery.all(500)).stream().noneMatch(r -> r.event().detail().equals(hashed))
                    && System.nanoTime() < end) {
                app.injector().getInstance(org.iep.core.wiring.IepCore.class).packagePreparation()
                        .runOnce(java.time.Instant.now());
                Thread.sleep(50);
            }
            assertThat(audit.query(AuditQuery.all(500))).anySatisfy(r -> assertThat(r.event().detail())
                    .isEqualTo(hashed));
        }

        HttpResponse<byte[]> tail = patient.getBytes("/download?t=" + t, "Range", "bytes=5000-");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).contains("bytes 5000-" + (whole.body().length - 1)
                + "/" + whole.body().length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 5000, whole.body().length));
        assertThat(tail.headers().firstValue("ETag")).contains("\"" + sha + "\"");
        assertThat(patient.getBytes("/download?t=" + t, "Range", "bytes=5000-", "If-Range", "\"stale\"")
                .statusCode()).as("another version: the whole package").isEqualTo(200);
        assertThat(patient.getBytes("/download?t=" + t, "Range", "bytes=999999999-").statusCode()).isEqualTo(416);

        String csrf = first(CSRF, patient.get("/dashboard?tab=all").body());
        HttpResponse<String> shortPassword = patient.post("/download", Map.of("csrf", csrf, "t", t, "password",
                "short"));
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> locked = patient.postForBytes("/download", Map.of("csrf", csrf, "t", t, "password",
                "correct horse battery"));
        assertThat(locked.statusCode()).isEqualTo(200);
        Path aes = Files.write(data.resolve("locked.zip"), locked.body());
        try (var z = new net.lingala.zip4j.ZipFile(aes.toFile(), "correct horse battery".toCharArray())) {
            assertThat(z.isEncrypted()).isTrue();
            z.extractAll(data.resolve("opened").toString());
        }
        assertThat(data.resolve("opened/DICOMDIR")).exists();
    }
}
