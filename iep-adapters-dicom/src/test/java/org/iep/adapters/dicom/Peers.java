package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.core.delivery.LaneOutcome;
import org.iep.testkit.FreePorts;

/** Real peers for the tests: Debian tools started on 127.0.0.1 free ports, and stopped by the test. */
final class Peers {
    static final Path CORPUS = Path.of("../../shared/dicom/corpus");

    private Peers() {
    }

    /** Fails in CI (CI=true) and skips elsewhere when {@code tool} is not installed. */
    static void require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(tool + " is not on the PATH but CI=true: .ci/run installs it");
        }
        assumeTrue(false, tool + " not on the PATH; skipped outside CI");
    }

    /** A port for a peer: see {@link FreePorts}. */
    static int freePort() {
        return FreePorts.next();
    }

    static Node node(String id, String aeTitle, int port) {
        return new Node(new NodeId(id), new InstitutionId("inst-" + id), aeTitle, "127.0.0.1", port, false, Set.of(),
                Optional.empty(), false);
    }

    static Process start(Path dir, String... command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command[0] + "-" + System.nanoTime() + ".log").toFile());
        // dcmtk leaves Nagle's algorithm on unless told: each DIMSE message would wait ~40 ms for a delayed ACK
        b.environment().put("TCP_NODELAY", "1");
        return b.start();
    }

    /**
     * Starts dcmtk's dcmqrscp as AE title PACS on {@code port} over the database {@code db} (made by dcmqridx), with
     * {@code moveDestination} (AE title and port on 127.0.0.1) as its only C-MOVE destination if given; waits until
     * it listens.
     */
    static Process dcmqrscp(Path dir, int port, Path db, String moveDestinationAe, int moveDestinationPort,
                            String... options) throws IOException, InterruptedException {
        Path cfg = dir.resolve("dcmqrscp-" + port + ".cfg");
        String host = moveDestinationAe == null ? "" : "dest = (" + moveDestinationAe + ", 127.0.0.1, "
                + moveDestinationPort + ")\n";
        Files.writeString(cfg, String.join("\n", "NetworkTCPPort = " + port, "MaxPDUSize = 16384",
                "MaxAssociations = 16", "HostTable BEGIN", host + "HostTable END", "VendorTable BEGIN",
                "VendorTable END", "AETable BEGIN", "PACS " + db + " RW (10, 1024mb) ANY", "AETable END", ""));
        List<String> command = new ArrayList<>(List.of("dcmqrscp", "-c", cfg.toString()));
        command.addAll(List.of(options));
        Process p = start(dir, command.toArray(String[]::new));
        try {
            awaitListening(port);
        } catch (RuntimeException | InterruptedException e) {
            stop(p);
            throw e;
        }
        return p;
    }

    /** A new dcmqrscp database under {@code dir} indexing {@code files} (dcmqridx). */
    static Path dcmqrDatabase(Path dir, List<Path> files) throws IOException, InterruptedException {
        Path db = Files.createDirectories(dir.resolve("db-" + System.nanoTime()));
        List<String> cmd = new ArrayList<>(List.of("dcmqridx", db.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        run(cmd.toArray(String[]::new));
        return db;
    }

    /** dcmqrscp without C-MOVE destinations (find and C-GET only). */
    static Process dcmqrscp(Path dir, int port, Path db, String... options) throws IOException,
            InterruptedException {
        return dcmqrscp(dir, port, db, null, 0, options);
    }

    /** dcmtk's storescu -v sending {@code files} to 127.0.0.1:{@code port}; its output, whatever its exit code. */
    static String storescu(int port, String calling, String called, List<Path> files) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-v", "-aet", calling, "-aec", called, "127.0.0.1",
                String.valueOf(port)));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        p.waitFor();
        return out;
    }

    static void awaitListening(int port) throws InterruptedException {
        FreePorts.awaitListening(port);
    }

    static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** Runs a command to completion (60 s max); returns its output, failing on a non-zero exit. */
    /** A copy of the corpus CT under {@code dir} with another SOP Instance UID (any text, hostile ones too). */
    static Path copyWithUid(Path dir, String uid) throws IOException, InterruptedException {
        Path f = dir.resolve("copy-" + Integer.toHexString(uid.hashCode()) + ".dcm");
        Files.copy(CORPUS.resolve("CT_small.dcm"), f);
        run("dcmodify", "-nb", "-m", "(0008,0018)=" + uid, f.toString());
        return f;
    }

    /** The one delivery lane that did something in a run. */
    static LaneOutcome onlyBusyLane(List<LaneOutcome> outcomes) {
        List<LaneOutcome> b = outcomes.stream()
                .filter(o -> o.kind() != LaneOutcome.Kind.IDLE).toList();
        assertThat(b).hasSize(1);
        return b.get(0);
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish");
        }
        String s = new String(out, StandardCharsets.ISO_8859_1);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": " + s);
        }
        return s;
    }

    /**
     * dcmdump of the data set without what legitimately differs between a sender's and a receiver's copy:
     * comments, Data Set Trailing Padding, and item/sequence length encodings.
     */
    static List<String> dumpDataSet(Path file) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        boolean inDataSet = false;
        for (String l : run("dcmdump", "-M", "+L", file.toString()).split("\n")) {
            if (l.startsWith("# Dicom-Data-Set")) {
                inDataSet = true;
            }
            String t = l.strip();
            if (inDataSet && !t.startsWith("#") && !t.startsWith("(fffc,fffc)") && !t.startsWith("(fffe,e00d)")
                    && !t.startsWith("(fffe,e0dd) na")) {
                lines.add(l.replaceAll("\\((Sequence|Item) with (undefined|explicit) length (#=\\d+)\\).*",
                        "($1 $3)"));
            }
        }
        return lines;
    }

    /** The value of one tag as dcmdump prints it between brackets, or "" when empty. */
    /** The file of {@code stored} (named by SOP Instance UID, as CoreRig exports) holding {@code original}. */
    static Path storedCopy(List<Path> stored, Path original) throws IOException, InterruptedException {
        String uid = value(original, "0008,0018");
        return stored.stream().filter(p -> p.getFileName().toString().startsWith(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no stored copy of " + uid));
    }

    /** Every original has a stored copy with the same data set (as {@link #dumpDataSet} compares them). */
    static void assertStoredUnchanged(List<Path> originals, List<Path> stored) throws IOException,
            InterruptedException {
        for (Path original : originals) {
            Path copy = storedCopy(stored, original);
            if (!dumpDataSet(copy).equals(dumpDataSet(original))) {
                throw new AssertionError("the stored copy of " + original.getFileName() + " differs");
            }
        }
    }

    static String value(Path file, String tag) throws IOException, InterruptedException {
        String line = run("dcmdump", "-Un", "+P", tag, file.toString()).lines().findFirst().orElse("");
        int a = line.indexOf('[');
        int b = line.indexOf(']');
        return a < 0 || b < a ? "" : line.substring(a + 1, b);
    }
}
