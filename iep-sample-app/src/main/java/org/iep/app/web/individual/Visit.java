package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.iep.app.web.Pages;
import org.iep.core.audit.ClientInfo;

/**
 * What every individual's page needs: its cookies, the CSRF check bound to them, the client's address for the
 * audit, and rendering. Thread-safe.
 */
final class Visit {
    private final Pages pages;
    private final Cookies cookies;
    private final Csrf csrf;

    Visit(Pages pages, Cookies cookies, Csrf csrf) {
        this.pages = pages;
        this.cookies = cookies;
        this.csrf = csrf;
    }

    Cookies cookies() {
        return cookies;
    }

    Optional<String> session(HttpServletRequest req) {
        return Cookies.read(req, Cookies.SESSION);
    }

    Optional<String> link(HttpServletRequest req) {
        return Cookies.read(req, Cookies.LINK);
    }

    static ClientInfo client(HttpServletRequest req) {
        return new ClientInfo(req.getRemoteAddr());
    }

    /** Whether the posted {@code csrf} field matches the given cookie. */
    boolean csrfOk(HttpServletRequest req, String cookieValue) {
        return csrf.valid(cookieValue, req.getParameter("csrf"));
    }

    /** For requests whose body is not a form: the token comes in a header. */
    boolean csrfOk(HttpServletRequest req, String cookieValue, String token) {
        return token != null && csrf.valid(cookieValue, token);
    }

    void render(HttpServletRequest req, HttpServletResponse resp, int status, String template, String cookieValue,
                Map<String, Object> model) throws IOException {
        Map<String, Object> m = new HashMap<>(model);
        m.put("csrf", cookieValue == null ? "" : csrf.tokenFor(cookieValue));
        pages.render(req, resp, status, template, m);
    }

    /** A page with one message (an i18n key) and optional details, e.g. why a link was refused. */
    void message(HttpServletRequest req, HttpServletResponse resp, int status, String key,
                 Map<String, Object> details) throws IOException {
        Map<String, Object> m = new HashMap<>(details);
        m.put("messageKey", key);
        m.putIfAbsent("contactEmail", "");
        m.putIfAbsent("contactPhone", "");
        m.putIfAbsent("retryAfter", "");
        render(req, resp, status, "message", null, m);
    }

    /** The page for a request that lost its session (expired, signed out, revoked) or never had one. */
    void sessionEnded(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        cookies.clear(resp, Cookies.SESSION);
        message(req, resp, 403, "session.ended", Map.of());
    }

    void refuseForgery(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        message(req, resp, 403, "error.forged", Map.of());
    }
}
