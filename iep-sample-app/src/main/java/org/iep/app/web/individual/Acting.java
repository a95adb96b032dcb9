package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.NotFoundException;
import org.iep.api.transaction.TransactionId;
import org.iep.core.access.Action;
import org.iep.core.access.IndividualAccess;
import org.iep.core.access.IndividualPrincipal;

/**
 * The common first step of every POST that acts on one transaction: a session cookie, a CSRF token bound to it,
 * and the core's permission for this action on the transaction named in the form. Answers the refusal itself
 * and returns empty when any of them is missing.
 */
final class Acting {
    private final Visit visit;
    private final IndividualAccess access;

    Acting(Visit visit, IndividualAccess access) {
        this.visit = visit;
        this.access = access;
    }

    Visit visit() {
        return visit;
    }

    /** The session cookie value, when the request has a session and a valid CSRF token for it. */
    Optional<String> session(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var session = visit.session(req);
        if (session.isEmpty()) {
            visit.sessionEnded(req, resp);
            return Optional.empty();
        }
        if (!visit.csrfOk(req, session.get())) {
            visit.refuseForgery(req, resp);
            return Optional.empty();
        }
        return session;
    }

    Optional<IndividualPrincipal> authorize(HttpServletRequest req, HttpServletResponse resp, String session,
                                            Action action) throws IOException {
        String target = req.getParameter("t");
        if (target == null || target.isBlank()) {
            visit.sessionEnded(req, resp);
            return Optional.empty();
        }
        try {
            return Optional.of(access.authorize(session, new TransactionId(target), action, Visit.client(req)));
        } catch (AccessDeniedException | ConflictException | NotFoundException e) {
            // the core's refusal (no access, a forwardee forwarding, an unknown ID): explained, never a 500
            visit.message(req, resp, 403, "action.refused", java.util.Map.of("reason", e.getMessage()));
            return Optional.empty();
        }
    }
}
