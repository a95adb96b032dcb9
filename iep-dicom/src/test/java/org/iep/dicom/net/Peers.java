package org.iep.dicom.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iep.testkit.FreePorts;

/** Test helpers: free ports, dcmtk processes bound to 127.0.0.1 and stopped by the test. */
public final class Peers {
    private Peers() {
    }

    /** A port for a peer: see {@link FreePorts}. */
    public static int freePort() {
        return FreePorts.next();
    }

    /** Starts a process with output to a log file in {@code dir}. */
    public static Process start(Path dir, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command[0] + "-" + System.nanoTime() + ".log").toFile()).start();
    }

    /** Waits until something listens on the port (up to 30 s: a loaded machine starts peers slowly). */
    public static void awaitListening(int port) throws InterruptedException {
        FreePorts.awaitListening(port);
    }

    public static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** Runs a command to completion (60 s max) and returns its exit code and output. */
    public static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    public record Result(int exit, String output) {
    }

    /** dcmdump output without the lines that legitimately differ between sender and receiver copies. */
    public static List<String> dumpDataSet(Path file) throws IOException, InterruptedException {
        Result r = run("dcmdump", "-M", "+L", file.toString());
        List<String> lines = new ArrayList<>();
        boolean inDataSet = false;
        for (String l : r.output().split("\n")) {
            if (l.startsWith("# Dicom-Data-Set")) {
                inDataSet = true;
            }
            // the "# Used TransferSyntax" line may differ: a peer may re-encode uncompressed data;
            // dcmtk's storescp drops Data Set Trailing Padding, which carries no meaning (PS3.5 7.7)
            // and writes sequences and items with explicit lengths where they had undefined ones
            String t = l.strip();
            if (inDataSet && !t.startsWith("#") && !t.startsWith("(fffc,fffc)") && !t.startsWith("(fffe,e00d)")
                    && !t.startsWith("(fffe,e0dd) na")) {
                lines.add(l.replaceAll("\\((Sequence|Item) with (undefined|explicit) length (#=\\d+)\\).*",
                        "($1 $3)"));
            }
        }
        return lines;
    }
}
