package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.NotFoundException;
import org.iep.api.transaction.TransactionId;
import org.iep.core.access.Action;
import org.iep.core.access.Downloads;
import org.iep.core.access.IndividualAccess;
import org.iep.core.access.IndividualPrincipal;
import org.iep.core.packaging.PackageResult;
import org.iep.core.packaging.PackageScope;
import org.iep.core.packaging.Packager;

/**
 * The package download. {@code GET /download?t=<transaction>} streams the PDI zip (no copy on disk, first bytes at
 * once); as the same content always gives the same bytes, {@code Range: bytes=N-} resumes an interrupted download
 * (206, with the length and SHA-256 from the package's manifest, or one measuring pass the first time; the ETag is
 * its SHA-256, so {@code If-Range} is honoured).
 * {@code POST /download} with a password of at least 8 characters streams an AES-256 package (not resumable). Each
 * completed download is recorded by the core with the package's SHA-256 (audit; the first completes the transfer);
 * a package downloaded before the core prepared it streams unhashed and its SHA-256 follows from a queued job.
 */
final class DownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,18})-");
    private final transient Acting acting;
    private final transient IndividualAccess access;
    private final transient Packager packager;
    private final transient Downloads downloads;

    DownloadServlet(Acting acting, IndividualAccess access, Packager packager, Downloads downloads) {
        this.acting = acting;
        this.access = access;
        this.packager = packager;
        this.downloads = downloads;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Visit visit = acting.visit();
        var session = visit.session(req);
        String target = req.getParameter("t");
        if (session.isEmpty() || target == null || !target.matches("[A-Za-z0-9_-]{1,64}")) {
            visit.sessionEnded(req, resp);
            return;
        }
        IndividualPrincipal p;
        try {
            p = access.authorize(session.get(), new TransactionId(target), Action.DOWNLOAD, Visit.client(req));
        } catch (AccessDeniedException | ConflictException | NotFoundException e) {
            visit.message(req, resp, 403, "action.refused", Map.of("reason", e.getMessage()));
            return;
        }
        long skip = 0;
        Matcher range = RANGE.matcher(Optional.ofNullable(req.getHeader("Range")).orElse(""));
        if (range.matches()) {
            // the package's length and hash come from its manifest, so a resume reads the study once
            PackageResult whole = packager.measure(p.transaction(), PackageScope.whole());
            String ifRange = req.getHeader("If-Range");
            skip = Long.parseLong(range.group(1));
            if (ifRange != null && !ifRange.equals(etag(whole))) {
                skip = 0; // the package changed since the first part: send it whole
            } else if (skip >= whole.bytes()) {
                resp.setHeader("Content-Range", "bytes */" + whole.bytes());
                resp.sendError(416);
                return;
            } else {
                resp.setStatus(206);
                resp.setHeader("Content-Range", "bytes " + skip + "-" + (whole.bytes() - 1) + "/" + whole.bytes());
                resp.setContentLengthLong(whole.bytes() - skip);
                resp.setHeader("ETag", etag(whole));
            }
        }
        headers(resp, p);
        stream(req, resp, p, Optional.empty(), skip);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var session = acting.session(req, resp);
        if (session.isEmpty()) {
            return;
        }
        var principal = acting.authorize(req, resp, session.get(), Action.DOWNLOAD);
        if (principal.isEmpty()) {
            return;
        }
        String password = Optional.ofNullable(req.getParameter("password")).orElse("");
        if (password.length() < 8 || password.length() > 128) {
            acting.visit().message(req, resp, 400, "download.password", Map.of());
            return;
        }
        headers(resp, principal.get());
        stream(req, resp, principal.get(), Optional.of(password.toCharArray()), 0);
    }

    private static void headers(HttpServletResponse resp, IndividualPrincipal p) {
        resp.setContentType("application/zip");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + p.transaction().tracking().value()
                + ".zip\"");
        resp.setHeader("Accept-Ranges", "bytes");
    }

    private void stream(HttpServletRequest req, HttpServletResponse resp, IndividualPrincipal p,
                        Optional<char[]> password, long skip) throws IOException {
        PackageResult r = packager.write(p.transaction(), PackageScope.whole(), password, skip,
                resp.getOutputStream());
        resp.flushBuffer();
        // only a package that reached its end counts as downloaded
        downloads.recordDownload(p, r, Visit.client(req));
    }

    private static String etag(PackageResult r) {
        return "\"" + r.requireSha256() + "\"";
    }
}
