package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /a/<token>}, the link from the e-mail: the token moves into an HttpOnly cookie and the browser is sent
 * on to {@code /login}, so the token leaves the address bar and history at once. Nothing is sent yet: mail
 * scanners that open links must not trigger passcodes.
 */
final class LinkServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,128}");
    static final Duration LINK_COOKIE_LIFE = Duration.ofMinutes(30);
    private final transient Visit visit;

    LinkServlet(Visit visit) {
        this.visit = visit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String token = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        if (!TOKEN.matcher(token).matches()) {
            visit.message(req, resp, 404, "link.unknown", Map.of());
            return;
        }
        visit.cookies().clear(resp, Cookies.SESSION);
        visit.cookies().set(resp, Cookies.LINK, token, LINK_COOKIE_LIFE);
        resp.setStatus(303);
        resp.setHeader("Location", "/login");
    }
}
