package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.iep.core.access.IndividualAccess;

/** {@code POST /logout}: ends the session in the store (not just the cookie), effective at once. */
final class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Acting acting;
    private final transient IndividualAccess access;

    LogoutServlet(Acting acting, IndividualAccess access) {
        this.acting = acting;
        this.access = access;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var session = acting.session(req, resp);
        if (session.isEmpty()) {
            return;
        }
        access.logout(session.get());
        acting.visit().cookies().clear(resp, Cookies.SESSION);
        acting.visit().message(req, resp, 200, "session.signedOut", Map.of());
    }
}
