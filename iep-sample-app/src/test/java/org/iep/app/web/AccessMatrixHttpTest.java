package org.iep.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.app.web.TestBrowser.CSRF;
import static org.iep.app.web.TestBrowser.TRANSACTION;
import static org.iep.app.web.TestBrowser.first;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iep.api.directory.User;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.spi.TransactionStore;
import org.iep.api.spi.UserStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.app.IepApplication;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.iep.app.demo.DemoData;
import org.iep.core.audit.ClientInfo;
import org.iep.core.transaction.NewTransfer;
import org.iep.core.transaction.PatientDetails;
import org.iep.core.transaction.SelectedStudy;
import org.iep.core.wiring.IepCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every individual's route against every other principal — nobody, another patient, a forwardee, a forged form —
 * must refuse and change nothing. Counts the unauthorised successes (must be 0).
 */
class AccessMatrixHttpTest {
    private static final IndividualRecipient OTHER = new IndividualRecipient("other@demo.example.org", "Brown",
            "Oliver", PostalAddress.NONE, "", "other.codes@demo.example.org", Locale.UK, PasscodeChannel.EMAIL);
    private static final IndividualRecipient FORWARDEE = new IndividualRecipient("fwd@demo.example.org", "Green",
            "Fiona", PostalAddress.NONE, "", "fwd.codes@demo.example.org", Locale.UK, PasscodeChannel.EMAIL);

    @TempDir
    Path data;
    private IepApplication app;
    private IepCore core;

