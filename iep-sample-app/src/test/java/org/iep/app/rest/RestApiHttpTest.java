package org.iep.app.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.app.IepApplication;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.iep.app.dev.DevMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestApiHttpTest {
    private static final String TRANSFER = """
            {"patient": {"id": "P77", "issuer": "STEE", "familyName": "Jones", "givenName": "Patricia",
                         "birthDate": "1970-01-31", "sex": "female", "nhsNumber": "9434765919"},
             "recipient": {"type": "individual", "email": "patricia@demo.example.org", "familyName": "Jones",
                           "givenName": "Patricia", "phone": "+447700900123", "passcodeChannel": "sms"},
             "studies": [{"studyInstanceUid": "2.25.77", "accessionNumber": "ACC77", "description": "CT chest"}],
             "priority": "normal", "message": "Your CT"}
            """;

    @TempDir
    Path data;
    private IepApplication app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String base;
    private String steeKey;
    private String nteeKey;

    @BeforeEach
    void start() throws Exception {
        ApiClients.NewKey ntee = ApiClients.newKey("ntee-ris", "admin@ntee.example.org", new SecureRandom());
        nteeKey = ntee.key();
        Files.writeString(data.resolve("api-clients.properties"), ntee.fileLine() + "\n");
        app = IepApplication.start(AppConfig.from(Settings.of(Map.of("iep.http.port", "0",
                "iep.dataDir", data.toString()))));
        base = "http://127.0.0.1:" + app.httpPort();
        steeKey = demoKey();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void theOpenApiDocumentIsServedWithoutAKey() throws Exception {
        HttpResponse<String> r = send("GET", "/api/openapi.json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("paths").has("/transfers")).isTrue();
    }

    @Test
    void callsWithoutAValidKeyAreUnauthenticated() throws Exception {
        for (String key : new String[] {null, "nonsense", steeKey + "x", "iep_stee-ris_" + "A".repeat(43)}) {
            HttpResponse<String> r = send("GET", "/api/v1/audit", key, null);
            assertThat(r.statusCode()).as(String.valueOf(key)).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @Test
    void aRisCreatesATransferReadsItAddsAMessageCancelsItAndAuditsIt() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/transfers", steeKey, TRANSFER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode t = json.readTree(created.body());
        String tracking = t.get("trackingNumber").asText();
        assertThat(tracking).startsWith("STEE");
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/transactions/" + tracking);
        assertThat(t.get("studies").get(0).get("progress").asText()).isEqualTo("0/0");

        JsonNode read = json.readTree(send("GET", "/api/v1/transactions/" + tracking, steeKey, null).body());
        assertThat(read.get("patient").get("familyName").asText()).isEqualTo("Jones");

        HttpResponse<String> message = send("POST", "/api/v1/transactions/" + tracking + "/messages", steeKey,
                "{\"text\": \"Report to follow\"}");
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body()).contains("Report to follow");

        HttpResponse<String> cancelled = send("POST", "/api/v1/transactions/" + tracking + "/cancel", steeKey,
                "{\"reason\": \"Sent in error\"}");
        assertThat(json.readTree(cancelled.body()).get("status").asText()).isEqualTo("cancelled");

        JsonNode audit = json.readTree(send("GET", "/api/v1/audit?transaction=" + t.get("id").asText(), steeKey,
                null).body());
        assertThat(audit.get("records").findValuesAsText("action")).contains("transaction.create");
    }

    @Test
    void aTransferToAnotherHospitalNamesItsSourcePacsByAeTitle() throws Exception {
        String toNtee = TRANSFER.replaceAll("\"recipient\": \\{[^}]*\\}", "\"recipient\": {\"type\": \"institution\","
                + " \"code\": \"NTEE\"}").replace("\"priority\"", "\"sourceAeTitle\": \"STEE_PACS\", \"priority\"");
        HttpResponse<String> created = send("POST", "/api/v1/transfers", steeKey, toNtee);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode t = json.readTree(created.body());
        assertThat(t.get("sourceNode").asText()).isNotEmpty();
        assertThat(t.get("destinationNode").asText()).isNotEqualTo(t.get("sourceNode").asText());

        HttpResponse<String> unknown = send("POST", "/api/v1/transfers", steeKey,
                toNtee.replace("STEE_PACS", "NTEE_PACS"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("problems").findValuesAsText("field"))
                .containsExactly("sourceAeTitle");
    }

    @Test
    void aPseudonymisedTransferShowsNoOriginalAndOnlyItsInstitutionsAdministratorReidentifiesIt() throws Exception {
        String toResearch = TRANSFER.replaceAll("\"recipient\": \\{[^}]*\\}", "\"recipient\": {\"type\":"
                + " \"institution\", \"code\": \"NTEE\"}").replace("\"priority\"", "\"pseudonymisation\":"
                + " \"research\", \"priority\"");
        HttpResponse<String> created = send("POST", "/api/v1/transfers", steeKey, toResearch);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode t = json.readTree(created.body());
        String pseudonym = t.get("patient").get("id").asText();
        assertThat(pseudonym).startsWith("P").hasSize(12);
        assertThat(created.body()).doesNotContain("P77").doesNotContain("Jones").doesNotContain("2.25.77")
                .doesNotContain("ACC77");
        var tx = app.injector().getInstance(org.iep.api.spi.TransactionStore.class)
                .findByTracking(new org.iep.api.transaction.TrackingNumber(t.get("trackingNumber").asText()))
                .orElseThrow();
        app.injector().getInstance(org.iep.core.ingest.Ingest.class).ingest(tx.id(),
                new java.io.ByteArrayInputStream(instanceOfP77()),
                new org.iep.core.ingest.IngestSource(new org.iep.api.transaction.Party.System("test"),
                        org.iep.core.audit.ClientInfo.INTERNAL, "TEST"));
        String ask = "{\"profile\": \"research\", \"pseudonym\": \"" + pseudonym + "\"}";

        HttpResponse<String> answer = send("POST", "/api/v1/pseudonyms/reidentify", steeKey, ask);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode link = json.readTree(answer.body());
        assertThat(link.get("pseudonym").asText()).isEqualTo(pseudonym);
        assertThat(link.get("patientId").asText()).isEqualTo("P77");
        assertThat(link.get("patientName").asText()).isEqualTo("Jones^Patricia");
        assertThat(send("POST", "/api/v1/pseudonyms/reidentify", nteeKey, ask).statusCode())
                .as("another institution's administrator").isEqualTo(404);
        assertThat(send("POST", "/api/v1/pseudonyms/reidentify", steeKey, ask.replace("research", "teaching"))
                .statusCode()).isEqualTo(404);
        JsonNode audit = json.readTree(send("GET", "/api/v1/audit", steeKey, null).body());
        assertThat(audit.get("records").findValuesAsText("action")).contains("pseudonym.reidentify");
    }

    @Test
    void theSenderAttachesTextAndPdfReportsOnceEachAndNobodyElseCan() throws Exception {
        String toNtee = TRANSFER.replaceAll("\"recipient\": \\{[^}]*\\}", "\"recipient\": {\"type\": \"institution\","
                + " \"code\": \"NTEE\"}");
        String tracking = json.readTree(send("POST", "/api/v1/transfers", steeKey, toNtee).body())
                .get("trackingNumber").asText();
        String reports = "/api/v1/transactions/" + tracking + "/reports";

        HttpResponse<String> text = send("POST", reports, steeKey,
                "{\"studyInstanceUid\": \"2.25.77\", \"text\": \"CT chest: no acute abnormality.\"}");
        assertThat(text.statusCode()).as(text.body()).isEqualTo(201);
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 2; i++) { // the resend with the same key attaches nothing more
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + reports + "?study=2.25.77"))
                    .header("Authorization", "Bearer " + steeKey).header("Content-Type", "application/pdf")
                    .header("Idempotency-Key", "ris-report-881").POST(HttpRequest.BodyPublishers.ofByteArray(pdf))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        JsonNode t = json.readTree(send("GET", "/api/v1/transactions/" + tracking, steeKey, null).body());
        assertThat(t.get("reports").findValuesAsText("mediaType")).containsExactly("text/plain", "application/pdf");

        HttpResponse<String> notPdf = http.send(HttpRequest.newBuilder(URI.create(base + reports + "?study=2.25.77"))
                .header("Authorization", "Bearer " + steeKey).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofString("<html>a letter</html>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notPdf.statusCode()).isEqualTo(400);
        HttpResponse<String> wrongStudy = send("POST", reports, steeKey,
                "{\"studyInstanceUid\": \"2.25.99\", \"text\": \"x\"}");
        assertThat(wrongStudy.statusCode()).isEqualTo(400);
        // the recipient sees the transfer but may not add to the sender's reports
        HttpResponse<String> recipient = send("POST", reports, nteeKey,
                "{\"studyInstanceUid\": \"2.25.77\", \"text\": \"ours\"}");
        assertThat(recipient.statusCode()).isEqualTo(403);
        assertThat(json.readTree(send("GET", "/api/v1/transactions/" + tracking, steeKey, null).body())
                .get("reports")).hasSize(2);
    }

    @Test
    void theSendersSystemUploadsDicomAndADocumentInResumableChunksAndConfirmsThemWhole() throws Exception {
        String tracking = json.readTree(send("POST", "/api/v1/transfers", steeKey, TRANSFER).body())
                .get("trackingNumber").asText();
        String uploads = "/api/v1/transactions/" + tracking + "/uploads";
        HttpResponse<String> opened = send("POST", uploads, steeKey, null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String session = json.readTree(opened.body()).get("session").asText();
        byte[] ct = Files.readAllBytes(Path.of("../../shared/dicom/corpus/CT_small.dcm"));
        String file = uploads + "/" + session + "/files/";

        assertThat(put(file + "IM0001?offset=0", java.util.Arrays.copyOfRange(ct, 0, 1000)).body())
                .contains("\"received\":1000");
        HttpResponse<String> stale = put(file + "IM0001?offset=0", java.util.Arrays.copyOfRange(ct, 0, 1000));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).get("received").asLong()).isEqualTo(1000);
        assertThat(put(file + "IM0001?offset=1000", java.util.Arrays.copyOfRange(ct, 1000, ct.length))
                .statusCode()).isEqualTo(200);
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(put(file + "letter.pdf?offset=0", pdf).statusCode()).isEqualTo(200);
        // someone else's system cannot add to it, nor see the session
        assertThat(send("POST", uploads + "/" + session + "/confirm", nteeKey, null).statusCode()).isEqualTo(404);

        HttpResponse<String> confirmed = send("POST", uploads + "/" + session + "/confirm?message=CT%20attached",
                steeKey, null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode receipt = json.readTree(confirmed.body());
        assertThat(receipt.get("instancesStored").asInt()).isEqualTo(1);
        assertThat(receipt.get("documents").findValuesAsText("mediaType")).containsExactly("application/pdf");
        JsonNode t = json.readTree(send("GET", "/api/v1/transactions/" + tracking, steeKey, null).body());
        assertThat(t.get("reports").findValuesAsText("fileName")).containsExactly("letter.pdf");
        assertThat(t.get("messages").findValuesAsText("text")).contains("CT attached");
        assertThat(send("POST", uploads + "/" + session + "/confirm", steeKey, null).statusCode())
                .as("a confirmed session is gone").isEqualTo(409);
    }

    private HttpResponse<String> put(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + steeKey)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyTransactionRouteRefusesEveryOtherCallerAndChangesNothing() throws Exception {
        String tracking = json.readTree(send("POST", "/api/v1/transfers", steeKey, TRANSFER).body())
                .get("trackingNumber").asText();
        String tx = "/api/v1/transactions/" + tracking;
        String session = json.readTree(send("POST", tx + "/uploads", steeKey, null).body()).get("session").asText();
        JsonNode before = json.readTree(send("GET", tx, steeKey, null).body());
        String[][] routes = {{"GET", tx, null}, {"POST", tx + "/messages", "{\"text\": \"hi\"}"},
            {"POST", tx + "/cancel", "{\"reason\": \"x\"}"},
            {"POST", tx + "/reports", "{\"studyInstanceUid\": \"2.25.77\", \"text\": \"x\"}"},
            {"POST", tx + "/uploads", null}, {"PUT", tx + "/uploads/" + session + "/files/IM1?offset=0", "x"},
            {"POST", tx + "/uploads/" + session + "/confirm", null}};
        String[] callers = {null, "iep_stee-ris_" + "A".repeat(43), nteeKey};
        int attempts = 0;
        for (String[] r : routes) {
            for (String key : callers) {
                HttpResponse<String> answer = send(r[0], r[1], key, r[2]);
                assertThat(answer.statusCode()).as(r[0] + " " + r[1] + " as " + (key == null ? "nobody" : key))
                        .isIn(401, 403, 404);
                attempts++;
            }
        }
        assertThat(attempts).isEqualTo(21);
        JsonNode after = json.readTree(send("GET", tx, steeKey, null).body());
        assertThat(after).isEqualTo(before);
        assertThat(send("GET", "/api/v1/audit?transaction=" + before.get("id").asText(), steeKey, null).body())
                .doesNotContain("\"action\":\"transaction.message\"").doesNotContain("attachment.added");
    }

    @Test
    void badBodiesListEveryProblemAndCreateNothing() throws Exception {
        String bad = TRANSFER.replace("1970-01-31", "31/01/1970").replace("\"normal\"", "\"urgent\"")
                .replace("9434765919", "1234567890").replace("\"Patricia\",\n", "\"\",\n");
        HttpResponse<String> r = send("POST", "/api/v1/transfers", steeKey, bad);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("code").asText()).isEqualTo("IEP-1001");
        assertThat(problem.get("problems").findValuesAsText("field")).contains("patient.birthDate", "priority");
        assertThat(send("POST", "/api/v1/transfers", steeKey, "{not json").statusCode()).isEqualTo(400);
        // an oversize body is refused from its declared length: a 400, or the connection cut while still sending
        try {
            // a client of its own: the server may close this connection
            HttpResponse<String> oversize = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/transfers"))
                    .header("Authorization", "Bearer " + steeKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(ApiServlet.MAX_BODY + 1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(oversize.statusCode()).isEqualTo(400);
        } catch (java.io.IOException cut) {
            // answered and closed before the client finished sending: the client then sees no answer, a reset or a
            // broken pipe, by timing; that nothing was created is checked below
        }
        HttpResponse<String> valid = send("POST", "/api/v1/transfers", steeKey, TRANSFER);
        assertThat(json.readTree(valid.body()).get("trackingNumber").asText())
                .as("the refused attempts used no tracking number").isEqualTo("STEE0000002");
    }

    @Test
    void anotherInstitutionsTransactionsLookAbsent() throws Exception {
        String tracking = json.readTree(send("POST", "/api/v1/transfers", steeKey, TRANSFER).body())
                .get("trackingNumber").asText();

        HttpResponse<String> probe = send("GET", "/api/v1/transactions/" + tracking, nteeKey, null);
        HttpResponse<String> absent = send("GET", "/api/v1/transactions/STEE9999999", nteeKey, null);
        HttpResponse<String> cancel = send("POST", "/api/v1/transactions/" + tracking + "/cancel", nteeKey,
                "{\"reason\": \"x\"}");

        assertThat(probe.statusCode()).isEqualTo(404);
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(json.readTree(send("GET", "/api/v1/transactions/" + tracking, steeKey, null).body())
                .get("status").asText()).isNotEqualTo("cancelled");
    }

    /** A small CT instance of patient P77 (Jones^Patricia) in study 2.25.77. */
    private static byte[] instanceOfP77() {
        org.iep.dicom.data.Attributes ds = new org.iep.dicom.data.Attributes();
        ds.setString(org.iep.dicom.data.Tags.SOPClassUID, org.iep.dicom.data.VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(org.iep.dicom.data.Tags.SOPInstanceUID, org.iep.dicom.data.VR.UI, "2.25.77.1.1");
        ds.setString(org.iep.dicom.data.Tags.StudyInstanceUID, org.iep.dicom.data.VR.UI, "2.25.77");
        ds.setString(org.iep.dicom.data.Tags.SeriesInstanceUID, org.iep.dicom.data.VR.UI, "2.25.77.1");
        ds.setString(org.iep.dicom.data.Tags.PatientID, org.iep.dicom.data.VR.LO, "P77");
        ds.setString(org.iep.dicom.data.Tags.PatientName, org.iep.dicom.data.VR.PN, "Jones^Patricia");
        ds.setString(org.iep.dicom.data.Tags.PatientBirthDate, org.iep.dicom.data.VR.DA, "19700131");
        ds.setString(org.iep.dicom.data.Tags.AccessionNumber, org.iep.dicom.data.VR.SH, "ACC77");
        ds.setString(org.iep.dicom.data.Tags.Modality, org.iep.dicom.data.VR.CS, "CT");
        return new org.iep.dicom.io.DicomWriter().toBytes(new org.iep.dicom.data.Attributes(), ds,
                org.iep.dicom.dict.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
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
        throw new AssertionError("the demo API key was not mailed");
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
