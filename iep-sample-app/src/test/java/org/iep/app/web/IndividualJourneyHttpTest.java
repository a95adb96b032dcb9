package org.iep.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.app.web.TestBrowser.CODE;
import static org.iep.app.web.TestBrowser.CSRF;
import static org.iep.app.web.TestBrowser.LINK;
import static org.iep.app.web.TestBrowser.TRANSACTION;
import static org.iep.app.web.TestBrowser.first;
import static org.iep.app.web.TestBrowser.mailed;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iep.app.IepApplication;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.iep.app.demo.DemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The individual's journey over HTTP against the running portal and its demo transfer (no browser). */
class IndividualJourneyHttpTest {
    @TempDir
    Path data;
    private IepApplication app;
    private TestBrowser browser;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        app = IepApplication.start(AppConfig.from(Settings.of(Map.of("iep.http.port", "0",
                "iep.dataDir", data.toString()))));
        browser = new TestBrowser(app);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void linkPasscodeDashboardForwardDeclineAndSignOut() throws Exception {
        String token = mailed(app, DemoData.PATIENT.email(), LINK);

        HttpResponse<String> opened = browser.get("/a/" + token);
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).contains("/login");
        assertThat(browser.cookie("iep_link")).hasValueSatisfying(c -> assertThat(c.isHttpOnly()).isTrue());

        String login = browser.get("/login").body();
        assertThat(login).contains("Send me a passcode").doesNotContain(token);
        String csrf = first(CSRF, login);
        HttpResponse<String> sent = browser.post("/login", Map.of("csrf", csrf, "action", "send"));
        assertThat(sent.body()).contains("pa").contains("***").doesNotContain(DemoData.PATIENT.passcodeEmail());

        HttpResponse<String> wrong = browser.post("/login", Map.of("csrf", csrf, "action", "verify", "code", "abc"));
        assertThat(wrong.body()).contains("not right").contains("4 more tries");

        String code = mailed(app, DemoData.PATIENT.passcodeEmail(), CODE);
        HttpResponse<String> verified = browser.post("/login", Map.of("csrf", csrf, "action", "verify",
                "code", code));
        assertThat(verified.statusCode()).isEqualTo(303);
        assertThat(verified.headers().firstValue("Location")).contains("/dashboard");
        assertThat(browser.cookie("iep_link")).isEmpty();
        assertThat(browser.cookie("iep_session")).isPresent();

        String dashboard = browser.get("/dashboard").body();
        assertThat(dashboard).contains("Your images").contains("CT head").contains("Forward").contains("Decline")
                .contains("St Elsewhere Hospital");
        String session = first(CSRF, dashboard);
        String t = first(TRANSACTION, dashboard);

        // the forward wizard: four steps, then the core creates the forward
        Map<String, String> who = new LinkedHashMap<>(Map.of("csrf", session, "t", t, "givenName", "Gregory",
                "familyName", "House", "email", "gp@demo.example.org", "language", "en"));
        assertThat(browser.post("/forward", Map.of("csrf", session, "t", t)).body()).contains("Step 1 of 4");
        who.put("step", "1");
        who.put("go", "next");
        assertThat(browser.post("/forward", who).body()).contains("Step 2 of 4");
        who.putAll(Map.of("step", "2", "channel", "SMS", "phone", "+447700900456"));
        assertThat(browser.post("/forward", who).body()).contains("Step 3 of 4");
        who.putAll(Map.of("step", "3", "message", "For your records"));
        assertThat(browser.post("/forward", who).body()).contains("Step 4 of 4").contains("I confirm");
        who.putAll(Map.of("step", "4", "go", "send"));
        assertThat(browser.post("/forward", who).statusCode()).as("disclaimer not ticked").isEqualTo(400);
        who.put("disclaimer", "yes");
        assertThat(browser.post("/forward", who).body()).contains("Images forwarded");
        assertThat(mailed(app, "gp@demo.example.org", LINK)).isNotEqualTo(token);

        // decline: the form, then the decline itself; access ends at once
        assertThat(browser.post("/decline", Map.of("csrf", session, "t", t)).body()).contains("Why are you declining");
        assertThat(browser.post("/decline", Map.of("csrf", session, "t", t, "reason", "Not my scan")).body())
                .contains("You have declined");
        assertThat(browser.post("/forward", Map.of("csrf", session, "t", t)).statusCode()).isEqualTo(403);

        String sessionId = browser.cookie("iep_session").orElseThrow().getValue();
        assertThat(browser.post("/logout", Map.of("csrf", session)).body()).contains("signed out");
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(403);
        assertThat(logged()).isNotEmpty();
        assertNotLogged(token, code, sessionId);
    }

    @Test
    void swedishBrowsersGetSwedishPagesAndUnknownLinksAClearPage() throws Exception {
        assertThat(browser.get("/login", "sv-SE,sv;q=0.9,en;q=0.5").body()).contains("Öppna länken");
        assertThat(browser.get("/login", "de").body()).contains("Open the link from your e-mail");
        assertThat(browser.get("/a/short", "sv").body()).contains("Länken är inte giltig");
        // a well-formed but unknown token is only found out when a code is asked for; nothing is sent
        assertThat(browser.get("/a/aWellFormedTokenThatWasNeverIssued0123456789").statusCode()).isEqualTo(303);
        HttpResponse<String> refused = browser.post("/login", Map.of("csrf", first(CSRF, browser.get("/login").body()),
                "action", "send"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This link is not valid");
    }

    /** What was logged so far; the portal's threads may still be logging (the appender appends under its lock). */
    private List<ILoggingEvent> logged() {
        synchronized (logs) {
            return List.copyOf(logs.list);
        }
    }

    /** No secret of the visit reaches a log line or its exception. */
    private void assertNotLogged(String... secrets) {
        for (ILoggingEvent e : logged()) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : e.getThrowableProxy().getMessage());
            for (String secret : secrets) {
                assertThat(line).as("log line").doesNotContain(secret);
            }
        }
    }
}
