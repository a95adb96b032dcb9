package org.iep.adapters.dicom;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iep.api.directory.Node;

/**
 * An Orthanc (Debian package) started from a temporary JSON configuration on free 127.0.0.1 ports, not as a
 * service; stopped by {@link #close()}. Loaded and inspected over its REST API.
 */
final class OrthancPeer implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"ID\"\\s*:\\s*\"([0-9a-f-]+)\"");

    final String aeTitle;
    final int dicomPort;
    final int httpPort;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OrthancPeer(String aeTitle, int dicomPort, int httpPort, Process process) {
        this.aeTitle = aeTitle;
        this.dicomPort = dicomPort;
        this.httpPort = httpPort;
        this.process = process;
    }

    /** Starts Orthanc knowing {@code modalities} (for C-FIND/C-MOVE from them and C-MOVE to them). */
    static OrthancPeer start(Path dir, String aeTitle, List<Node> modalities) throws Exception {
        return start(dir, aeTitle, modalities, "");
    }

    /** As {@link #start(Path, String, List)}, with more configuration ({@code "Key": value, ...}), e.g. DICOM TLS. */
    static OrthancPeer start(Path dir, String aeTitle, List<Node> modalities, String moreConfig) throws Exception {
        Peers.require("Orthanc");
        Path db = Files.createDirectories(dir.resolve("db-" + aeTitle));
        int dicom = Peers.freePort();
        int web = Peers.freePort();
        StringBuilder mods = new StringBuilder();
        for (Node n : modalities) {
            mods.append(mods.isEmpty() ? "" : ", ").append('"').append(n.id().value()).append("\": [\"")
                    .append(n.aeTitle()).append("\", \"").append(n.host()).append("\", ").append(n.port()).append(']');
        }
        Path config = dir.resolve("orthanc-" + aeTitle + ".json");
        Files.writeString(config, "{ \"Name\": \"" + aeTitle + "\", \"StorageDirectory\": \"" + db
                + "\", \"IndexDirectory\": \"" + db + "\", \"HttpPort\": " + web + ", \"DicomPort\": " + dicom
                + ", \"DicomAet\": \"" + aeTitle + "\", \"RemoteAccessAllowed\": false,"
                + " \"AuthenticationEnabled\": false, \"Plugins\": [], \"DicomCheckCalledAet\": true,"
                + " \"DicomAlwaysAllowEcho\": true, \"DicomAlwaysAllowStore\": true, \"StorageCompression\": false,"
                // without keep-alive: Orthanc drops idle connections after 1 s, and a POST on one of those is lost
                + " \"KeepAlive\": false,"
                + (moreConfig.isEmpty() ? "" : " " + moreConfig + ",") + " \"DicomModalities\": { " + mods + " } }\n");
        Process p = Peers.start(dir, "Orthanc", config.toString());
        OrthancPeer peer = new OrthancPeer(aeTitle, dicom, web, p);
        try {
            peer.awaitUp();
        } catch (Exception e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    Node node() {
        return Peers.node(aeTitle.toLowerCase(java.util.Locale.ROOT), aeTitle, dicomPort);
    }

    private void awaitUp() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc " + aeTitle + " exited with " + process.exitValue());
            }
            try {
                if (get("/system").statusCode() == 200) {
                    Peers.awaitListening(dicomPort);
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Orthanc " + aeTitle + " did not come up");
    }

    /** POST /instances; returns Orthanc's ID of the instance. */
    String upload(Path file) throws Exception {
        HttpResponse<String> r = null;
        for (int attempt = 1; r == null; attempt++) {
            try {
                r = http.send(HttpRequest.newBuilder(uri("/instances")).POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the client may reuse a keep-alive connection Orthanc has just closed, and does not resend a
                // POST by itself; storing the same file again is harmless to Orthanc
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("upload of " + file + " failed: " + r.statusCode() + " " + r.body());
        }
        return id(r.body());
    }

    /** The stored Part 10 file of the instance with this SOP Instance UID, written to {@code target}. */
    Path file(String sopInstanceUid, Path target) throws Exception {
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(uri("/tools/lookup"))
                .POST(HttpRequest.BodyPublishers.ofString(sopInstanceUid)).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = id(found.body());
        HttpResponse<Path> r = http.send(HttpRequest.newBuilder(uri("/instances/" + id + "/file")).build(),
                HttpResponse.BodyHandlers.ofFile(target));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET file of " + sopInstanceUid + ": " + r.statusCode());
        }
        return target;
    }

    /** POST of a JSON body; returns the HTTP status. */
    int post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** POST of a JSON body; returns the response body, failing on a status other than 200. */
    String postForBody(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** GET; returns the response body, failing on a status other than 200. */
    String getBody(String path) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** How many instances Orthanc holds (GET /statistics). */
    int instances() throws Exception {
        Matcher m = Pattern.compile("\"CountInstances\"\\s*:\\s*(\\d+)").matcher(get("/statistics").body());
        if (!m.find()) {
            throw new IllegalStateException("no CountInstances in /statistics");
        }
        return Integer.parseInt(m.group(1));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no ID in " + json);
        }
        return m.group(1);
    }

    @Override
    public void close() throws InterruptedException {
        Peers.stop(process);
    }
}
