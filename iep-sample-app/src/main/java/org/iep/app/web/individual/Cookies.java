package org.iep.app.web.individual;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The two cookies of an individual's visit: the link token until the passcode is accepted, then the session ID.
 * Both HttpOnly, SameSite=Strict, path /, and Secure when the portal is served over HTTPS. Neither value is ever
 * put in a URL or a log.
 */
final class Cookies {
    static final String LINK = "iep_link";
    static final String SESSION = "iep_session";

    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    static Optional<String> read(HttpServletRequest req, String name) {
        Cookie[] all = req.getCookies();
        if (all == null) {
            return Optional.empty();
        }
        for (Cookie c : all) {
            if (c.getName().equals(name) && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    void set(HttpServletResponse resp, String name, String value, Duration maxAge) {
        resp.addCookie(cookie(name, value, (int) maxAge.toSeconds()));
    }

    void clear(HttpServletResponse resp, String name) {
        resp.addCookie(cookie(name, "", 0));
    }

    private Cookie cookie(String name, String value, int maxAge) {
        Cookie c = new Cookie(name, value);
        c.setHttpOnly(true);
        c.setSecure(secure);
        c.setPath("/");
        c.setMaxAge(maxAge);
        c.setAttribute("SameSite", "Strict");
        return c;
    }
}