    @BeforeEach
    void start() throws Exception {
        app = IepApplication.start(AppConfig.from(Settings.of(Map.of("iep.http.port", "0",
                "iep.dataDir", data.toString()))));
        core = app.injector().getInstance(IepCore.class);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void noRouteLetsAnyOtherPrincipalAct() throws Exception {
        TestBrowser owner = new TestBrowser(app);
        String ownerPage = owner.logIn(DemoData.PATIENT.email(), DemoData.PATIENT.passcodeEmail());
        String ownerCsrf = first(CSRF, ownerPage);
        String mine = first(TRANSACTION, ownerPage);

        sendTo(OTHER);
        TestBrowser other = new TestBrowser(app);
        String otherPage = other.logIn(OTHER.email(), OTHER.passcodeEmail());
        String otherCsrf = first(CSRF, otherPage);
        String theirs = first(TRANSACTION, otherPage);
        assertThat(theirs).isNotEqualTo(mine);
        assertThat(otherPage).doesNotContain(mine);

        // the owner forwards once through the wizard; the forwardee signs in
        Map<String, String> fwd = new java.util.HashMap<>(Map.of("csrf", ownerCsrf, "t", mine, "step", "4",
                "go", "send", "givenName", FORWARDEE.givenName(), "familyName", FORWARDEE.familyName(),
                "email", FORWARDEE.email(), "channel", "EMAIL", "passcodeEmail", FORWARDEE.passcodeEmail(),
                "disclaimer", "yes"));
        assertThat(owner.post("/forward", fwd).body()).contains("Images forwarded");
        TestBrowser forwardee = new TestBrowser(app);
        String fwdPage = forwardee.logIn(FORWARDEE.email(), FORWARDEE.passcodeEmail());
        String fwdCsrf = first(CSRF, fwdPage);
        String forwarded = first(TRANSACTION, fwdPage);
        assertThat(fwdPage).doesNotContain(">Forward<");

        // the owner is also asked for images, and has opened an upload others try to write into or confirm
        String asked = askForImages().id().value();
        assertThat(owner.get("/upload?t=" + asked).statusCode()).as("the owner may").isEqualTo(200);
        String upload = first(java.util.regex.Pattern.compile("\"session\":\"([A-Za-z0-9_-]+)\""),
                owner.post("/upload/session", Map.of("csrf", ownerCsrf, "t", asked)).body());

        TestBrowser nobody = new TestBrowser(app);
        Transaction mineBefore = find(mine);
        Transaction theirsBefore = find(theirs);
        List<String> successes = new ArrayList<>();
        record Attempt(String who, TestBrowser browser, String path, Map<String, String> form) {
        }
        List<Attempt> attempts = new ArrayList<>();
        for (String t : List.of(mine, theirs, forwarded, "../../etc/passwd", "")) {
            attempts.add(new Attempt("nobody", nobody, "/forward", Map.of("t", t)));
            attempts.add(new Attempt("nobody", nobody, "/decline", Map.of("t", t, "reason", "x")));
            attempts.add(new Attempt("nobody", nobody, "/download", Map.of("t", t, "password", "long enough 1")));
        }
        attempts.add(new Attempt("nobody", nobody, "/logout", Map.of()));
        for (String path : List.of("/forward", "/decline", "/download")) {
            attempts.add(new Attempt("other patient", other, path, Map.of("csrf", otherCsrf, "t", mine)));
            attempts.add(new Attempt("other patient", other, path, Map.of("csrf", otherCsrf, "t", mine,
                    "reason", "x")));
            attempts.add(new Attempt("forwardee on the source", forwardee, path, Map.of("csrf", fwdCsrf, "t", mine,
                    "reason", "x")));
            attempts.add(new Attempt("forged form", owner, path, Map.of("csrf", otherCsrf, "t", mine,
                    "reason", "x")));
            attempts.add(new Attempt("no csrf", owner, path, Map.of("t", mine, "reason", "x")));
        }
        for (String path : List.of("/upload/session", "/upload/confirm")) {
            attempts.add(new Attempt("nobody", nobody, path, Map.of("t", asked, "s", upload)));
            attempts.add(new Attempt("other patient", other, path, Map.of("csrf", otherCsrf, "t", asked,
                    "s", upload)));
            attempts.add(new Attempt("forwardee on another's request", forwardee, path, Map.of("csrf", fwdCsrf,
                    "t", asked, "s", upload)));
            attempts.add(new Attempt("forged form", owner, path, Map.of("csrf", otherCsrf, "t", asked,
                    "s", upload)));
            attempts.add(new Attempt("no csrf", owner, path, Map.of("t", asked, "s", upload)));
            attempts.add(new Attempt("owner on a transfer", owner, path, Map.of("csrf", ownerCsrf, "t", mine,
                    "s", upload)));
        }
        attempts.add(new Attempt("forwardee forwards again", forwardee, "/forward", Map.of("csrf", fwdCsrf,
                "t", forwarded)));
        attempts.add(new Attempt("forged logout", owner, "/logout", Map.of("csrf", otherCsrf)));

        for (Attempt a : attempts) {
            HttpResponse<String> r = a.browser().post(a.path(), a.form());
            if (r.statusCode() != 403) {
                successes.add(a.who() + " " + a.path() + " " + a.form().get("t") + " → " + r.statusCode());
            }
        }
        // chunks into the owner's upload session, each with the sender's own token (or a forged one)
        record Chunk(String who, TestBrowser browser, String token) {
        }
        String chunkPath = "/upload/chunk?t=" + asked + "&s=" + upload + "&name=evil.dcm&offset=0";
        for (Chunk c : List.of(new Chunk("nobody", nobody, ownerCsrf), new Chunk("other patient", other, otherCsrf),
                new Chunk("forwardee on another's request", forwardee, fwdCsrf),
                new Chunk("forged header", owner, otherCsrf), new Chunk("no header", owner, ""))) {
            HttpResponse<String> r = c.token().isEmpty() ? c.browser().postBytes(chunkPath, new byte[64])
                    : c.browser().postBytes(chunkPath, new byte[64], "X-CSRF-Token", c.token());
            if (r.statusCode() != 403) {
                successes.add(c.who() + " chunk → " + r.statusCode());
            }
        }
        assertThat(app.injector().getInstance(org.iep.core.upload.Uploads.class)
                .progress(new TransactionId(asked), upload)).as("no byte arrived in the owner's upload").isEmpty();
        assertThat(owner.postBytes(chunkPath, new byte[64], "X-CSRF-Token", ownerCsrf).body()).as("the owner may")
                .isEqualTo("{\"received\":64}");
        assertThat(nobody.get("/dashboard").statusCode()).isEqualTo(403);
        // viewing: the viewer page and the DICOMweb endpoints it reads
        record Read(String who, TestBrowser browser, String path) {
        }
        List<Read> reads = new ArrayList<>();
        for (String t : List.of(mine, theirs, forwarded)) {
            reads.add(new Read("nobody", nobody, "/download?t=" + t));
            reads.add(new Read("nobody", nobody, "/view?t=" + t));
            reads.add(new Read("nobody", nobody, "/dicomweb/t/" + t + "/studies"));
        }
        reads.add(new Read("nobody", nobody, "/upload?t=" + asked));
        reads.add(new Read("other patient", other, "/upload?t=" + asked));
        reads.add(new Read("forwardee on another's request", forwardee, "/upload?t=" + asked));
        reads.add(new Read("owner on a transfer", owner, "/upload?t=" + mine));
        reads.add(new Read("other patient", other, "/view?t=" + mine));
        reads.add(new Read("other patient", other, "/download?t=" + mine));
        reads.add(new Read("forwardee on the source", forwardee, "/download?t=" + mine));
        reads.add(new Read("other patient", other, "/dicomweb/t/" + mine + "/studies"));
        reads.add(new Read("other patient", other, "/dicomweb/t/" + mine + "/wado?requestType=WADO"));
        reads.add(new Read("forwardee on the source", forwardee, "/view?t=" + mine));
        reads.add(new Read("forwardee on the source", forwardee, "/dicomweb/t/" + mine + "/studies"));
        reads.add(new Read("owner on another's", owner, "/dicomweb/t/" + theirs + "/studies"));
        reads.add(new Read("owner, path tricks", owner, "/dicomweb/t/" + mine + "/../" + theirs + "/studies"));
        for (Read r : reads) {
            int status = r.browser().getBytes(r.path()).statusCode();
            if (status < 400) {
                successes.add(r.who() + " GET " + r.path() + " → " + status);
            }
        }
        assertThat(owner.getBytes("/dicomweb/t/" + mine + "/studies").statusCode()).as("the owner may")
                .isEqualTo(200);

        assertThat(successes).as("unauthorised successes").isEmpty();
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(20);
        assertThat(find(mine).status()).isEqualTo(mineBefore.status());
        assertThat(find(mine).forwardCount()).isEqualTo(1);
        assertThat(find(theirs)).isEqualTo(theirsBefore);
        // the owner's session survived the forged logout
        assertThat(owner.get("/dashboard").statusCode()).isEqualTo(200);
    }

    private Transaction find(String id) {
        return app.injector().getInstance(TransactionStore.class).find(new TransactionId(id)).orElseThrow();
    }

    private Transaction askForImages() {
        User admin = app.injector().getInstance(UserStore.class).findByEmail("admin@stee.example.org").orElseThrow();
        return core.transactions().createRequest(new org.iep.core.transaction.NewRequest(admin.id(),
                admin.institution(), new PatientDetails("DEMO0001", "STEE", "Jones", "Patricia",
                        LocalDate.of(1970, 1, 31), Sex.FEMALE, "9434765919", "", PostalAddress.NONE),
                DemoData.PATIENT, "Please send your CT.", Priority.NORMAL, Optional.empty()), ClientInfo.INTERNAL);
    }

    private void sendTo(IndividualRecipient r) {
        User admin = app.injector().getInstance(UserStore.class).findByEmail("admin@stee.example.org").orElseThrow();
        Transaction t = core.transactions().createTransfer(new NewTransfer(admin.id(), admin.institution(),
                new PatientDetails("DEMO0002", "STEE", "Brown", "Oliver", LocalDate.of(1980, 5, 5), Sex.MALE,
                        "9434765870", "", PostalAddress.NONE),
                r, List.of(new SelectedStudy("2.25.2000000000000000000000002", "DEMOACC2", "MR knee")),
                Priority.NORMAL, "", Optional.empty()), ClientInfo.INTERNAL);
        Party test = new Party.System("test");
        core.transactions().advance(t.id(), TransactionStatus.UPLOADING, "", test, ClientInfo.INTERNAL);
        core.transactions().advance(t.id(), TransactionStatus.ON_IEP, "", test, ClientInfo.INTERNAL);
    }
}
