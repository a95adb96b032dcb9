package org.iep.bench.deid;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.iep.dicom.deid.DeidProfile;
import org.iep.dicom.deid.Deidentifier;
import org.iep.dicom.deid.Pseudonyms;
import org.iep.dicom.synth.StudySpec;
import org.iep.dicom.synth.SyntheticCt;

/**
 * De-identifies N synthetic CT slices (Basic Profile, file to file) against {@code Files.copy} of the same files,
 * in one run, from a warm page cache; prints MB/s and the ratio (goal ≥ 0.5). Usage:
 * {@code java -cp iep-bench/target/benchmarks.jar org.iep.bench.deid.DeidVsCopy [files] [rows] [rounds]}.
 */
public final class DeidVsCopy {
    private DeidVsCopy() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("iep-deid-bench");
        try {
            List<Path> inputs = new SyntheticCt(StudySpec.ctSeries(1, files, rows, rows)).writeAll(work.resolve("in"));
            long bytes = 0;
            for (Path p : inputs) {
                bytes += Files.size(p);
            }
            Deidentifier deid = new Deidentifier(DeidProfile.basic(),
                    new Pseudonyms("benchmark-key-0123456789".getBytes(StandardCharsets.US_ASCII)));
            System.out.printf("%d files of %d x %d, %.1f MB%n", files, rows, rows, bytes / 1e6);
            double[] copy = new double[rounds];
            double[] deidS = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Path c = Files.createDirectories(work.resolve("copy" + r));
                long t0 = System.nanoTime();
                for (Path p : inputs) {
                    Files.copy(p, c.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
                copy[r] = (System.nanoTime() - t0) / 1e9;
                Path d = Files.createDirectories(work.resolve("deid" + r));
                t0 = System.nanoTime();
                for (Path p : inputs) {
                    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(p), 1 << 16);
                            OutputStream out = new java.io.BufferedOutputStream(
                                    Files.newOutputStream(d.resolve(p.getFileName())), 1 << 16)) {
                        deid.deidentify(in, out);
                    }
                }
                deidS[r] = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: copy %.3f s, de-identify %.3f s%n", r + 1, copy[r], deidS[r]);
            }
            double c = median(copy);
            double d = median(deidS);
            System.out.printf("copy:         %8.1f MB/s %8.1f files/s%n", bytes / 1e6 / c, files / c);
            System.out.printf("de-identify:  %8.1f MB/s %8.1f files/s%n", bytes / 1e6 / d, files / d);
            System.out.printf("ratio de-identify/copy (throughput): %.2f%n", c / d);
        } finally {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
