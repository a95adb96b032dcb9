package org.iep.app.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.api.AccessDeniedException;
import org.iep.api.IepException;
import org.iep.api.InfrastructureException;
import org.iep.api.InvalidInputException;
import org.iep.api.NotFoundException;
import org.iep.api.Problem;
import org.iep.api.audit.AuditRecord;
import org.iep.api.directory.User;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.NodeStore;
import org.iep.core.report.ReportSettings;
import org.iep.core.report.Reports;
import org.iep.core.upload.Uploads;
import org.iep.api.spi.TransactionStore;
import org.iep.api.spi.UserStore;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TrackingNumber;
import org.iep.core.audit.AuditSearch;
import org.iep.core.audit.AuditTrail;
import org.iep.core.audit.ClientInfo;
import org.iep.core.transaction.Transactions;
import org.iep.core.pseudonym.Pseudonymisation;
import org.iep.api.pseudonym.PseudonymLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/*}, the REST API for institutions' systems. Every call carries {@code Authorization: Bearer <key>};
 * the key's client acts as one IEP user, and the core decides what that user may do (its institution, its roles),
 * audits it and validates everything. Bodies are JSON (at most {@value #MAX_BODY} bytes); errors are problem
 * documents with IEP's stable codes.
 */
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    static final int MAX_BODY = 256 * 1024;
    private static final Pattern TRANSACTION = Pattern.compile(
            "/transactions/([A-Z]{2,6}[0-9]{7})(/messages|/cancel|/reports|/uploads(?:/.*)?)?");

    private final transient ApiCaller caller;
    private final transient Pseudonymisation pseudonymisation;
    private final transient UserStore users;
    private final transient TransactionStore store;
    private final transient Transactions transactions;
    private final transient AuditTrail audit;
    private final transient Reports reports;
    private final transient ApiUploads uploads;
    private final transient TransactionJson mapping;
    private final transient ObjectMapper json = new ObjectMapper();

    public ApiServlet(ApiClients clients, UserStore users, DirectoryStore directory, NodeStore nodes,
                      TransactionStore store, Transactions transactions, AuditTrail audit, Reports reports,
                      Uploads uploads, Pseudonymisation pseudonymisation) {
        this.pseudonymisation = pseudonymisation;
        this.caller = new ApiCaller(clients, users);
        this.reports = reports;
        this.uploads = new ApiUploads(uploads);
        this.users = users;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.mapping = new TransactionJson(directory, nodes);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<User> caller = this.caller.apply(req);
        if (caller.isEmpty()) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"iep\"");
            Problems.write(resp, json, 401, "Unauthenticated", "Send a valid API key as 'Authorization: Bearer <key>'.");
            return;
        }
        ClientInfo client = new ClientInfo(req.getRemoteAddr());
        try {
            route(req, resp, caller.get(), client);
        } catch (IepException e) {
            if (e instanceof InfrastructureException) {
                LOG.error("API call {} {} failed", req.getMethod(), req.getHttpServletMapping().getPattern(), e);
            }
            Problems.write(resp, json, e);
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, User caller, ClientInfo client)
            throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String method = req.getMethod();
        if (path.equals("/transfers") && method.equals("POST")) {
            created(resp, transactions.createTransfer(mapping.transfer(body(req), caller), client));
        } else if (path.equals("/requests") && method.equals("POST")) {
            created(resp, transactions.createRequest(mapping.request(body(req), caller), client));
        } else if (path.equals("/pseudonyms/reidentify") && method.equals("POST")) {
            // POST, so that neither the pseudonym nor the answer ends up in a URL or an access log
            JsonNode body = body(req);
            JsonFields f = new JsonFields();
            PseudonymLink link = pseudonymisation.reidentify(caller.id(), f.text(body, "profile", "profile"),
                    f.text(body, "pseudonym", "pseudonym"), client);
            ok(resp, Map.of("profile", link.profile(), "pseudonym", link.pseudonym(), "patientId", link.patientId(),
                    "patientName", link.patientName(), "birthDate", link.birthDate(),
                    "firstSeen", link.firstSeen().toString()));
        } else if (path.equals("/audit") && method.equals("GET")) {
            List<AuditRecord> records = audit.search(caller.id(), auditSearch(req), client);
            ok(resp, Map.of("records", records.stream().map(ApiServlet::record).toList()));
        } else {
            Matcher m = TRANSACTION.matcher(path);
            if (!m.matches()) {
                Problems.write(resp, json, 404, "Not found", "No API resource at this path.");
                return;
            }
            Transaction t = store.findByTracking(new TrackingNumber(m.group(1)))
                    .orElseThrow(() -> new NotFoundException("transaction " + m.group(1)));
            String action = m.group(2) == null ? "" : m.group(2);
            Transaction seen;
            try {
                seen = transactions.view(caller.id(), t.id(), client);
            } catch (AccessDeniedException e) {
                // another institution's transaction: answered as absent, so tracking numbers cannot be probed
                throw new NotFoundException("transaction " + m.group(1));
            }
            if (action.isEmpty() && method.equals("GET")) {
                ok(resp, TransactionJson.document(seen));
            } else if (action.equals("/messages") && method.equals("POST")) {
                ok(resp, TransactionJson.document(transactions.addMessage(caller.id(), t.id(),
                        new JsonFields().text(body(req), "text", "text"), client)));
            } else if (action.startsWith("/uploads")) {
                transactions.requireSender(caller.id(), t.id(), "upload.open", client);
                ApiUploads.Answer a = uploads.handle(req, caller, seen, action.substring("/uploads".length()), client);
                send(resp, a.status(), a.document());
            } else if (action.equals("/reports") && method.equals("POST")) {
                attachReport(req, resp, caller, seen, client);
            } else if (action.equals("/cancel") && method.equals("POST")) {
                ok(resp, TransactionJson.document(transactions.cancel(caller.id(), t.id(),
                        new JsonFields().text(body(req), "reason", "reason"), client)));
            } else {
                resp.setHeader("Allow", action.isEmpty() ? "GET" : "POST");
                Problems.write(resp, json, 405, "Method not allowed", "Use " + (action.isEmpty() ? "GET" : "POST")
                        + " here.");
            }
        }
    }

    /**
     * A report for one study of the caller's own transfer: a PDF as the body ({@code Content-Type:
     * application/pdf}, study in {@code ?study=}), or JSON {@code {"studyInstanceUid", "text"}} for a pasted text
     * report. An {@code Idempotency-Key} header makes a resend attach nothing twice. The size limit is checked from
     * the declared length before the body is read.
     */
    private void attachReport(HttpServletRequest req, HttpServletResponse resp, User caller, Transaction t,
                              ClientInfo client) throws IOException {
        transactions.requireSender(caller.id(), t.id(), "report.attach", client);
        String type = Optional.ofNullable(req.getContentType()).orElse("").toLowerCase(java.util.Locale.ROOT);
        String study;
        String fileName;
        byte[] content;
        if (type.startsWith("application/pdf")) {
            long declared = req.getContentLengthLong();
            if (declared < 0 || declared > ReportSettings.DEFAULT.maxBytes()) {
                throw new InvalidInputException(List.of(new Problem("body", declared < 0 ? "needs a Content-Length"
                        : "is larger than " + ReportSettings.DEFAULT.maxBytes() + " bytes")));
            }
            content = req.getInputStream().readNBytes((int) declared);
            if (content.length < 5 || !new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("%PDF-")) {
                // what is declared a PDF must be one; a letter sent as text says so in its Content-Type
                throw new InvalidInputException(List.of(new Problem("body", "is declared application/pdf but is"
                        + " not a PDF")));
            }
            study = Optional.ofNullable(req.getParameter("study")).orElse("");
            fileName = "report.pdf";
        } else {
            JsonNode body = body(req);
            JsonFields f = new JsonFields();
            study = f.text(body, "studyInstanceUid", "studyInstanceUid");
            String text = f.text(body, "text", "text");
            if (text.isBlank()) {
                f.problems.add(new Problem("text", "is required (or send a PDF as application/pdf)"));
            }
            if (!f.problems.isEmpty()) {
                throw new InvalidInputException(f.problems);
            }
            content = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            fileName = "report.txt";
        }
        String key = "api:" + caller.id().value() + ":" + Optional.ofNullable(req.getHeader("Idempotency-Key"))
                .filter(k -> k.matches("[A-Za-z0-9_.:-]{1,64}")).orElseGet(() -> java.util.UUID.randomUUID()
                        .toString());
        reports.attachToStudy(t.id(), study, key, fileName, content,
                new org.iep.api.transaction.Party.Staff(caller.institution(), caller.id()), client);
        Transaction after = store.find(t.id()).orElseThrow();
        send(resp, 201, TransactionJson.document(after));
    }

    private JsonNode body(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY) {
            throw new InvalidInputException(List.of(new Problem("body", "is larger than " + MAX_BODY + " bytes")));
        }
        byte[] bytes = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new InvalidInputException(List.of(new Problem("body", "is larger than " + MAX_BODY + " bytes")));
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new InvalidInputException(List.of(new Problem("body", "must be a JSON object")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(new Problem("body", "is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
        }
    }

    private AuditSearch auditSearch(HttpServletRequest req) {
        int limit = 100;
        List<Problem> problems = new java.util.ArrayList<>();
        String l = req.getParameter("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                problems.add(new Problem("limit", "must be a whole number"));
            }
        }
        AuditSearch s = AuditSearch.all(Math.max(1, Math.min(limit, AuditSearch.MAX_LIMIT)));
        if (req.getParameter("patientId") != null) {
            s = s.patient(req.getParameter("patientId"));
        }
        if (req.getParameter("transaction") != null) {
            s = s.transaction(req.getParameter("transaction"));
        }
        if (req.getParameter("accessionNumber") != null) {
            s = s.accession(req.getParameter("accessionNumber"));
        }
        if (req.getParameter("user") != null) {
            s = s.user(req.getParameter("user"));
        }
        String from = req.getParameter("from");
        String to = req.getParameter("to");
        if (from != null || to != null) {
            try {
                s = s.between(from == null ? Instant.EPOCH : Instant.parse(from),
                        to == null ? Instant.parse("9999-12-31T00:00:00Z") : Instant.parse(to));
            } catch (DateTimeParseException e) {
                problems.add(new Problem("from/to", "must be UTC times such as 2026-03-02T09:00:00Z"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return s;
    }

    private static Map<String, Object> record(AuditRecord r) {
        var e = r.event();
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("sequence", r.sequence());
        d.put("at", e.at().toString());
        d.put("actor", e.actor());
        d.put("institution", e.institution());
        d.put("action", e.action());
        d.put("transaction", e.transaction());
        d.put("patientId", e.patientId());
        d.put("accessionNumbers", e.accessionNumbers());
        d.put("outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT));
        d.put("remoteAddress", e.remoteAddress());
        d.put("detail", e.detail());
        d.put("hash", r.hash());
        return d;
    }

    private void created(HttpServletResponse resp, Transaction t) throws IOException {
        resp.setHeader("Location", "/api/v1/transactions/" + t.tracking().value());
        send(resp, 201, TransactionJson.document(t));
    }

    private void ok(HttpServletResponse resp, Object doc) throws IOException {
        send(resp, 200, doc);
    }

    private void send(HttpServletResponse resp, int status, Object doc) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        json.writeValue(resp.getWriter(), doc);
    }
}
