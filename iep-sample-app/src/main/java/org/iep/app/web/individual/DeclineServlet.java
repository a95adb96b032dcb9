package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.core.access.Action;
import org.iep.core.access.Decline;
import org.iep.core.access.IndividualPrincipal;

/**
 * {@code POST /decline}: without {@code reason} it shows the form (what declining means, a reason box); with it,
 * the core declines, which withdraws access at once and tells the hospital.
 */
final class DeclineServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Acting acting;
    private final transient Decline decline;

    DeclineServlet(Acting acting, Decline decline) {
        this.acting = acting;
        this.decline = decline;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var session = acting.session(req, resp);
        if (session.isEmpty()) {
            return;
        }
        var principal = acting.authorize(req, resp, session.get(), Action.DECLINE);
        if (principal.isEmpty()) {
            return;
        }
        String reason = req.getParameter("reason");
        if (reason == null) {
            form(req, resp, session.get(), principal.get(), "", List.of());
            return;
        }
        try {
            decline.decline(principal.get(), reason, Visit.client(req));
        } catch (InvalidInputException e) {
            form(req, resp, session.get(), principal.get(), reason, e.problems());
            return;
        }
        acting.visit().message(req, resp, 200, "decline.done",
                Map.of("tracking", principal.get().transaction().tracking().value()));
    }

    private void form(HttpServletRequest req, HttpServletResponse resp, String session, IndividualPrincipal p,
                      String reason, List<Problem> problems) throws IOException {
        Map<String, Object> m = new HashMap<>();
        m.put("t", p.transaction().id().value());
        m.put("tracking", p.transaction().tracking().value());
        m.put("reason", reason);
        m.put("problems", problems.stream().map(Problem::message).toList());
        acting.visit().render(req, resp, problems.isEmpty() ? 200 : 400, "decline", session, m);
    }
}
