package org.iep.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.iep.app.IepApplication;
import org.iep.app.config.AppConfig;
import org.iep.app.config.Settings;
import org.iep.app.demo.DemoData;
import org.iep.app.dev.DevMailbox;
import org.iep.core.wiring.IepCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The individual's journey over HTTP against the running portal and its demo transfer (no browser). */
class IndividualJourneyHttpTest {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/a/([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern TRANSACTION = Pattern.compile("name=\"t\" value=\"([^\"]+)\"");

    @TempDir
    Path data;
    private IepApplication app;
    private final CookieManager cookies = new CookieManager();
    private HttpClient http;
    private String base;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        app = IepApplication.start(AppConfig.from(Settings.of(Map.of("iep.http.port", "0",
                "iep.dataDir", data.toString()))));
        base = "http://127.0.0.1:" + app.httpPort();
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    /** No secret of the visit reaches a log line, its arguments or its exception. */
    private void assertNotLogged(String... secrets) {
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : e.getThrowableProxy().getMessage());
            for (String secret : secrets) {
                assertThat(line).as("log line").doesNotContain(secret);
            }
        }
    }

    @Test
    void linkPasscodeDashboardForwardDeclineAndSignOut() throws Exception {
        String token = mailed(DemoData.PATIENT.email(), LINK);

        HttpResponse<String> opened = get("/a/" + token, "en");
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).contains("/login");
        assertThat(cookie("iep_link")).hasValueSatisfying(c -> assertThat(c.isHttpOnly()).isTrue());

        String login = get("/login", "en").body();
        assertThat(login).contains("Send me a passcode").doesNotContain(token);
        HttpResponse<String> sent = post("/login", Map.of("csrf", csrf(login), "action", "send"));
        assertThat(sent.body()).contains("pa").contains("***").doesNotContain(DemoData.PATIENT.passcodeEmail());

        HttpResponse<String> wrong = post("/login", Map.of("csrf", csrf(login), "action", "verify", "code", "abc"));
        assertThat(wrong.body()).contains("not right").contains("4 more tries");

        String code = mailed(DemoData.PATIENT.passcodeEmail(), CODE);
        HttpResponse<String> verified = post("/login", Map.of("csrf", csrf(login), "action", "verify", "code", code));
        assertThat(verified.statusCode()).isEqualTo(303);
        assertThat(verified.headers().firstValue("Location")).contains("/dashboard");
        assertThat(cookie("iep_link")).isEmpty();
        assertThat(cookie("iep_session")).isPresent();

        String dashboard = get("/dashboard", "en").body();
        assertThat(dashboard).contains("Your images").contains("CT head").contains("Forward").contains("Decline")
                .contains("St Elsewhere Hospital");
        String session = csrf(dashboard);
        String t = first(TRANSACTION, dashboard);

        // a POST without the CSRF token is refused and changes nothing
        HttpResponse<String> forged = post("/decline", Map.of("t", t, "reason", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);

        // the forward wizard: four steps, then the core creates the forward
        Map<String, String> who = new LinkedHashMap<>(Map.of("csrf", session, "t", t, "givenName", "Gregory",
                "familyName", "House", "email", "gp@demo.example.org", "language", "en"));
        assertThat(post("/forward", Map.of("csrf", session, "t", t)).body()).contains("Step 1 of 4");
        who.put("step", "1");
        who.put("go", "next");
        assertThat(post("/forward", who).body()).contains("Step 2 of 4");
        who.putAll(Map.of("step", "2", "channel", "SMS", "phone", "+447700900456"));
        assertThat(post("/forward", who).body()).contains("Step 3 of 4");
        who.putAll(Map.of("step", "3", "message", "For your records"));
        assertThat(post("/forward", who).body()).contains("Step 4 of 4").contains("I confirm");
        who.putAll(Map.of("step", "4", "go", "send"));
        HttpResponse<String> noDisclaimer = post("/forward", who);
        assertThat(noDisclaimer.statusCode()).isEqualTo(400);
        who.put("disclaimer", "yes");
        assertThat(post("/forward", who).body()).contains("Images forwarded");
        assertThat(mailed("gp@demo.example.org", LINK)).isNotEqualTo(token);

        // decline: the form, then the decline itself; access ends at once
        assertThat(post("/decline", Map.of("csrf", session, "t", t)).body()).contains("Why are you declining");
        assertThat(post("/decline", Map.of("csrf", session, "t", t, "reason", "Not my scan")).body())
                .contains("You have declined");
        assertThat(post("/forward", Map.of("csrf", session, "t", t)).statusCode()).isEqualTo(403);

        String sessionId = cookie("iep_session").orElseThrow().getValue();
        HttpResponse<String> out = post("/logout", Map.of("csrf", session));
        assertThat(out.body()).contains("signed out");
        assertThat(get("/dashboard", "en").statusCode()).isEqualTo(403);
        assertThat(logs.list).isNotEmpty();
        assertNotLogged(token, code, sessionId);
    }

    @Test
    void swedishBrowsersGetSwedishPagesAndUnknownLinksAClearPage() throws Exception {
        assertThat(get("/login", "sv-SE,sv;q=0.9,en;q=0.5").body()).contains("Öppna länken");
        assertThat(get("/login", "de").body()).contains("Open the link from your e-mail");
        assertThat(get("/a/short", "sv").body()).contains("Länken är inte giltig");
        // a well-formed but unknown token is only found out when a code is asked for; nothing is sent
        assertThat(get("/a/aWellFormedTokenThatWasNeverIssued0123456789", "en").statusCode()).isEqualTo(303);
        HttpResponse<String> refused = post("/login", Map.of("csrf", csrf(get("/login", "en").body()),
                "action", "send"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This link is not valid");
    }

    private String mailed(String to, Pattern pattern) throws InterruptedException {
        DevMailbox mailbox = app.injector().getInstance(DevMailbox.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            app.injector().getInstance(IepCore.class).outboxWorker().runOnce(Instant.now());
            for (DevMailbox.Entry e : mailbox.entries()) {
                Matcher m = pattern.matcher(e.body());
                if (e.to().equalsIgnoreCase(to) && m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing matching " + pattern + " was sent to " + to);
    }

    private Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    private static String csrf(String html) {
        return first(CSRF, html);
    }

    private static String first(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("pattern " + p + " in page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
