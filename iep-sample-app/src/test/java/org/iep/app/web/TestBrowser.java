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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.iep.app.IepApplication;
import org.iep.app.dev.DevMailbox;
import org.iep.core.wiring.IepCore;

/** One visitor of the running portal over HTTP: its own cookie jar, no automatic redirects. */
final class TestBrowser {
    static final Pattern LINK = Pattern.compile("https?://[^\\s]+/a/([A-Za-z0-9_-]+)");
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final Pattern TRANSACTION = Pattern.compile("name=\"t\" value=\"([^\"]+)\"");

    private final IepApplication app;
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    TestBrowser(IepApplication app) {
        this.app = app;
        this.base = "http://127.0.0.1:" + app.httpPort();
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "en-GB");
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en-GB")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> postForBytes(String path, Map<String, String> form) throws IOException,
            InterruptedException {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A raw body (an upload chunk) with extra headers, as the upload script sends it. */
    HttpResponse<String> postBytes(String path, byte[] body, String... headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/octet-stream");
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** Link from the e-mail → passcode from the second channel → the dashboard's HTML. */
    String logIn(String linkEmail, String passcodeAddress) throws IOException, InterruptedException {
        String token = mailed(app, linkEmail, LINK);
        assertThat(get("/a/" + token).statusCode()).isEqualTo(303);
        String csrf = first(CSRF, get("/login").body());
        assertThat(post("/login", Map.of("csrf", csrf, "action", "send")).statusCode()).isEqualTo(200);
        String code = mailed(app, passcodeAddress, CODE);
        assertThat(post("/login", Map.of("csrf", csrf, "action", "verify", "code", code)).statusCode())
                .isEqualTo(303);
        return get("/dashboard").body();
    }

    /** The newest message to {@code to} matching {@code pattern} (group 1), running the outbox until it comes. */
    static String mailed(IepApplication app, String to, Pattern pattern) throws InterruptedException {
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

    static String first(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("pattern " + p + " in page").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
