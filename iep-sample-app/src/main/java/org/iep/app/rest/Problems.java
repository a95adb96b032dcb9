package org.iep.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.IepException;
import org.iep.api.InvalidInputException;
import org.iep.api.NotFoundException;

/**
 * Errors as RFC 9457 problem documents ({@code application/problem+json}) carrying IEP's stable code, and every
 * input problem when there are several. Infrastructure failures say only that they happened and whether a retry
 * may help; their details go to the log.
 */
final class Problems {
    private Problems() {
    }

    static int status(IepException e) {
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof AccessDeniedException) {
            return 403;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        return 503;
    }

    static void write(HttpServletResponse resp, ObjectMapper json, IepException e) throws IOException {
        int status = status(e);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "https://github.com/iep/iep/blob/main/docs/error-codes.md#" + e.errorCode().code());
        doc.put("title", e.errorCode().summary());
        doc.put("status", status);
        doc.put("code", e.errorCode().code());
        doc.put("detail", status == 503 ? "A system IEP depends on failed; "
                + (e.retryable() ? "retry later." : "the operators have been told.") : e.getMessage());
        if (e instanceof InvalidInputException invalid) {
            doc.put("problems", invalid.problems().stream().map(p -> Map.of("field", p.field(),
                    "message", p.message())).toList());
        }
        send(resp, json, status, doc);
    }

    static void write(HttpServletResponse resp, ObjectMapper json, int status, String title, String detail)
            throws IOException {
        send(resp, json, status, Map.of("title", title, "status", status, "detail", detail,
                "problems", List.of()));
    }

    private static void send(HttpServletResponse resp, ObjectMapper json, int status, Map<String, Object> doc)
            throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/problem+json");
        resp.setCharacterEncoding("UTF-8");
        json.writeValue(resp.getWriter(), doc);
    }
}
