package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iep.api.AccessDeniedException;
import org.iep.app.web.Pages;
import org.iep.core.access.Action;
import org.iep.core.access.Dashboard;
import org.iep.core.access.DashboardEntry;
import org.iep.core.access.IndividualAccess;
import org.iep.core.access.IndividualPrincipal;

/**
 * {@code GET /dashboard[?tab=all]}: the individual's packages and requests — Action Required by default, or All
 * (the last 28 days). Each line expands to its studies, messages and the hospital's contact, with the actions the
 * core allows right now.
 */
final class DashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Visit visit;
    private final transient IndividualAccess access;
    private final transient Dashboard dashboard;

    DashboardServlet(Visit visit, IndividualAccess access, Dashboard dashboard) {
        this.visit = visit;
        this.access = access;
        this.dashboard = dashboard;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var session = visit.session(req);
        if (session.isEmpty()) {
            visit.sessionEnded(req, resp);
            return;
        }
        IndividualPrincipal principal;
        try {
            principal = access.authorize(session.get(), Action.LIST, Visit.client(req));
        } catch (AccessDeniedException e) {
            visit.sessionEnded(req, resp);
            return;
        }
        boolean all = "all".equals(req.getParameter("tab"));
        List<DashboardEntry> entries = all ? dashboard.all(principal) : dashboard.actionRequired(principal);
        Locale locale = Pages.locale(req);
        List<EntryView> views = entries.stream().map(e -> EntryView.of(e, locale)).toList();
        visit.render(req, resp, 200, "dashboard", session.get(), Map.of("tab", all ? "all" : "action",
                "entries", views, "name", principal.party().displayName()));
    }
}
