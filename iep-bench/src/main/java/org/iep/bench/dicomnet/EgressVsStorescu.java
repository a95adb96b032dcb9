package org.iep.bench.dicomnet;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.iep.dicom.net.NetOptions;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.Status;
import org.iep.dicom.synth.StudySpec;
import org.iep.dicom.synth.SyntheticCt;

/**
 * Egress against dcmtk's {@code storescu} (issue 5): the same synthetic files are sent to one dcmtk {@code storescp
 * --ignore} (received, not written, so only the senders differ) by dcmtk {@code storescu} processes and by our SCU
 * ({@link DimseClient}, the code the gateway's store and {@code DicomTool storescu} use), over 1 and N associations
 * in parallel, best of the rounds. Prints instances/s, MB/s and the ratio IEP / dcmtk.
 *
 * <p>{@code java -cp iep-bench/target/benchmarks.jar org.iep.bench.dicomnet.EgressVsStorescu [files] [rows]
 * [associations] [rounds]}: 500 × 512 × 512 is about 0.5 MB a file; 2000 × 64 × 64 about 8 KB.
 */
public final class EgressVsStorescu {
    private EgressVsStorescu() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int associations = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path work = Files.createTempDirectory("iep-egress");
        try {
            run(work, files, rows, associations, rounds);
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void run(Path work, int files, int rows, int associations, int rounds) throws Exception {
        List<Path> data = new SyntheticCt(StudySpec.ctSeries(7, files, rows, rows)).writeAll(work.resolve("data"));
        long bytes = 0;
        for (Path p : data) {
            bytes += Files.size(p);
        }
        System.out.printf("%d files of %d x %d, %.1f MB%n", data.size(), rows, rows, bytes / 1e6);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder sink = new ProcessBuilder("storescp", "--ignore", "-aet", "SINK", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // dcmtk leaves Nagle's algorithm on unless TCP_NODELAY is set; on loopback each C-STORE then waits for a
        // delayed ACK (about 40 ms). Both dcmtk processes get it, as a tuned deployment would.
        sink.environment().put("TCP_NODELAY", "1");
        Process scp = sink.start();
        try {
            Thread.sleep(500);
            for (int k : new int[] {1, associations}) {
                double dcmtk = Double.MAX_VALUE;
                double iep = Double.MAX_VALUE;
                for (int r = 0; r < rounds; r++) {
                    dcmtk = Math.min(dcmtk, dcmtk(data, port, k));
                    iep = Math.min(iep, iep(data, port, k));
                }
                System.out.printf("%d association(s): dcmtk storescu %.2f s (%.0f inst/s, %.1f MB/s), IEP %.2f s"
                        + " (%.0f inst/s, %.1f MB/s), ratio IEP/dcmtk %.2f%n", k, dcmtk, data.size() / dcmtk,
                        bytes / 1e6 / dcmtk, iep, data.size() / iep, bytes / 1e6 / iep, dcmtk / iep);
            }
        } finally {
            scp.destroy();
            scp.waitFor();
        }
    }

    private static double dcmtk(List<Path> data, int port, int k) throws Exception {
        long t0 = System.nanoTime();
        List<Process> running = new ArrayList<>();
        for (List<Path> part : split(data, k)) {
            List<String> cmd = new ArrayList<>(List.of("storescu", "-aet", "DCMTK", "-aec", "SINK", "127.0.0.1",
                    String.valueOf(port)));
            part.forEach(p -> cmd.add(p.toString()));
            ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            b.environment().put("TCP_NODELAY", "1");
            running.add(b.start());
        }
        for (Process p : running) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("storescu failed");
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double iep(List<Path> data, int port, int k) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(k);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (List<Path> part : split(data, k)) {
                done.add(pool.submit(() -> send(part, port)));
            }
            for (Future<Integer> f : done) {
                if (f.get() != 0) {
                    throw new IllegalStateException(f.get() + " instances were not stored");
                }
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    /** One association sending {@code part}; returns how many failed. */
    private static int send(List<Path> part, int port) {
        List<DimseClient.Prepared> prepared = new ArrayList<>();
        Set<List<String>> contexts = new LinkedHashSet<>();
        for (Path p : part) {
            DimseClient.Prepared x = DimseClient.prepare(p);
            prepared.add(x);
            contexts.add(List.of(x.sopClass(), x.transferSyntax().uid()));
        }
        int failed = 0;
        try (DimseClient c = DimseClient.connect("127.0.0.1", port, "IEP", "SINK", new ArrayList<>(contexts),
                NetOptions.defaults())) {
            for (DimseClient.Prepared x : prepared) {
                if (!Status.isSuccessOrWarning(c.store(x))) {
                    failed++;
                }
            }
        }
        return failed;
    }

    private static List<List<Path>> split(List<Path> data, int k) {
        List<List<Path>> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            parts.get(i % k).add(data.get(i));
        }
        return parts;
    }
}
