package org.iep.app.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.api.directory.User;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.IngestSource;
import org.iep.core.upload.UploadReceipt;
import org.iep.core.upload.Uploads;

/**
 * Files for a transfer from an institution's system, through the core's resumable upload sessions (the same the
 * patients' page uses): {@code POST …/uploads} opens one, {@code PUT …/uploads/{s}/files/{name}?offset=N} appends a
 * chunk of at most {@value #MAX_CHUNK} bytes (checked from the declared length before reading; a wrong offset is
 * a 409 that says where to resume), {@code POST …/uploads/{s}/confirm} stores the whole upload or nothing (DICOM
 * files and zips of them, and PDF, Word, text and image documents, typed by content). The caller has been checked
 * as the transfer's sender by the core ({@code Transactions.requireSender}).
 */
final class ApiUploads {
    static final int MAX_CHUNK = 8 * 1024 * 1024;

    private final Uploads uploads;

    ApiUploads(Uploads uploads) {
        this.uploads = uploads;
    }

    /** {@code rest} is what follows {@code /uploads}: empty, {@code /{s}/files/{name}} or {@code /{s}/confirm}. */
    Answer handle(HttpServletRequest req, User caller, Transaction t, String rest, ClientInfo client)
            throws IOException {
        IngestSource by = new IngestSource(new Party.Staff(caller.institution(), caller.id()), client, "");
        String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/", 3);
        String method = req.getMethod();
        if (parts.length == 0 && method.equals("POST")) {
            return new Answer(201, Map.of("session", uploads.open(t.id(), by), "maxChunk", MAX_CHUNK));
        }
        if (parts.length == 3 && parts[1].equals("files") && method.equals("PUT")) {
            return append(req, t, parts[0], java.net.URLDecoder.decode(parts[2],
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (parts.length == 2 && parts[1].equals("confirm") && method.equals("POST")) {
            String message = Optional.ofNullable(req.getParameter("message")).orElse("");
            UploadReceipt r = uploads.confirm(t.id(), parts[0], by, bytes -> { }, message);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("instancesStored", r.instancesStored());
            d.put("instancesAlreadyStored", r.instancesAlreadyStored());
            d.put("documents", r.attachments().stream().map(a -> Map.of("fileName", a.fileName(), "mediaType",
                    a.mediaType(), "size", a.size())).toList());
            d.put("ignored", r.ignored());
            d.put("bytes", r.bytes());
            return new Answer(200, d);
        }
        return new Answer(404, Map.of("title", "Not found", "detail", "No upload resource at this path."));
    }

    private Answer append(HttpServletRequest req, Transaction t, String session, String name) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared < 0 || declared > MAX_CHUNK) {
            throw new InvalidInputException(List.of(new Problem("body", declared < 0 ? "needs a Content-Length"
                    : "a chunk is at most " + MAX_CHUNK + " bytes")));
        }
        long offset;
        try {
            offset = Long.parseLong(Optional.ofNullable(req.getParameter("offset")).orElse("0"));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (offset < 0) {
            throw new InvalidInputException(List.of(new Problem("offset", "must be a byte offset (0 or more)")));
        }
        try (InputStream body = req.getInputStream()) {
            long received = uploads.append(t.id(), session, name, offset,
                    new java.io.BufferedInputStream(new java.io.ByteArrayInputStream(body.readNBytes((int) declared))));
            return new Answer(200, Map.of("received", received));
        } catch (ConflictException e) {
            if (e.errorCode() != CoreErrorCode.UPLOAD_OFFSET_MISMATCH) {
                throw e;
            }
            long have = uploads.progress(t.id(), session).stream().filter(f -> f.fileName().equals(name))
                    .mapToLong(f -> f.receivedBytes()).findFirst().orElse(0);
            return new Answer(409, Map.of("received", have, "detail", e.getMessage()));
        }
    }

    /** A status and the JSON document to send. */
    record Answer(int status, Object document) {
    }
}
