package org.iep.app.dicomweb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.NotFoundException;
import org.iep.api.content.IndexedInstance;
import org.iep.api.directory.User;
import org.iep.api.transaction.TransactionId;
import org.iep.core.audit.ClientInfo;
import org.iep.core.viewing.ImageSet;
import org.iep.core.viewing.Images;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.json.DicomJsonWriter;

/**
 * {@code /dicomweb/t/<transaction>/…}: QIDO-RS, WADO-RS and WADO-URI over one transaction's images. Every request
 * is authorised by the core first (an individual's session or an institution's API key); a caller without access
 * gets 404 for an unknown transaction and 403 otherwise, never the images. Responses are {@code no-store}.
 */
public final class DicomWebServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String UID = "[0-9.]{1,64}";
    private static final Pattern PATH = Pattern.compile("/t/([A-Za-z0-9_-]{1,64})(/.*)?");
    private static final Pattern STUDIES = Pattern.compile("/studies");
    private static final Pattern STUDY = Pattern.compile("/studies/(" + UID + ")");
    private static final Pattern SERIES_LIST = Pattern.compile("/studies/(" + UID + ")/series");
    private static final Pattern SERIES = Pattern.compile("/studies/(" + UID + ")/series/(" + UID + ")");
    private static final Pattern METADATA = Pattern.compile("/studies/(" + UID + ")/series/(" + UID + ")/metadata");
    private static final Pattern INSTANCES = Pattern.compile("/studies/(" + UID + ")/series/(" + UID + ")/instances");
    private static final Pattern INSTANCE = Pattern.compile("/studies/(" + UID + ")/series/(" + UID
            + ")/instances/(" + UID + ")");
    private static final Pattern WADO_URI = Pattern.compile("/wado");
    private static final String DICOM_JSON = "application/dicom+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final transient Images images;
    private final transient Function<HttpServletRequest, Optional<String>> sessionOf;
    private final transient Function<HttpServletRequest, Optional<User>> apiCaller;
    private final transient Stow stow;

    /**
     * @param sessionOf an individual's session ID from the request's cookie
     * @param apiCaller the approved staff user an API key in the Authorization header stands for
     */
    public DicomWebServlet(Images images, Function<HttpServletRequest, Optional<String>> sessionOf,
                           Function<HttpServletRequest, Optional<User>> apiCaller, Stow stow) {
        this.images = images;
        this.stow = stow;
        this.sessionOf = sessionOf;
        this.apiCaller = apiCaller;
    }

    /** STOW-RS. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        stow.handle(req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        Matcher m = PATH.matcher(Optional.ofNullable(req.getPathInfo()).orElse(""));
        if (!m.matches()) {
            resp.sendError(404);
            return;
        }
        String rest = Optional.ofNullable(m.group(2)).orElse("");
        ImageSet set;
        try {
            set = authorise(req, new TransactionId(m.group(1)));
        } catch (NotFoundException e) {
            resp.sendError(404);
            return;
        } catch (AccessDeniedException | ConflictException e) {
            resp.sendError(403, e.getMessage());
            return;
        } catch (NoCaller e) {
            resp.setHeader("WWW-Authenticate", "Bearer");
            resp.sendError(401);
            return;
        }
        String base = req.getContextPath() + req.getServletPath() + "/t/" + m.group(1);
        Function<IndexedInstance, DicomFile> header = set::header;
        Matcher p;
        if (STUDIES.matcher(rest).matches()) {
            json(resp, QidoJson.studies(filter(set.instances(Optional.empty(), Optional.empty()), req), header, base));
        } else if ((p = SERIES_LIST.matcher(rest)).matches()) {
            json(resp, QidoJson.series(set.instances(Optional.of(p.group(1)), Optional.empty()), header, base));
        } else if ((p = INSTANCES.matcher(rest)).matches()) {
            json(resp, QidoJson.instances(set.instances(Optional.of(p.group(1)), Optional.of(p.group(2))), header,
                    base));
        } else if ((p = METADATA.matcher(rest)).matches()) {
            metadata(resp, set, set.instances(Optional.of(p.group(1)), Optional.of(p.group(2))), base);
        } else if ((p = INSTANCE.matcher(rest)).matches()) {
            Optional<IndexedInstance> i = set.instance(p.group(1), p.group(2), p.group(3));
            if (i.isEmpty()) {
                resp.sendError(404);
                return;
            }
            multipart(resp, set, List.of(i.get()));
        } else if ((p = SERIES.matcher(rest)).matches()) {
            found(resp, set, set.instances(Optional.of(p.group(1)), Optional.of(p.group(2))));
        } else if ((p = STUDY.matcher(rest)).matches()) {
            found(resp, set, set.instances(Optional.of(p.group(1)), Optional.empty()));
        } else if (WADO_URI.matcher(rest).matches()) {
            wadoUri(req, resp, set);
        } else {
            resp.sendError(404);
        }
    }

    private ImageSet authorise(HttpServletRequest req, TransactionId t) {
        ClientInfo client = new ClientInfo(req.getRemoteAddr());
        if (req.getHeader("Authorization") != null) {
            User u = apiCaller.apply(req).orElseThrow(NoCaller::new);
            return images.forStaff(u.id(), t, client);
        }
        String session = sessionOf.apply(req).orElseThrow(NoCaller::new);
        return images.forIndividual(session, t, client);
    }

    /** QIDO matching on the study keys a viewer sends; UIDs and IDs match exactly. */
    private static List<IndexedInstance> filter(List<IndexedInstance> all, HttpServletRequest req) {
        var params = req.getParameterMap();
        Optional<String> study = QidoJson.only(params, "StudyInstanceUID", QidoJson.STUDY_UID);
        Optional<String> patient = QidoJson.only(params, "PatientID", QidoJson.PATIENT_ID);
        Optional<String> accession = QidoJson.only(params, "AccessionNumber", QidoJson.ACCESSION);
        return all.stream().filter(i -> study.map(i.studyInstanceUid()::equals).orElse(true))
                .filter(i -> patient.map(i.patientId()::equals).orElse(true))
                .filter(i -> accession.map(i.accessionNumber()::equals).orElse(true)).toList();
    }

    private static void json(HttpServletResponse resp, List<Attributes> results) throws IOException {
        if (results.isEmpty()) {
            resp.setStatus(204);
            return;
        }
        resp.setContentType(DICOM_JSON);
        resp.setCharacterEncoding("UTF-8");
        StringBuilder b = new StringBuilder("[");
        DicomJsonWriter writer = new DicomJsonWriter();
        for (int k = 0; k < results.size(); k++) {
            b.append(k == 0 ? "" : ",").append(writer.toJson(results.get(k)));
        }
        resp.getOutputStream().write(b.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void metadata(HttpServletResponse resp, ImageSet set, List<IndexedInstance> series, String base)
            throws IOException {
        if (series.isEmpty()) {
            resp.sendError(404);
            return;
        }
        List<Attributes> all = new java.util.ArrayList<>();
        for (IndexedInstance i : series) {
            all.add(set.header(i).dataSet());
        }
        resp.setContentType(DICOM_JSON);
        resp.setCharacterEncoding("UTF-8");
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < all.size(); k++) {
            IndexedInstance i = series.get(k);
            String instanceUrl = base + "/studies/" + i.studyInstanceUid() + "/series/" + i.seriesInstanceUid()
                    + "/instances/" + i.sopInstanceUid();
            ObjectNode node = (ObjectNode) MAPPER.readTree(new DicomJsonWriter((path, e) -> instanceUrl, false)
                    .toJson(all.get(k)));
            // the header stops before the pixel data: name where the viewer fetches it
            node.putObject("7FE00010").put("vr", all.get(k).getInt(0x00280100, 16) > 8 ? "OW" : "OB")
                    .put("BulkDataURI", instanceUrl);
            b.append(k == 0 ? "" : ",").append(MAPPER.writeValueAsString(node));
        }
        resp.getOutputStream().write(b.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void found(HttpServletResponse resp, ImageSet set, List<IndexedInstance> instances)
            throws IOException {
        if (instances.isEmpty()) {
            resp.sendError(404);
            return;
        }
        multipart(resp, set, instances);
    }

    /** multipart/related; type="application/dicom" (PS3.18 8.7.3.3), streamed part by part. */
    private static void multipart(HttpServletResponse resp, ImageSet set, List<IndexedInstance> instances)
            throws IOException {
        String boundary = UUID.randomUUID().toString();
        resp.setContentType("multipart/related; type=\"application/dicom\"; boundary=" + boundary);
        OutputStream out = resp.getOutputStream();
        for (IndexedInstance i : instances) {
            out.write(("--" + boundary + "\r\nContent-Type: application/dicom\r\nContent-Length: " + i.size()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = set.open(i)) {
                in.transferTo(out);
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** WADO-URI (PS3.18 9): one object as application/dicom, the form Cornerstone's wadouri loader reads. */
    private static void wadoUri(HttpServletRequest req, HttpServletResponse resp, ImageSet set) throws IOException {
        String type = Optional.ofNullable(req.getParameter("contentType")).orElse("application/dicom");
        if (!"WADO".equals(req.getParameter("requestType")) || !type.equals("application/dicom")) {
            resp.sendError(400, "requestType=WADO and contentType=application/dicom are supported");
            return;
        }
        Optional<IndexedInstance> i = Optional.ofNullable(req.getParameter("studyUID"))
                .flatMap(st -> Optional.ofNullable(req.getParameter("seriesUID"))
                        .flatMap(se -> Optional.ofNullable(req.getParameter("objectUID"))
                                .flatMap(sop -> set.instance(st, se, sop))));
        if (i.isEmpty()) {
            resp.sendError(404);
            return;
        }
        resp.setContentType("application/dicom");
        resp.setContentLengthLong(i.get().size());
        try (InputStream in = set.open(i.get())) {
            in.transferTo(resp.getOutputStream());
        }
    }

    /** No session cookie and no (valid) API key. */
    private static final class NoCaller extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoCaller() {
            super(null, null, false, false);
        }
    }
}
