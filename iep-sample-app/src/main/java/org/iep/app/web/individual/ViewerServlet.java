package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.NotFoundException;
import org.iep.api.transaction.TransactionId;
import org.iep.core.access.Action;
import org.iep.core.access.IndividualAccess;
import org.iep.core.access.IndividualPrincipal;

/**
 * {@code GET /view?t=<transaction>}: the online viewer for one package, inside the view window only (the core's VIEW
 * check). The page holds no image data; its script reads the images over the transaction's DICOMweb endpoints with
 * the same session cookie.
 */
final class ViewerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Visit visit;
    private final transient IndividualAccess access;

    ViewerServlet(Visit visit, IndividualAccess access) {
        this.visit = visit;
        this.access = access;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var session = visit.session(req);
        String target = req.getParameter("t");
        if (session.isEmpty() || target == null || !target.matches("[A-Za-z0-9_-]{1,64}")) {
            visit.sessionEnded(req, resp);
            return;
        }
        IndividualPrincipal p;
        try {
            p = access.authorize(session.get(), new TransactionId(target), Action.VIEW, Visit.client(req));
        } catch (AccessDeniedException | ConflictException | NotFoundException e) {
            visit.message(req, resp, 403, "action.refused", Map.of("reason", e.getMessage()));
            return;
        }
        visit.render(req, resp, 200, "viewer", session.get(), Map.of("t", p.transaction().id().value(),
                "tracking", p.transaction().tracking().value(), "base", "/dicomweb/t/" + p.transaction().id().value()));
    }
}
