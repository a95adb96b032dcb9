package org.iep.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.app.web.TestBrowser.CSRF;
import static org.iep.app.web.TestBrowser.first;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.iep.api.directory.User;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.UserStore;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.app.IepApplication;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.iep.app.demo.DemoData;
import org.iep.core.audit.ClientInfo;
import org.iep.core.transaction.NewRequest;
import org.iep.core.transaction.PatientDetails;
import org.iep.core.wiring.IepCore;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo patient answers a request over HTTP the way upload.js does: a session, chunks with the CSRF header, a
 * resume from the offset the server reports, then confirm. Refusals (a disguised file, a second patient) store
 * nothing; a chunk without the session's token, of another visitor or over the limit is refused before it is read.
 */
class UploadHttpTest {
    private static final Pattern SESSION = Pattern.compile("\"session\":\"([A-Za-z0-9_-]+)\"");
    private static final Pattern RECEIVED = Pattern.compile("\"received\":(\\d+)");

    @TempDir
    Path data;
    private IepApplication app;
    private TestBrowser patient;
    private Transaction request;

    @BeforeEach
    void start() throws Exception {
        app = IepApplication.start(AppConfig.from(Settings.of(Map.of("iep.http.port", "0",
                "iep.dataDir", data.toString()))));
        patient = new TestBrowser(app);
        User admin = app.injector().getInstance(UserStore.class).findByEmail("admin@stee.example.org").orElseThrow();
        request = app.injector().getInstance(IepCore.class).transactions().createRequest(new NewRequest(admin.id(),
                admin.institution(), new PatientDetails("DEMO0001", "STEE", "Jones", "Patricia",
                        LocalDate.of(1970, 1, 31), Sex.FEMALE, "9434765919", "", PostalAddress.NONE),
                DemoData.PATIENT, "Please send the CT you had at St Mary's.", Priority.NORMAL, Optional.empty()),
                ClientInfo.INTERNAL);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void chunksResumeFromTheReportedOffsetThenConfirmStoresThemAndMailsAReceipt() throws Exception {
        String t = request.id().value();
        String dashboard = patient.logIn(DemoData.PATIENT.email(), DemoData.PATIENT.passcodeEmail());
        assertThat(dashboard).contains("id=\"upload-" + request.tracking().value() + "\"");
        String page = patient.get("/upload?t=" + t).body();
        assertThat(page).contains(request.tracking().value()).contains("/static/upload.js");
        String csrf = first(CSRF, page);
        String session = open(csrf, t);

        byte[] one = image("DEMO0001", "Jones^Patricia", 1);
        byte[] two = image("DEMO0001", "Jones^Patricia", 2);
        assertThat(chunk(csrf, t, session, "IM0001", 0, Arrays.copyOfRange(one, 0, 1000)).body())
                .isEqualTo("{\"received\":1000}");
        // the connection dropped after the server had 1000 bytes; the script retries from 0 and is told 1000
        HttpResponse<String> stale = chunk(csrf, t, session, "IM0001", 0, Arrays.copyOfRange(one, 0, 1000));
        assertThat(stale.statusCode()).isEqualTo(409);
        long resumeAt = Long.parseLong(first(RECEIVED, stale.body()));
        assertThat(resumeAt).isEqualTo(1000);
        assertThat(chunk(csrf, t, session, "IM0001", resumeAt, Arrays.copyOfRange(one, 1000, one.length)).body())
                .isEqualTo("{\"received\":" + one.length + "}");
        assertThat(chunk(csrf, t, session, "IM0002", 0, two).statusCode()).isEqualTo(200);

        assertThat(page).contains("name=\"message\"");
        HttpResponse<String> done = patient.post("/upload/confirm", Map.of("csrf", csrf, "t", t, "s", session,
                "message", "The two slices from my CD."));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(app.injector().getInstance(org.iep.api.spi.TransactionStore.class).find(request.id())
                .orElseThrow().messages()).last().satisfies(m -> {
                    assertThat(m.text()).isEqualTo("The two slices from my CD.");
                    assertThat(m.author()).isInstanceOf(org.iep.api.transaction.Party.Individual.class);
                });
        assertThat(done.body()).contains("Your images were sent").contains("2 images and 0 documents were received");
        assertThat(app.injector().getInstance(InstanceIndex.class).byTransaction(request.id())).hasSize(2);
        assertThat(TestBrowser.mailed(app, DemoData.PATIENT.email(),
                Pattern.compile("(" + request.tracking().value() + ")"))).as("the receipt").isNotBlank();
    }

    @Test
    void refusedFilesAreListedWithTheirReasonAndAMixedUploadNamesBothPatients() throws Exception {
        String t = request.id().value();
        patient.logIn(DemoData.PATIENT.email(), DemoData.PATIENT.passcodeEmail());
        String csrf = first(CSRF, patient.get("/upload?t=" + t).body());

        String disguised = open(csrf, t);
        chunk(csrf, t, disguised, "IM0001", 0, image("DEMO0001", "Jones^Patricia", 1));
        chunk(csrf, t, disguised, "letter.pdf", 0,
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> refused = patient.post("/upload/confirm", Map.of("csrf", csrf, "t", t, "s", disguised));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"upload-problems\"").contains("letter.pdf")
                .contains("the content is markup").doesNotContain("<script>alert");

        String mixed = open(csrf, t);
        chunk(csrf, t, mixed, "IM0001", 0, image("DEMO0001", "Jones^Patricia", 1));
        chunk(csrf, t, mixed, "IM0003", 0, image("X999", "Smith^John", 3));
        HttpResponse<String> twoPatients = patient.post("/upload/confirm", Map.of("csrf", csrf, "t", t, "s", mixed));
        assertThat(twoPatients.statusCode()).isEqualTo(400);
        assertThat(first(Pattern.compile("(?s)<ul id=\"patients-found\">(.*?)</ul>"), twoPatients.body()))
                .contains("Jones Patricia (DEMO0001").contains("Smith John (X999");
        assertThat(app.injector().getInstance(InstanceIndex.class).byTransaction(request.id()))
                .as("nothing stored by either refusal").isEmpty();
    }

    @Test
    void chunksWithoutTheSessionsTokenFromAnotherVisitorOrOverTheLimitAreRefused() throws Exception {
        String t = request.id().value();
        patient.logIn(DemoData.PATIENT.email(), DemoData.PATIENT.passcodeEmail());
        String csrf = first(CSRF, patient.get("/upload?t=" + t).body());
        String session = open(csrf, t);
        byte[] one = image("DEMO0001", "Jones^Patricia", 1);

        assertThat(chunk("forged", t, session, "IM0001", 0, one).statusCode()).isEqualTo(403);
        assertThat(new TestBrowser(app).postBytes(path(t, session, "IM0001", 0), one, "X-CSRF-Token", csrf)
                .statusCode()).as("no session").isEqualTo(403);
        assertThat(new TestBrowser(app).post("/upload/session", Map.of("csrf", csrf, "t", t)).statusCode())
                .isEqualTo(403);
        assertThat(patient.post("/upload/session", Map.of("t", t)).statusCode()).as("no csrf field")
                .isEqualTo(403);
        HttpResponse<String> tooBig = chunk(csrf, t, session, "IM0001", 0, new byte[8 * 1024 * 1024 + 1]);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(chunk(csrf, t, session, "IM0001", -5, one).statusCode()).isEqualTo(400);
        assertThat(patient.post("/upload/confirm", Map.of("csrf", csrf, "t", t, "s", session)).body())
                .as("nothing arrived, so nothing to confirm").doesNotContain("Your images were sent");
        assertThat(app.injector().getInstance(InstanceIndex.class).byTransaction(request.id())).isEmpty();
    }

    private String open(String csrf, String t) throws Exception {
        HttpResponse<String> r = patient.post("/upload/session", Map.of("csrf", csrf, "t", t));
        assertThat(r.statusCode()).isEqualTo(200);
        return first(SESSION, r.body());
    }

    private HttpResponse<String> chunk(String csrf, String t, String session, String name, long offset, byte[] body)
            throws Exception {
        return patient.postBytes(path(t, session, name, offset), body, "X-CSRF-Token", csrf);
    }

    private static String path(String t, String session, String name, long offset) {
        return "/upload/chunk?t=" + t + "&s=" + session + "&name=" + name + "&offset=" + offset;
    }

    /** A small secondary-capture instance of the given patient (same study, so only the patient differs). */
    private static byte[] image(String patientId, String name, int n) {
        Attributes ds = new Attributes();
        ds.setString(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(0x00080018, VR.UI, "2.25.777" + n);
        ds.setString(0x00080060, VR.CS, "OT");
        ds.setString(0x00100010, VR.PN, name);
        ds.setString(0x00100020, VR.LO, patientId);
        ds.setString(0x0020000D, VR.UI, "2.25.7770");
        ds.setString(0x0020000E, VR.UI, "2.25.7771");
        ds.setInt(0x00280002, VR.US, 1);
        ds.setString(0x00280004, VR.CS, "MONOCHROME2");
        ds.setInt(0x00280010, VR.US, 64);
        ds.setInt(0x00280011, VR.US, 64);
        ds.setInt(0x00280100, VR.US, 8);
        ds.setInt(0x00280101, VR.US, 8);
        ds.setInt(0x00280102, VR.US, 7);
        ds.setInt(0x00280103, VR.US, 0);
        byte[] pixels = new byte[64 * 64];
        new Random(n).nextBytes(pixels);
        ds.setBytes(0x7FE00010, VR.OB, pixels);
        return new DicomWriter().toBytes(new Attributes(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }
}
