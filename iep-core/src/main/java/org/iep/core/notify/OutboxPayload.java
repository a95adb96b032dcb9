package org.iep.core.notify;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The text form of a notification in a job payload: one {@code name=value} line per field, both URL-encoded, so
 * no value can break the format. Values under {@link Notification#SECRET} are written sealed ({@code sealed.}
 * prefix), never as plain text. Stateless.
 */
final class OutboxPayload {
    private static final String VALUE = "value.";
    private static final String SEALED = "sealed.";

    private OutboxPayload() {
    }

    static String encode(Notification n, UnaryOperator<String> seal) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", n.key());
        fields.put("kind", n.kind().name());
        fields.put("channel", n.to().channel().name());
        fields.put("address", n.to().address());
        fields.put("language", n.to().language().toLanguageTag());
        fields.put("notBefore", n.notBefore().toString());
        fields.put("notAfter", n.notAfter().toString());
        n.values().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            boolean secret = e.getKey().startsWith(Notification.SECRET);
            fields.put((secret ? SEALED : VALUE) + e.getKey(), secret ? seal.apply(e.getValue()) : e.getValue());
        });
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(enc(k)).append('=').append(enc(v)).append('\n'));
        return out.toString();
    }

    static Notification decode(String payload, UnaryOperator<String> open) {
        Map<String, String> fields = new HashMap<>();
        for (String line : payload.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(dec(line.substring(0, eq)), dec(line.substring(eq + 1)));
            }
        }
        Map<String, String> values = new HashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith(VALUE)) {
                values.put(k.substring(VALUE.length()), v);
            } else if (k.startsWith(SEALED)) {
                values.put(k.substring(SEALED.length()), open.apply(v));
            }
        });
        Addressee to = new Addressee(Addressee.Channel.valueOf(required(fields, "channel")),
                required(fields, "address"), Locale.forLanguageTag(required(fields, "language")));
        return new Notification(required(fields, "key"), NotificationKind.valueOf(required(fields, "kind")), to,
                values, Instant.parse(required(fields, "notBefore")), Instant.parse(required(fields, "notAfter")));
    }

    private static String required(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException("outbox payload lacks '" + name + "'");
        }
        return v;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
