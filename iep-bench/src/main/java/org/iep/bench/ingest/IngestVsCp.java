package org.iep.bench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.core.access.AccessLinks;
import org.iep.core.audit.ClientInfo;
import org.iep.core.blob.FileSystemBlobStore;
import org.iep.core.ingest.IngestSource;
import org.iep.core.wiring.IepCore;
import org.iep.core.wiring.Ports;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomWriter;
import org.iep.testkit.TestClock;
import org.iep.testkit.fixtures.Fixtures;
import org.iep.testkit.fixtures.Transactions;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryAccessStore;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryDirectoryStore;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.iep.testkit.memory.InMemoryNodeStore;
import org.iep.testkit.memory.InMemorySessionStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.iep.testkit.memory.InMemoryUserStore;
import org.iep.testkit.memory.RecordingMailSender;
import org.iep.testkit.memory.RecordingSmsSender;

/**
 * Ingest into the filesystem blob store against {@code cp} of the same files, in one run: N synthetic CT slices
 * (R × C, 16-bit, explicit VR LE), each ingested one by one through {@code IepCore.ingest()} (re-written with a
 * fresh meta, SHA-256 verified, indexed in memory) versus {@code cp -r} of the directory. Prints instances/s, MB/s
 * and the ratio; the median of the given number of rounds. Usage:
 * {@code java -cp iep-bench/target/benchmarks.jar org.iep.bench.ingest.IngestVsCp [files] [rows] [rounds]}.
 */
public final class IngestVsCp {
    private IngestVsCp() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("iep-ingest-bench");
        Path in = Files.createDirectories(work.resolve("in"));
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            byte[] f = slice(i, rows);
            Files.write(in.resolve(String.format("IM%05d.dcm", i)), f);
            bytes += f.length;
        }
        System.out.printf("%d files of %d x %d, %.1f MB in %s%n", files, rows, rows, bytes / 1e6, in);
        double[] cp = new double[rounds];
        double[] iep = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            cp[r] = cp(in, work.resolve("cp" + r));
            iep[r] = ingest(in, work.resolve("blobs" + r));
            System.out.printf("round %d: cp %.3f s, IEP ingest %.3f s%n", r + 1, cp[r], iep[r]);
        }
        double cpS = median(cp);
        double iepS = median(iep);
        System.out.printf("cp:          %7.1f instances/s %7.1f MB/s%n", files / cpS, bytes / 1e6 / cpS);
        System.out.printf("IEP ingest:  %7.1f instances/s %7.1f MB/s%n", files / iepS, bytes / 1e6 / iepS);
        System.out.printf("ratio IEP/cp (throughput): %.2f%n", cpS / iepS);
        deleteTree(work);
    }

    private static double cp(Path from, Path to) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("cp", "-r", from.toString(), to.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("cp failed");
        }
        new ProcessBuilder("sync").start().waitFor();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double ingest(Path from, Path blobs) throws IOException {
        InMemoryTransactionStore transactions = new InMemoryTransactionStore();
        InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
        directory.putInstitution(Fixtures.STEE);
        IepCore core = IepCore.builder()
                .ports(new Ports(transactions, directory, new InMemoryUserStore(), new InMemoryNodeStore(),
                        new InMemoryAccessStore(), new InMemorySessionStore(), new InMemoryAuditLog(),
                        new FileSystemBlobStore(blobs), new InMemoryJobQueue(), new RecordingMailSender(),
                        new RecordingSmsSender(), new FixedKeyProvider("bench"), new InMemoryInstanceIndex(),
                        new org.iep.testkit.memory.InMemoryReportStore(),
                        new org.iep.testkit.memory.InMemoryPseudonymStore()))
                .accessLinks(new AccessLinks("https://iep.bench")).clock(TestClock.create())
                .random(new SecureRandom()).build();
        Transaction t = Transactions.transfer(1).build();
        transactions.commit(TransactionChanges.insert(t));
        IngestSource source = new IngestSource(new Party.System("bench"), ClientInfo.INTERNAL, "BENCH");
        List<Path> files;
        try (Stream<Path> s = Files.list(from)) {
            files = new ArrayList<>(s.sorted().toList());
        }
        long t0 = System.nanoTime();
        for (Path f : files) {
            try (InputStream is = Files.newInputStream(f)) {
                core.ingest().ingest(t.id(), is, source);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    public static byte[] slice(int n, int rows) {
        Attributes ds = new Attributes();
        ds.setString(Tags.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tags.SOPInstanceUID, VR.UI, "2.25.77." + (n + 1));
        ds.setString(Tags.Modality, VR.CS, "CT");
        ds.setString(Tags.PatientName, VR.PN, "Jones^Patricia");
        ds.setString(Tags.PatientID, VR.LO, "P0001");
        ds.setString(Tags.StudyInstanceUID, VR.UI, "2.25.77");
        ds.setString(Tags.SeriesInstanceUID, VR.UI, "2.25.77.1");
        ds.setInt(0x00280002, VR.US, 1);
        ds.setString(0x00280004, VR.CS, "MONOCHROME2");
        ds.setInt(0x00280010, VR.US, rows);
        ds.setInt(0x00280011, VR.US, rows);
        ds.setInt(0x00280100, VR.US, 16);
        ds.setInt(0x00280101, VR.US, 16);
        ds.setInt(0x00280102, VR.US, 15);
        ds.setInt(0x00280103, VR.US, 0);
        byte[] pixels = new byte[rows * rows * 2];
        new Random(n).nextBytes(pixels);
        ds.setBytes(Tags.PixelData, VR.OW, pixels);
        return new DicomWriter().toBytes(new Attributes(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
