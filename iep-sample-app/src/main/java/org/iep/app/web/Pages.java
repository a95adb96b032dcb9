package org.iep.app.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the server-side pages (Pebble templates under {@code templates/}, HTML auto-escaped) in UK English or
 * Swedish, whichever the browser prefers first; texts come from {@code i18n/messages}. Thread-safe.
 */
public final class Pages {
    public static final Locale ENGLISH = Locale.UK;
    public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final List<Locale> SUPPORTED = List.of(ENGLISH, SWEDISH);

    private final PebbleEngine engine;

    public Pages() {
        ClasspathLoader loader = new ClasspathLoader(Pages.class.getClassLoader());
        loader.setPrefix("templates/");
        loader.setSuffix(".peb");
        engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(true)
                .defaultLocale(ENGLISH).build();
    }

    /** The first of the browser's languages that we have, else UK English. */
    public static Locale locale(HttpServletRequest req) {
        for (var it = req.getLocales().asIterator(); it.hasNext(); ) {
            Locale wanted = it.next();
            for (Locale have : SUPPORTED) {
                if (have.getLanguage().equals(wanted.getLanguage())) {
                    return have;
                }
            }
        }
        return ENGLISH;
    }

    /** Renders {@code template} with {@code model} plus {@code lang} and the CSRF token of the request. */
    public void render(HttpServletRequest req, HttpServletResponse resp, int status, String template,
                       Map<String, Object> model) throws IOException {
        Locale locale = locale(req);
        Map<String, Object> context = new HashMap<>(model);
        context.put("lang", locale.toLanguageTag());
        context.putIfAbsent("csrf", "");
        StringWriter out = new StringWriter();
        engine.getTemplate(template).evaluate(out, context, locale);
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(out.toString());
    }
}
