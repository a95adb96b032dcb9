package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;
import org.iep.api.NotFoundException;
import org.iep.api.transaction.TransactionId;
import org.iep.core.access.Action;
import org.iep.core.access.IndividualAccess;
import org.iep.core.access.IndividualPrincipal;
import org.iep.core.ingest.IngestSource;
import org.iep.core.ingest.PatientMismatchException;
import org.iep.core.upload.UploadReceipt;
import org.iep.core.upload.UploadRefusedException;
import org.iep.core.upload.Uploads;

/**
 * Uploading images in answer to a request. {@code GET /upload?t=} shows the page; its script opens a session
 * ({@code POST /upload/session}), sends each file in chunks to {@code POST /upload/chunk} (resuming from the offset
 * the server reports), then submits {@code POST /upload/confirm}, whose page lists what was stored or every refused
 * file with its reason. Every step passes the core's UPLOAD check and the CSRF token (a form field, or the
 * {@code X-CSRF-Token} header for chunks); chunks are bounded before they are read.
 */
final class UploadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int MAX_CHUNK = 8 * 1024 * 1024;
    private final transient Acting acting;
    private final transient IndividualAccess access;
    private final transient Uploads uploads;

    UploadServlet(Acting acting, IndividualAccess access, Uploads uploads) {
        this.acting = acting;
        this.access = access;
        this.uploads = uploads;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Visit visit = acting.visit();
        var session = visit.session(req);
        String target = req.getParameter("t");
        if (req.getPathInfo() != null || session.isEmpty() || target == null
                || !target.matches("[A-Za-z0-9_-]{1,64}")) {
            visit.sessionEnded(req, resp);
            return;
        }
        IndividualPrincipal p;
        try {
            p = access.authorize(session.get(), new TransactionId(target), Action.UPLOAD, Visit.client(req));
        } catch (AccessDeniedException | ConflictException | NotFoundException e) {
            visit.message(req, resp, 403, "action.refused", Map.of("reason", e.getMessage()));
            return;
        }
        visit.render(req, resp, 200, "upload", session.get(), Map.of("t", p.transaction().id().value(),
                "tracking", p.transaction().tracking().value(), "chunk", MAX_CHUNK));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String step = Optional.ofNullable(req.getPathInfo()).orElse("");
        if (step.equals("/chunk")) {
            chunk(req, resp);
            return;
        }
        var session = acting.session(req, resp);
        if (session.isEmpty()) {
            return;
        }
        var principal = acting.authorize(req, resp, session.get(), Action.UPLOAD);
        if (principal.isEmpty()) {
            return;
        }
        IndividualPrincipal p = principal.get();
        if (step.equals("/session")) {
            json(resp, 200, "{\"session\":\"" + uploads.open(p.transaction().id(), source(req, p)) + "\"}");
        } else if (step.equals("/confirm")) {
            confirm(req, resp, session.get(), p);
        } else {
            resp.sendError(404);
        }
    }

    /**
     * 413 for a chunk over the limit. A body up to twice the limit is read away first: a server that answers while
     * the client still sends, then closes with unread bytes, resets the connection, and the client (a browser's
     * fetch too) sees a network failure instead of the answer. Anything larger is not read; the connection closes.
     */
    private static void refuseTooLarge(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getContentLengthLong() <= 2L * MAX_CHUNK) {
            try (InputStream body = req.getInputStream()) {
                byte[] discard = new byte[64 * 1024];
                long left = 2L * MAX_CHUNK;
                for (int n; left > 0 && (n = body.read(discard, 0, (int) Math.min(discard.length, left))) > 0; ) {
                    left -= n;
                }
            }
        } else {
            resp.setHeader("Connection", "close");
        }
        json(resp, 413, "{\"error\":\"chunk too large\"}");
    }

    /** The chunk's body is the bytes; everything else comes in the query and the CSRF token in a header. */
    private void chunk(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Visit visit = acting.visit();
        var session = visit.session(req);
        if (session.isEmpty() || !visit.csrfOk(req, session.get(), req.getHeader("X-CSRF-Token"))) {
            json(resp, 403, "{\"error\":\"session\"}");
            return;
        }
        if (req.getContentLengthLong() > MAX_CHUNK) {
            refuseTooLarge(req, resp);
            return;
        }
        String t = req.getParameter("t");
        String upload = req.getParameter("s");
        String name = req.getParameter("name");
        long offset;
        try {
            offset = Long.parseLong(Optional.ofNullable(req.getParameter("offset")).orElse("-1"));
            if (offset < 0) {
                throw new IllegalArgumentException("offset " + offset);
            }
            access.authorize(session.get(), new TransactionId(t == null ? "" : t), Action.UPLOAD, Visit.client(req));
        } catch (IllegalArgumentException | NullPointerException e) {
            json(resp, 400, "{\"error\":\"bad request\"}");
            return;
        } catch (AccessDeniedException | ConflictException | NotFoundException e) {
            json(resp, 403, "{\"error\":\"not allowed\"}");
            return;
        }
        try (InputStream body = req.getInputStream()) {
            long received = uploads.append(new TransactionId(t), upload, name, offset,
                    new java.io.BufferedInputStream(new Bounded(body, MAX_CHUNK)));
            json(resp, 200, "{\"received\":" + received + "}");
        } catch (ConflictException e) {
            if (e.errorCode() == CoreErrorCode.UPLOAD_OFFSET_MISMATCH) {
                long have = uploads.progress(new TransactionId(t), upload).stream()
                        .filter(f -> f.fileName().equals(name)).mapToLong(f -> f.receivedBytes()).findFirst()
                        .orElse(0);
                json(resp, 409, "{\"received\":" + have + "}");
            } else {
                json(resp, 409, "{\"error\":\"upload closed\"}");
            }
        } catch (IepException e) {
            json(resp, 400, "{\"error\":\"refused\"}");
        }
    }

    private void confirm(HttpServletRequest req, HttpServletResponse resp, String session, IndividualPrincipal p)
            throws IOException {
        String upload = Optional.ofNullable(req.getParameter("s")).orElse("");
        Map<String, Object> m = new java.util.HashMap<>(Map.of("t", p.transaction().id().value(), "tracking",
                p.transaction().tracking().value(), "chunk", MAX_CHUNK));
        try {
            UploadReceipt r = uploads.confirm(p.transaction().id(), upload, source(req, p), bytes -> { },
                    Optional.ofNullable(req.getParameter("message")).orElse(""));
            uploads.sendReceipt(p.transaction().id(), upload, p.grant().recipient());
            acting.visit().message(req, resp, 200, "upload.done", Map.of("images", r.instancesStored()
                    + r.instancesAlreadyStored(), "documents", r.attachments().size()));
            return;
        } catch (UploadRefusedException e) {
            m.put("problems", e.problems().stream().map(pr -> pr.field() + ": " + pr.message()).toList());
        } catch (PatientMismatchException e) {
            m.put("problems", List.of(e.getMessage()));
            m.put("patients", e.patients().stream().map(ps -> ps.name().replace('^', ' ') + " (" + ps.id()
                    + (ps.birthDate().isEmpty() ? "" : ", " + ps.birthDate()) + ")").toList());
        } catch (IepException e) {
            m.put("problems", List.of(e.getMessage()));
        }
        acting.visit().render(req, resp, 400, "upload", session, m);
    }

    private static IngestSource source(HttpServletRequest req, IndividualPrincipal p) {
        return new IngestSource(p.party(), Visit.client(req), "");
    }

    private static void json(HttpServletResponse resp, int status, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Refuses to read past the chunk limit, whatever Content-Length said. */
    private static final class Bounded extends java.io.FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit + 1;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
                if (left <= 0) {
                    throw new IOException("chunk larger than " + MAX_CHUNK + " bytes");
                }
            }
            return n;
        }
    }

}
