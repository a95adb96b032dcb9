package org.iep.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.app.web.TestBrowser.TRANSACTION;
import static org.iep.app.web.TestBrowser.first;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.api.content.IndexedInstance;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.transaction.TransactionId;
import org.iep.app.IepApplication;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.iep.app.demo.DemoData;
import org.iep.app.dev.DevMailbox;
import org.iep.dicom.io.DicomReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QIDO-RS, WADO-RS and WADO-URI on the demo transfer, as the patient's viewer and as the sending RIS. */
class DicomWebHttpTest {
    @TempDir
    Path data;
    private IepApplication app;
    private TestBrowser patient;
    private final ObjectMapper json = new ObjectMapper();

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

    private String demoTransaction() throws Exception {
        return first(TRANSACTION, patient.logIn(DemoData.PATIENT.email(), DemoData.PATIENT.passcodeEmail()));
    }

    @Test
    void thePatientsViewerQueriesAndRetrievesTheDemoSeries() throws Exception {
        assertThat(patient.getBytes("/dicomweb/t/x1234567/studies").statusCode()).as("no session").isEqualTo(401);
        String t = demoTransaction();
        String base = "/dicomweb/t/" + t;
        List<IndexedInstance> stored = app.injector().getInstance(InstanceIndex.class)
                .byTransaction(new TransactionId(t));

        HttpResponse<byte[]> studies = patient.getBytes(base + "/studies");
        assertThat(studies.statusCode()).isEqualTo(200);
        assertThat(studies.headers().firstValue("Content-Type")).hasValueSatisfying(
                c -> assertThat(c).startsWith("application/dicom+json"));
        assertThat(studies.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode study = json.readTree(studies.body()).get(0);
        String studyUid = study.get("0020000D").get("Value").get(0).asText();
        assertThat(studyUid).isEqualTo(stored.get(0).studyInstanceUid());
        assertThat(study.get("00201208").get("Value").get(0).asText()).isEqualTo("8");
        assertThat(study.get("00080061").get("Value").get(0).asText()).isEqualTo("CT");

        JsonNode series = json.readTree(patient.getBytes(base + "/studies/" + studyUid + "/series").body()).get(0);
        String seriesUid = series.get("0020000E").get("Value").get(0).asText();
        String seriesPath = base + "/studies/" + studyUid + "/series/" + seriesUid;
        assertThat(json.readTree(patient.getBytes(seriesPath + "/instances").body())).hasSize(8);

        JsonNode metadata = json.readTree(patient.getBytes(seriesPath + "/metadata").body());
        assertThat(metadata).hasSize(8);
        assertThat(metadata.get(0).get("7FE00010").get("BulkDataURI").asText()).contains(seriesPath + "/instances/");

        IndexedInstance one = stored.get(3);
        HttpResponse<byte[]> wadoRs = patient.getBytes(seriesPath + "/instances/" + one.sopInstanceUid());
        assertThat(wadoRs.statusCode()).isEqualTo(200);
        String type = wadoRs.headers().firstValue("Content-Type").orElseThrow();
        assertThat(type).startsWith("multipart/related").contains("type=\"application/dicom\"");
        byte[] part = onlyPart(wadoRs.body(), type.substring(type.indexOf("boundary=") + 9));
        assertThat(sha256(part)).isEqualTo(one.sha256());
        assertThat(DicomReader.read(part).dataSet().getString(0x00080018)).isEqualTo(one.sopInstanceUid());

        HttpResponse<byte[]> wadoUri = patient.getBytes(base + "/wado?requestType=WADO&studyUID=" + studyUid
                + "&seriesUID=" + seriesUid + "&objectUID=" + one.sopInstanceUid() + "&contentType=application%2Fdicom");
        assertThat(wadoUri.headers().firstValue("Content-Type")).contains("application/dicom");
        assertThat(sha256(wadoUri.body())).isEqualTo(one.sha256());

        assertThat(patient.getBytes(seriesPath + "/instances/1.2.3.4").statusCode()).isEqualTo(404);
        assertThat(patient.getBytes("/dicomweb/t/0123456789abcdef/studies").statusCode()).as("not theirs")
                .isIn(403, 404);
    }

    @Test
    void theSendingRisUsesItsApiKeyAndOthersGetNothing() throws Exception {
        String t = demoTransaction();
        TestBrowser ris = new TestBrowser(app);
        String key = demoKey();

        HttpResponse<byte[]> studies = ris.getBytes("/dicomweb/t/" + t + "/studies", "Authorization",
                "Bearer " + key);
        assertThat(studies.statusCode()).isEqualTo(200);
        assertThat(json.readTree(studies.body())).hasSize(1);
        assertThat(ris.getBytes("/dicomweb/t/" + t + "/studies", "Authorization", "Bearer nonsense").statusCode())
                .isEqualTo(401);
        assertThat(ris.getBytes("/dicomweb/t/" + t + "/studies").statusCode()).as("no key, no session")
                .isEqualTo(401);
    }

    @Test
    void theSendingRisAddsAnInstanceOverStowAndFailuresAreListedWithReasons() throws Exception {
        String t = demoTransaction();
        String key = demoKey();
        TestBrowser ris = new TestBrowser(app);
        IndexedInstance one = app.injector().getInstance(InstanceIndex.class).byTransaction(new TransactionId(t))
                .get(0);
        byte[] stored = ris.getBytes("/dicomweb/t/" + t + "/wado?requestType=WADO&studyUID="
                + one.studyInstanceUid() + "&seriesUID=" + one.seriesInstanceUid() + "&objectUID="
                + one.sopInstanceUid(), "Authorization", "Bearer " + key).body();
        var file = DicomReader.read(stored);
        file.dataSet().setString(0x00080018, org.iep.dicom.data.VR.UI, one.sopInstanceUid() + ".99");
        byte[] added = new org.iep.dicom.io.DicomWriter().toBytes(new org.iep.dicom.data.Attributes(),
                file.dataSet(), file.transferSyntax());
        file.dataSet().setString(0x0020000D, org.iep.dicom.data.VR.UI, "2.25.123");
        file.dataSet().setString(0x00080018, org.iep.dicom.data.VR.UI, one.sopInstanceUid() + ".98");
        byte[] otherStudy = new org.iep.dicom.io.DicomWriter().toBytes(new org.iep.dicom.data.Attributes(),
                file.dataSet(), file.transferSyntax());
        String boundary = "iep-test-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (byte[] part : List.of(added, otherStudy, "not an image".getBytes(StandardCharsets.US_ASCII))) {
            body.write(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(part);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + app.httpPort() + "/dicomweb/t/" + t + "/studies/" + one.studyInstanceUid()))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode answer = json.readTree(r.body());
        assertThat(answer.get("00081199").get("Value")).singleElement().satisfies(i -> assertThat(
                i.get("00081155").get("Value").get(0).asText()).isEqualTo(one.sopInstanceUid() + ".99"));
        assertThat(answer.get("00081198").get("Value")).hasSize(2);
        List<Integer> reasons = new java.util.ArrayList<>();
        answer.get("00081198").get("Value").forEach(i -> reasons.add(i.get("00081197").get("Value").get(0).asInt()));
        assertThat(reasons).as("study mismatch, not DICOM").containsExactlyInAnyOrder(0xA900, 0x0110);
        assertThat(app.injector().getInstance(InstanceIndex.class).byTransaction(new TransactionId(t))).hasSize(9);
        assertThat(data.resolve("spool/stow")).isEmptyDirectory();
        HttpResponse<String> anonymous = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + app.httpPort() + "/dicomweb/t/" + t + "/studies"))
                .header("Content-Type", "multipart/related; boundary=x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--x--")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private String demoKey() throws InterruptedException {
        DevMailbox mailbox = app.injector().getInstance(DevMailbox.class);
        Pattern key = Pattern.compile("(iep_stee-ris_[A-Za-z0-9_-]{43})");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (DevMailbox.Entry e : mailbox.entries()) {
                Matcher m = key.matcher(e.body());
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no demo API key in the dev mailbox");
    }

    /** The body of the single part of a multipart/related response. */
    private static byte[] onlyPart(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int headersEnd = text.indexOf("\r\n\r\n", text.indexOf("--" + boundary)) + 4;
        int end = text.indexOf("\r\n--" + boundary + "--", headersEnd);
        assertThat(text.indexOf("--" + boundary, headersEnd)).isEqualTo(end + 2);
        return Arrays.copyOfRange(body, headersEnd, end);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
