package org.iep.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.dicom.Corpus;
import org.iep.dicom.ExternalTool;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.MoveHandler;
import org.iep.dicom.net.dimse.ServerConfig;
import org.iep.dicom.tool.ToolRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc as the SCU against our SCP (the other direction of the interoperability matrix): Orthanc's C-ECHO, its
 * study-level C-FIND and its C-MOVE of the found study to itself, driven through Orthanc's REST API. (Debian's
 * Orthanc 1.10 has no C-GET SCU; our C-GET SCP is proven against dcmtk's getscu in DcmtkQueryRetrieveTest.)
 */
class OrthancQueryRetrieveTest {
    private static final Pattern ID = Pattern.compile("\"ID\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("\"CountInstances\"\\s*:\\s*(\\d+)");

    @TempDir
    Path tmp;
    private final HttpClient http = HttpClient.newHttpClient();
    private int web;

    @Test
    void orthancEchoesFindsAndMovesFromOurServer() throws Exception {
        ExternalTool.require("Orthanc");
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        Files.copy(Corpus.file(DcmtkQueryRetrieveTest.CT), archive.resolve("a.dcm"));
        Files.copy(Corpus.file(DcmtkQueryRetrieveTest.MR), archive.resolve("b.dcm"));
        int orthancDicom = Peers.freePort();
        DirectoryArchive handler = new DirectoryArchive(archive,
                Map.of("ORTHANC", new MoveHandler.Destination("127.0.0.1", orthancDicom)));
        ServerConfig config = ServerConfig.storage("IEPQR", null).withFind(handler).withMove(handler);
        try (DicomServer server = DicomServer.start(config, InetAddress.getLoopbackAddress(), 0)) {
            Process orthanc = startOrthanc(orthancDicom, "IEPQR", server.port());
            try {
                assertThat(post("/modalities/iep/echo", "{}").statusCode()).isEqualTo(200);

                HttpResponse<String> query = post("/modalities/iep/query",
                        "{\"Level\": \"Study\", \"Query\": {\"PatientID\": \"4MR1\", \"StudyInstanceUID\": \"\"}}");
                assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
                String queryId = id(query.body());
                HttpResponse<String> answers = get("/queries/" + queryId + "/answers?expand&simplify");
                assertThat(answers.body()).contains(DcmtkQueryRetrieveTest.MR_STUDY)
                        .doesNotContain(DcmtkQueryRetrieveTest.CT_STUDY);

                HttpResponse<String> move = post("/queries/" + queryId + "/retrieve",
                        "{\"TargetAet\": \"ORTHANC\", \"Synchronous\": true}");
                assertThat(move.statusCode()).as(move.body() + orthancLog()).isEqualTo(200);
                Matcher count = COUNT.matcher(get("/statistics").body());
                assertThat(count.find()).isTrue();
                assertThat(Integer.parseInt(count.group(1))).as("instances Orthanc received").isEqualTo(1);
                HttpResponse<String> found = post("/tools/find", "{\"Level\": \"Study\", \"Query\":"
                        + " {\"StudyInstanceUID\": \"" + DcmtkQueryRetrieveTest.MR_STUDY + "\"}}");
                assertThat(found.body()).as("the moved study is Orthanc's now")
                        .matches("(?s)\\[\\s*\"[^\"]+\"\\s*]");
            } finally {
                Peers.stop(orthanc);
            }
        }
    }

    @Test
    void orthancCommitsWhatItHoldsToDicomToolCommitscu() throws Exception {
        ExternalTool.require("Orthanc");
        int orthancDicom = Peers.freePort();
        int reportPort = Peers.freePort();
        Process orthanc = startOrthanc(orthancDicom, "IEPSCU", reportPort);
        try {
            String[] peer = {"--aet", "IEPSCU", "--called", "ORTHANC", "--host", "127.0.0.1", "--port",
                    String.valueOf(orthancDicom)};
            ToolRun store = ToolRun.of(concat("storescu", peer, Corpus.file(DcmtkQueryRetrieveTest.CT).toString()));
            assertThat(store.exit()).as(store.err()).isZero();

            // Orthanc reports on a new association, to the modality it knows as IEPSCU: our tool listening there
            ToolRun commit = ToolRun.of(concat("commitscu", peer, "--report-port", String.valueOf(reportPort),
                    "--bind", "127.0.0.1", "--timeout", "20", Corpus.file(DcmtkQueryRetrieveTest.CT).toString(),
                    Corpus.file(DcmtkQueryRetrieveTest.MR).toString()));
            assertThat(commit.exit()).as(commit.err() + commit.out() + orthancLog()).isEqualTo(1);
            assertThat(commit.out()).contains(uid(DcmtkQueryRetrieveTest.CT) + ": committed",
                    uid(DcmtkQueryRetrieveTest.MR) + ": not committed (failure reason 0x0112)", "1 of 2 committed");
        } finally {
            Peers.stop(orthanc);
        }
    }

    private static String[] concat(String command, String[] peer, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of(peer));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static String uid(String corpusFile) {
        return org.iep.dicom.net.dimse.DimseClient.prepare(Corpus.file(corpusFile)).sopInstance();
    }

    private Process startOrthanc(int dicom, String ourAe, int ourPort) throws Exception {
        web = Peers.freePort();
        Path db = Files.createDirectories(tmp.resolve("orthanc-db"));
        Path config = tmp.resolve("orthanc.json");
        Files.writeString(config, "{ \"Name\": \"ORTHANC\", \"StorageDirectory\": \"" + db
                + "\", \"IndexDirectory\": \"" + db + "\", \"HttpPort\": " + web + ", \"DicomPort\": " + dicom + ", \"DicomAet\": \"ORTHANC\","
                + " \"RemoteAccessAllowed\": false, \"AuthenticationEnabled\": false, \"Plugins\": [],"
                // without keep-alive: Orthanc drops idle connections after 1 s, and a POST on one of those is lost
                + " \"KeepAlive\": false,"
                + " \"DicomAlwaysAllowStore\": true, \"DicomModalities\": { \"iep\": [\"" + ourAe
                + "\", \"127.0.0.1\", " + ourPort + "] } }\n");
        Process p = Peers.start(tmp, "Orthanc", config.toString());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            try {
                if (get("/system").statusCode() == 200) {
                    Peers.awaitListening(dicom);
                    return p;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        Peers.stop(p);
        throw new IllegalStateException("Orthanc did not come up");
    }

    /** The end of Orthanc's log, to say why it refused. */
    private String orthancLog() throws java.io.IOException {
        try (var logs = Files.list(tmp)) {
            Path log = logs.filter(p -> p.getFileName().toString().startsWith("Orthanc-")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no ID in " + json);
        }
        return m.group(1);
    }
}
