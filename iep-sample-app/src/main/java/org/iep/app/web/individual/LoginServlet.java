package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.iep.api.access.PasscodeCheck;
import org.iep.app.web.Pages;
import org.iep.core.access.LinkOpening;
import org.iep.core.access.LinkOutcome;
import org.iep.core.access.PasscodeVerifier;

/**
 * {@code /login}: the passcode step. GET offers to send a code; POST {@code action=send} (first send and resend)
 * asks the core to send one and shows where it went, masked; POST {@code action=verify} checks the typed code and,
 * when it is right, swaps the link cookie for a session cookie. Every limit (10 minutes, single use, 5 tries, lock
 * after 10 failures, 5 codes an hour) is the core's; this page only explains the outcome.
 */
final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The browser may drop the cookie earlier; the core ends sessions after 15 idle minutes or 12 hours. */
    private static final Duration SESSION_COOKIE_LIFE = Duration.ofHours(12);
    private final transient Visit visit;
    private final transient LinkOpening opening;
    private final transient PasscodeVerifier verifier;

    LoginServlet(Visit visit, LinkOpening opening, PasscodeVerifier verifier) {
        this.visit = visit;
        this.opening = opening;
        this.verifier = verifier;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var link = visit.link(req);
        if (link.isEmpty()) {
            visit.message(req, resp, 400, "link.missing", Map.of());
            return;
        }
        visit.render(req, resp, 200, "login", link.get(), Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var link = visit.link(req);
        if (link.isEmpty()) {
            visit.message(req, resp, 400, "link.missing", Map.of());
            return;
        }
        if (!visit.csrfOk(req, link.get())) {
            visit.refuseForgery(req, resp);
            return;
        }
        if ("verify".equals(req.getParameter("action"))) {
            verify(req, resp, link.get());
        } else {
            send(req, resp, link.get());
        }
    }

    private void send(HttpServletRequest req, HttpServletResponse resp, String token) throws IOException {
        LinkOutcome outcome = opening.open(token, Visit.client(req));
        if (outcome instanceof LinkOutcome.CodeSent sent) {
            Map<String, Object> m = new HashMap<>();
            m.put("channel", sent.channel().name());
            m.put("destination", sent.maskedDestination());
            m.put("institution", sent.institutionName());
            m.put("contactEmail", sent.contact().email());
            m.put("contactPhone", sent.contact().phone());
            m.put("error", "");
            m.put("triesLeft", "");
            visit.render(req, resp, 200, "passcode", token, m);
        } else if (outcome instanceof LinkOutcome.Refused refused) {
            Map<String, Object> m = new HashMap<>();
            refused.contact().ifPresent(c -> {
                m.put("contactEmail", c.email());
                m.put("contactPhone", c.phone());
            });
            refused.retryAfter().ifPresent(t -> m.put("retryAfter", Times.format(t, Pages.locale(req))));
            visit.message(req, resp, 403, "link." + refused.reason().name().toLowerCase(java.util.Locale.ROOT), m);
        }
    }

    private void verify(HttpServletRequest req, HttpServletResponse resp, String token) throws IOException {
        String code = req.getParameter("code") == null ? "" : req.getParameter("code");
        PasscodeCheck check = verifier.verify(token, code, Visit.client(req));
        if (check instanceof PasscodeCheck.Accepted accepted) {
            visit.cookies().clear(resp, Cookies.LINK);
            visit.cookies().set(resp, Cookies.SESSION, accepted.sessionId(), SESSION_COOKIE_LIFE);
            resp.setStatus(303);
            resp.setHeader("Location", "/dashboard");
            return;
        }
        Map<String, Object> m = new HashMap<>();
        m.put("channel", "");
        m.put("destination", "");
        m.put("institution", "");
        m.put("contactEmail", "");
        m.put("contactPhone", "");
        m.put("triesLeft", "");
        if (check instanceof PasscodeCheck.Rejected rejected) {
            m.put("error", "passcode.wrong");
            m.put("triesLeft", rejected.triesLeft());
        } else if (check instanceof PasscodeCheck.Expired || check instanceof PasscodeCheck.NoCode) {
            m.put("error", "passcode.expired");
        } else if (check instanceof PasscodeCheck.LockedOut locked) {
            visit.message(req, resp, 403, "link.locked",
                    Map.of("retryAfter", Times.format(locked.until(), Pages.locale(req))));
            return;
        }
        visit.render(req, resp, 200, "passcode", token, m);
    }
}
