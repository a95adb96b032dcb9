package org.iep.app.dicomweb;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.IepException;
import org.iep.api.NotFoundException;
import org.iep.api.directory.User;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.StaffAccess;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestResult;
import org.iep.core.ingest.IngestSource;
import org.iep.core.viewing.Images;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.json.DicomJsonWriter;

/**
 * STOW-RS, {@code POST /dicomweb/t/<transaction>/studies[/<study>]} with {@code multipart/related;
 * type="application/dicom"}: for the sending institution's systems (API key), each part is spooled to a private
 * temporary file (bounded), then stored through the core's ingest, which checks it like any other arrival. The answer
 * lists every stored instance and every failed one with its reason (PS3.18 10.5.3): 200 all stored, 202 some, 409
 * none.
 */
public final class Stow {
    private static final Pattern PATH = Pattern.compile("/t/([A-Za-z0-9_-]{1,64})/studies(?:/([0-9.]{1,64}))?");
    static final long MAX_PART = 2L << 30;
    private static final int MAX_PARTS = 10_000;
    private static final int FAILED_PROCESSING = 0x0110;
    private static final int STUDY_MISMATCH = 0xA900;
    private static final int REFUSED = 0xA700;

    private final Images images;
    private final Ingest ingest;
    private final Function<HttpServletRequest, Optional<User>> apiCaller;
    private final Path spool;

