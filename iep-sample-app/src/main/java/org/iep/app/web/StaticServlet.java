package org.iep.app.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /static/<name>}: the few assets the pages use, read once from the classpath at start. Only names in
 * the fixed list are served, so no request path ever reaches a file system or class loader lookup.
 */
final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("app.css", "text/css;charset=UTF-8");
    private final transient Map<String, byte[]> assets = new HashMap<>();

    StaticServlet() {
        for (String name : TYPES.keySet()) {
            try (InputStream in = StaticServlet.class.getClassLoader().getResourceAsStream("static/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing asset static/" + name + " in the portal's jar");
                }
                assets.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        byte[] body = assets.get(name);
        if (body == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(TYPES.get(name));
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.getOutputStream().write(body);
    }
}
