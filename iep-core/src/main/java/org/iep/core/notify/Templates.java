package org.iep.core.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link NotificationKind} in the addressee's language from the templates under
 * {@code org/iep/core/notify/templates/<language>/<kind>.txt}: UK English ({@code en}) and Swedish ({@code sv});
 * any other language falls back to UK English (DESIGN.md §4). Placeholders are {@code ${name}}; values are
 * HTML-escaped in the HTML body and line breaks are removed from the subject. A missing value is a programming
 * error and fails loudly rather than sending "${name}" to a patient. Thread-safe; parsed templates are cached.
 *
 * <p>Template file: header lines {@code subject: ...} and {@code sms: ...}, then a {@code --- text} section and
 * a {@code --- html} section. Lines starting with {@code #} before the first section are comments.
 */
public final class Templates {
    private static final Set<String> LANGUAGES = Set.of("en", "sv");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9.]+)}");

    private record Template(String subject, String sms, String text, String html) {
    }

    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    /** The template language used for {@code wanted}: {@code en} or {@code sv}. */
    public static String supported(Locale wanted) {
        String lang = wanted.getLanguage();
        return LANGUAGES.contains(lang) ? lang : "en";
    }

    public RenderedMessage render(NotificationKind kind, Locale language, Map<String, String> values) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(values, "values");
        String lang = supported(Objects.requireNonNull(language, "language"));
        Template t = cache.computeIfAbsent(lang + "/" + kind, k -> load(lang, kind));
        return new RenderedMessage(
                fill(t.subject, values, kind, s -> s.replaceAll("[\\r\\n]+", " ")),
                fill(t.text, values, kind, s -> s),
                fill(t.html, values, kind, Templates::escapeHtml),
                fill(t.sms, values, kind, s -> s),
                lang.equals("en") ? "en-GB" : lang);
    }

    private static String fill(String template, Map<String, String> values, NotificationKind kind,
                               java.util.function.UnaryOperator<String> encode) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("The " + kind + " template needs a value for '" + m.group(1)
                        + "'; the notification was built without it.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escapeHtml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static Template load(String lang, NotificationKind kind) {
        String path = "templates/" + lang + "/" + kind.name().toLowerCase(Locale.ROOT) + ".txt";
        try (InputStream in = Templates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing notification template " + path + " in iep-core.");
            }
            return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading notification template " + path + " failed", e);
        }
    }

    private static Template parse(String path, String source) {
        String subject = null;
        String sms = null;
        StringBuilder text = null;
        StringBuilder html = null;
        StringBuilder current = null;
        for (String line : source.split("\r?\n", -1)) {
            if (line.equals("--- text")) {
                current = text = new StringBuilder();
            } else if (line.equals("--- html")) {
                current = html = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            } else if (line.startsWith("subject:")) {
                subject = line.substring("subject:".length()).strip();
            } else if (line.startsWith("sms:")) {
                sms = line.substring("sms:".length()).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalStateException("Template " + path + ": unexpected header line '" + line + "'");
            }
        }
        if (subject == null || sms == null || text == null || html == null) {
            throw new IllegalStateException("Template " + path + " needs subject:, sms:, --- text and --- html");
        }
        return new Template(subject, sms, text.toString().strip() + "\n", html.toString().strip() + "\n");
    }
}