    /** @param spool a private directory for parts in transit; emptied now (what a crash left there) */
    public Stow(Images images, Ingest ingest, Function<HttpServletRequest, Optional<User>> apiCaller, Path spool)
            throws IOException {
        this.images = images;
        this.ingest = ingest;
        this.apiCaller = apiCaller;
        this.spool = spool;
        Files.createDirectories(spool);
        try (var left = Files.list(spool)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        Matcher m = PATH.matcher(Optional.ofNullable(req.getPathInfo()).orElse(""));
        String type = Optional.ofNullable(req.getContentType()).orElse("");
        if (!m.matches()) {
            resp.sendError(404);
            return;
        }
        Optional<User> caller = apiCaller.apply(req);
        if (caller.isEmpty()) {
            resp.setHeader("WWW-Authenticate", "Bearer");
            resp.sendError(401);
            return;
        }
        ClientInfo client = new ClientInfo(req.getRemoteAddr());
        Transaction t;
        try {
            t = images.forStaffAdding(caller.get().id(), new TransactionId(m.group(1)), client);
        } catch (NotFoundException e) {
            resp.sendError(404);
            return;
        } catch (AccessDeniedException e) {
            resp.sendError(403, e.getMessage());
            return;
        }
        String boundary = MultiPart.extractBoundary(type);
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/related") || boundary == null) {
            resp.sendError(415, "Send multipart/related; type=\"application/dicom\"");
            return;
        }
        Files.createDirectories(spool);
        Parts parts = new Parts(t, m.group(2), new IngestSource(StaffAccess.party(caller.get()), client, ""));
        MultiPart.Parser parser = new MultiPart.Parser(boundary, parts);
        parser.setMaxParts(MAX_PARTS);
        try (InputStream in = req.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0 && parts.failure == null) {
                parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
            }
            parser.parse(Content.Chunk.EOF);
        } finally {
            parts.discard();
        }
        if (parts.failure != null) {
            resp.sendError(400, "The multipart body is malformed: " + parts.failure.getMessage());
            return;
        }
        Attributes answer = new Attributes();
        String base = req.getContextPath() + req.getServletPath() + "/t/" + t.id().value();
        var stored = answer.newSequence(0x00081199);
        parts.stored.forEach(s -> {
            Attributes item = stored.addItem();
            item.setString(0x00081150, VR.UI, s.instance().sopClassUid());
            item.setString(0x00081155, VR.UI, s.instance().sopInstanceUid());
            item.setString(0x00081190, VR.UR, base + "/studies/" + s.instance().studyInstanceUid() + "/series/"
                    + s.instance().seriesInstanceUid() + "/instances/" + s.instance().sopInstanceUid());
        });
        if (!parts.failed.isEmpty()) {
            var failed = answer.newSequence(0x00081198);
            parts.failed.forEach(f -> {
                Attributes item = failed.addItem();
                item.setString(0x00081150, VR.UI, f.sopClass());
                item.setString(0x00081155, VR.UI, f.sopInstance());
                item.setInt(0x00081197, VR.US, f.reason());
            });
        }
        resp.setStatus(parts.failed.isEmpty() ? 200 : parts.stored.isEmpty() ? 409 : 202);
        resp.setContentType("application/dicom+json");
        resp.getOutputStream().write(new DicomJsonWriter().toJson(answer).getBytes(StandardCharsets.UTF_8));
    }

    private record Failed(String sopClass, String sopInstance, int reason) {
    }

    /** Spools each part, then hands it to ingest; collects the outcomes. */
    private final class Parts implements MultiPart.Parser.Listener {
        private final Transaction transaction;
        private final String study;
        private final IngestSource source;
        final List<IngestResult> stored = new ArrayList<>();
        final List<Failed> failed = new ArrayList<>();
        Throwable failure;
        private Path file;
        private OutputStream out;
        private long size;
        private boolean dicom;

        Parts(Transaction transaction, String study, IngestSource source) {
            this.transaction = transaction;
            this.study = study;
            this.source = source;
        }

        @Override
        public void onPartBegin() {
            dicom = false;
            size = 0;
            try {
                file = Files.createTempFile(spool, "stow", ".part");
                out = Files.newOutputStream(file);
            } catch (IOException e) {
                failure = e;
            }
        }

        @Override
        public void onPartHeader(String name, String value) {
            if (name.equalsIgnoreCase("Content-Type")) {
                dicom = value.toLowerCase(Locale.ROOT).startsWith("application/dicom");
            }
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            try {
                ByteBuffer b = chunk.getByteBuffer();
                size += b.remaining();
                if (out != null && size <= MAX_PART) {
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    out.write(bytes);
                }
            } catch (IOException e) {
                failure = e;
            } finally {
                chunk.release();
            }
        }

        @Override
        public void onPartEnd() {
            try {
                out.close();
                out = null;
                store();
            } catch (IOException e) {
                failure = e;
            } finally {
                delete();
            }
        }

        private void store() throws IOException {
            String sopClass = "";
            String sop = "";
            String partStudy = "";
            try (DicomReader r = DicomReader.open(file)) {
                DicomFile header = r.readUntilPixelData();
                sopClass = Optional.ofNullable(header.dataSet().getString(0x00080016)).orElse("");
                sop = Optional.ofNullable(header.dataSet().getString(0x00080018)).orElse("");
                partStudy = Optional.ofNullable(header.dataSet().getString(0x0020000D)).orElse("");
            } catch (DicomException e) {
                failed.add(new Failed("", "", FAILED_PROCESSING));
                return;
            }
            if (!dicom || size > MAX_PART) {
                failed.add(new Failed(sopClass, sop, REFUSED));
            } else if (study != null && !study.equals(partStudy)) {
                failed.add(new Failed(sopClass, sop, STUDY_MISMATCH));
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    stored.add(ingest.ingest(transaction.id(), in, source));
                } catch (ConflictException e) {
                    failed.add(new Failed(sopClass, sop, REFUSED));
                } catch (IepException e) {
                    failed.add(new Failed(sopClass, sop, FAILED_PROCESSING));
                }
            }
        }

        @Override
        public void onFailure(Throwable t) {
            failure = t;
        }

        void discard() {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException e) {
                // the file goes anyway
            }
            delete();
        }

        private void delete() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left for the next start, which empties the spool
                }
                file = null;
            }
        }
    }
}
