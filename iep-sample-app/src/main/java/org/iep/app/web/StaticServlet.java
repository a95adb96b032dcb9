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
 * Fixed assets read once from the classpath at start (the stylesheet, the OpenAPI document). Only the names given
 * are served, so no request path ever reaches a file system or class loader lookup.
 */
final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** A classpath resource and its content type. */
    record Asset(String resource, String contentType) {
    }

    private final transient Map<String, Asset> assets;
    private final transient Map<String, byte[]> bodies = new HashMap<>();

    /** @param assets by the path info that requests them ("" for a servlet mapped to one exact path) */
    StaticServlet(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
        assets.forEach((name, asset) -> {
            try (InputStream in = StaticServlet.class.getClassLoader().getResourceAsStream(asset.resource())) {
                if (in == null) {
                    throw new IllegalStateException("missing asset " + asset.resource() + " in the portal's jar");
                }
                bodies.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        byte[] body = bodies.get(name);
        if (body == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(assets.get(name).contentType());
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.getOutputStream().write(body);
    }
}
