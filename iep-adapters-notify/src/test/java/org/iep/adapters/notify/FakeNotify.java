package org.iep.adapters.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.json.JSONObject;

/**
 * A stand-in for the GOV.UK Notify API on 127.0.0.1 that checks every request as the real one would — method,
 * path, content type, a JWT signed (HS256) with the service's secret and naming the service as issuer, the JSON
 * body — and records what it accepted. {@link #answer} makes it answer with another status instead.
 */
final class FakeNotify implements AutoCloseable {
    static final String SERVICE = "26785a09-ab16-4eb0-8407-a37497a57506";
    static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    static final String API_KEY = "iep_test-" + SERVICE + "-" + SECRET;

    /** One accepted text message. */
    record Sent(String phoneNumber, String templateId, String message, String reference) {
    }

    private final HttpServer server;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answer = new AtomicInteger(201);

    FakeNotify() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Requests that broke the protocol (should stay empty). */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    void answer(int status) {
        answer.set(status);
    }

    private void handle(HttpExchange x) throws IOException {
        String problem = check(x);
        byte[] body = x.getRequestBody().readAllBytes();
        JSONObject json = null;
        if (problem == null) {
            try {
                json = new JSONObject(new String(body, StandardCharsets.UTF_8));
                for (String field : new String[] {"phone_number", "template_id", "personalisation", "reference"}) {
                    if (!json.has(field)) {
                        problem = "missing " + field;
                    }
                }
            } catch (RuntimeException e) {
                problem = "body is not JSON";
            }
        }
        if (problem != null) {
            refusals.add(problem);
            reply(x, 400, "{\"status_code\":400,\"errors\":[{\"error\":\"BadRequestError\",\"message\":\""
                    + problem + "\"}]}");
            return;
        }
        int status = answer.get();
        if (status != 201) {
            reply(x, status, "{\"status_code\":" + status + ",\"errors\":[{\"error\":\"Error\",\"message\":\"x\"}]}");
            return;
        }
        String message = json.getJSONObject("personalisation").getString("message");
        sent.add(new Sent(json.getString("phone_number"), json.getString("template_id"), message,
                json.getString("reference")));
        String id = UUID.randomUUID().toString();
        String template = json.getString("template_id");
        reply(x, 201, new JSONObject()
                .put("id", id).put("reference", json.getString("reference"))
                .put("content", new JSONObject().put("body", message).put("from_number", "IEP"))
                .put("uri", baseUrl() + "/v2/notifications/" + id)
                .put("template", new JSONObject().put("id", template).put("version", 1)
                        .put("uri", baseUrl() + "/v2/template/" + template)).toString());
    }

    private static String check(HttpExchange x) {
        if (!x.getRequestMethod().equals("POST") || !x.getRequestURI().getPath().equals("/v2/notifications/sms")) {
            return "unexpected " + x.getRequestMethod() + " " + x.getRequestURI().getPath();
        }
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return "content type " + type;
        }
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return "no bearer token";
        }
        String[] jwt = auth.substring(7).split("\\.");
        if (jwt.length != 3) {
            return "not a JWT";
        }
        JSONObject header = new JSONObject(new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8));
        JSONObject claims = new JSONObject(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8));
        if (!"HS256".equals(header.optString("alg")) || !SERVICE.equals(claims.optString("iss"))) {
            return "wrong alg or issuer";
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - claims.optLong("iat")) > 30) {
            return "iat not within 30 s";
        }
        if (!MessageDigest.isEqual(sign(jwt[0] + "." + jwt[1]), Base64.getUrlDecoder().decode(jwt[2]))) {
            return "bad signature";
        }
        return null;
    }

    private static byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
