package org.iep.app.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** {@code GET /health}: 200 once the portal is ready (database migrated, workers running), 503 before and after. */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient BooleanSupplier ready;

    HealthServlet(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean up = ready.getAsBoolean();
        resp.setStatus(up ? 200 : 503);
        resp.setContentType("application/json");
        resp.getWriter().write(up ? "{\"status\":\"UP\"}" : "{\"status\":\"STARTING_OR_STOPPING\"}");
    }
}
