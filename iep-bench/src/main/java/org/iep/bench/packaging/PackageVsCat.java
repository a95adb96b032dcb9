package org.iep.bench.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iep.api.content.IndexedInstance;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Transaction;
import org.iep.bench.ingest.IngestVsCp;
import org.iep.core.blob.FileSystemBlobStore;
import org.iep.core.packaging.PackageResult;
import org.iep.core.packaging.PackageScope;
import org.iep.core.packaging.Packager;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.iep.testkit.memory.InMemoryDirectoryStore;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.iep.testkit.memory.InMemoryTransactionStore;

/**
 * Streams a transaction's PDI package into a byte counter against {@code cat} of the same stored files into
 * /dev/null, in one run, both from a warm page cache: prints MB/s and the ratio, the time to the package's first byte,
 * and the peak heap. Run it under {@code -Xmx256m} to check the memory goal. Usage:
 * {@code java -Xmx256m -cp iep-bench/target/benchmarks.jar org.iep.bench.packaging.PackageVsCat [files] [rows]
 * [rounds]} (1,000 × 512 × 512 is ~525 MB; 20,000 × 512 × 512 is ~10.5 GB).
 */
public final class PackageVsCat {
    /** Unmeasured rounds first, as a server that has made a few packages runs compiled code. */
    private static final int WARM_UP = Integer.getInteger("iep.bench.warmup", 5);
    private PackageVsCat() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("iep-package-bench");
        try {
            run(work, files, rows, rounds);
        } finally {
            deleteTree(work);
        }
    }

    private static void run(Path work, int files, int rows, int rounds) throws Exception {
        FileSystemBlobStore blobs = new FileSystemBlobStore(work.resolve("blobs"));
        InMemoryInstanceIndex index = new InMemoryInstanceIndex();
        InMemoryTransactionStore store = new InMemoryTransactionStore();
        InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
        directory.putInstitution(Fixtures.STEE);
        Transaction t = Transactions.transfer(1).build();
        t = store.commit(TransactionChanges.insert(t)).get(0);
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            byte[] slice = IngestVsCp.slice(i, rows);
            BlobKey key = BlobKey.of("tx", t.id().value(), "instances", String.format("%08d", i));
            BlobInfo info = blobs.put(key, new java.io.ByteArrayInputStream(slice));
            index.insertIfAbsent(new IndexedInstance(t.id(), "2.25.77", "2.25.77.1", "2.25.77." + (i + 1),
                    "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1", "P0001", "Jones^Patricia", "", "", "CT", key,
                    info.size(), info.sha256(), Instant.ofEpochSecond(1_700_000_000L + i)));
            bytes += info.size();
        }
        // as ingest leaves it: the transaction counts what its study received
        t = store.commit(TransactionChanges.update(t.toBuilder().studies(List.of(
                org.iep.api.transaction.StudyEntry.pending("2.25.77", "", "CT").withCounts(files, files, bytes)))
                .build())).get(0);
        List<Path> stored;
        try (Stream<Path> s = Files.walk(work.resolve("blobs").resolve("blobs"))) {
            stored = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith("@sha256"))
                    .sorted().toList();
        }
        if (stored.size() != files) {
            throw new IllegalStateException("expected " + files + " stored files, found " + stored.size());
        }
        System.out.printf("%d instances of %d x %d, %.1f MB stored%n", files, rows, rows, bytes / 1e6);
        Packager packager = new Packager(index, blobs, directory);
        cat(stored); // warm the page cache
        // and the JIT: each round runs each path once, so without this the first rounds time the interpreter
        double coldFirstByte = Double.NaN;
        for (int w = 0; w < WARM_UP; w++) {
            blobs.deleteAll(BlobKey.of("tx", t.id().value(), "packages"));
            FirstByte cold = new FirstByte();
            long t0 = System.nanoTime();
            PackageResult r = packager.write(t, PackageScope.whole(), Optional.empty(), 0, cold);
            if (w == 0) {
                coldFirstByte = (cold.first - t0) / 1e6;
            }
            packager.measure(t, PackageScope.whole(), r.fingerprint()).orElseThrow();
            packager.write(t, PackageScope.whole(), Optional.empty(), 0, OutputStream.nullOutputStream());
        }
        double[] cat = new double[rounds];
        double[] first = new double[rounds];
        double[] hashing = new double[rounds];
        double[] repeat = new double[rounds];
        double[] ttfb = new double[rounds];
        long packageBytes = 0;
        BlobKey manifests = BlobKey.of("tx", t.id().value(), "packages");
        for (int r = 0; r < rounds; r++) {
            cat[r] = cat(stored);
            blobs.deleteAll(manifests); // the first package of a content: CRCs read ahead, its DICOMDIR built
            FirstByte sink = new FirstByte();
            long t0 = System.nanoTime();
            sink.start = t0;
            PackageResult result = packager.write(t, PackageScope.whole(), Optional.empty(), 0, sink);
            first[r] = (System.nanoTime() - t0) / 1e9;
            ttfb[r] = (sink.first - t0) / 1e6;
            // what the package.hash job then does off the download: the same bytes again, hashed
            long th = System.nanoTime();
            PackageResult hashed = packager.measure(t, PackageScope.whole(), result.fingerprint())
                    .orElseThrow(() -> new IllegalStateException("the content changed during the run"));
            hashing[r] = (System.nanoTime() - th) / 1e9;
            long t1 = System.nanoTime();
            PackageResult again = packager.write(t, PackageScope.whole(), Optional.empty(), 0,
                    OutputStream.nullOutputStream());
            repeat[r] = (System.nanoTime() - t1) / 1e9;
            if (!again.equals(hashed) || hashed.bytes() != result.bytes() || sink.count != result.bytes()) {
                throw new IllegalStateException("the packages differ: " + result + ", " + hashed + ", " + again);
            }
            packageBytes = result.bytes();
            System.out.printf("round %d: cat %.3f s, IEP first package %.3f s (first byte after %.1f ms),"
                    + " its hashing job %.3f s, repeated %.3f s%n", r + 1, cat[r], first[r], ttfb[r], hashing[r],
                    repeat[r]);
        }
        double catS = median(cat);
        System.out.printf("cat:                  %8.1f MB/s%n", bytes / 1e6 / catS);
        System.out.printf("IEP first package:    %8.1f MB/s (package of %.1f MB)%n", bytes / 1e6 / median(first),
                packageBytes / 1e6);
        System.out.printf("IEP hashing job:      %8.1f MB/s (after the first download, off its path)%n",
                bytes / 1e6 / median(hashing));
        System.out.printf("IEP repeated package: %8.1f MB/s%n", bytes / 1e6 / median(repeat));
        System.out.printf("ratio IEP/cat (throughput): first %.2f, repeated %.2f%n", catS / median(first),
                catS / median(repeat));
        System.out.printf("time to first byte: %.1f ms (median), %.1f ms (round 1), %.1f ms (the JVM's first"
                + " package, before warm-up)%n", median(ttfb), ttfb[0], coldFirstByte);
        System.out.printf("peak heap: %.1f MB of max %.1f MB%n", peakHeap() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static double cat(List<Path> files) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        // xargs keeps the command line under the system limit for large studies
        Process p = new ProcessBuilder("xargs", "-0", "cat").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream names = p.getOutputStream()) {
            for (Path f : files) {
                names.write(f.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                names.write(0);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("cat failed");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Discards the package and notes when its first byte came. */
    private static final class FirstByte extends OutputStream {
        long start;
        long first;
        long count;

        @Override
        public void write(int b) {
            mark();
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            mark();
            count += len;
        }

        private void mark() {
            if (first == 0) {
                first = System.nanoTime();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
