package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.iep.core.blob.FileSystemBlobStore;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.io.DicomWriter;
import org.iep.dicom.net.dimse.DicomServer;
import org.iep.dicom.net.dimse.Part10FileStore;
import org.iep.dicom.net.dimse.ServerConfig;
import org.iep.dicom.net.dimse.StoreHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harness, not a test: dcmtk's storescu sends the same instances to dcmtk's storescp, to Orthanc and to IEP's
 * receiver (ingest into a file-system blob store), over one and four associations; prints instances/s, MB/s and
 * the ratios (medians of {@code -Diep.bench.rounds}, default 3, run in turn). Runs only with
 * {@code -Diep.bench=true}:
 * {@code ./mvnw -o -q -B verify -pl iep-adapters-dicom -am -Dtest=IngestBenchmarkTest -Diep.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class IngestBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void ingestAgainstStorescpAndOrthanc() throws Exception {
        assumeTrue(Boolean.getBoolean("iep.bench"), "benchmark: run with -Diep.bench=true");
        Peers.require("storescu");
        Peers.require("Orthanc");
        run("500 x 0.5 MB", instances(tmp.resolve("big"), 500, 512), 1);
        run("500 x 0.5 MB", instances(tmp.resolve("big"), 500, 512), 4);
        if (!"false".equals(System.getProperty("iep.bench.small"))) {
            run("2000 x 8 KB", instances(tmp.resolve("small"), 2000, 64), 1);
            run("2000 x 8 KB", instances(tmp.resolve("small"), 2000, 64), 4);
        }
    }

    /** Every instance of {@code dirs}, over one association or four (one per directory). */
    private void run(String label, List<Path> parts, int associations) throws Exception {
        long bytes = 0;
        int count = 0;
        for (Path d : parts) {
            try (var s = Files.list(d)) {
                for (Path f : s.toList()) {
                    bytes += Files.size(f);
                    count++;
                }
            }
        }
        int rounds = Integer.getInteger("iep.bench.rounds", 3);
        double[] dcmtkRuns = new double[rounds];
        double[] orthancRuns = new double[rounds];
        double[] iepRuns = new double[rounds];
        double[] floorRuns = new double[rounds];
        double[] cacheRuns = new double[rounds];
        for (int round = 0; round < rounds; round++) { // interleaved, so a slow minute of the disk hits all three
            dcmtkRuns[round] = storescp(parts, associations);
            orthancRuns[round] = orthanc(parts, associations, count);
            iepRuns[round] = iep(parts, associations, count);
            floorRuns[round] = floor(parts, associations, true);
            cacheRuns[round] = floor(parts, associations, false);
        }
        double dcmtk = median(dcmtkRuns);
        double orthanc = median(orthancRuns);
        double iep = median(iepRuns);
        double mb = bytes / 1e6;
        System.out.printf("BENCH %s, %d association(s): storescp %.2f s (%.0f inst/s, %.1f MB/s), Orthanc %.2f s"
                + " (%.0f inst/s, %.1f MB/s), IEP %.2f s (%.0f inst/s, %.1f MB/s); IEP vs storescp %.2fx, vs Orthanc"
                + " %.2fx%n", label, associations, dcmtk, count / dcmtk, mb / dcmtk, orthanc, count / orthanc,
                mb / orthanc, iep, count / iep, mb / iep, dcmtk / iep, orthanc / iep);
        double floor = median(floorRuns);
        double cache = median(cacheRuns);
        System.out.printf("BENCH %s, %d association(s): our SCP appending to one file, fdatasync before each answer"
                + " (group commit) %.2f s (%.0f inst/s; vs storescp %.2fx, vs Orthanc %.2fx); our SCP writing Part 10"
                + " files like storescp, no sync %.2f s (%.0f inst/s; vs storescp %.2fx)%n", label, associations, floor,
                count / floor, dcmtk / floor, orthanc / floor, cache, count / cache, dcmtk / cache);
    }

    private double storescp(List<Path> parts, int associations) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("scp-" + System.nanoTime()));
        int port = Peers.freePort();
        Process scp = Peers.start(tmp, "storescp", "-aet", "DEST", "-od", out.toString(), "--fork",
                String.valueOf(port));
        try {
            Peers.awaitListening(port);
            return send(port, "DEST", parts, associations);
        } finally {
            Peers.stop(scp);
        }
    }

    private double orthanc(List<Path> parts, int associations, int count) throws Exception {
        try (OrthancPeer o = OrthancPeer.start(Files.createDirectories(tmp.resolve("o-" + System.nanoTime())),
                "ORTHANC", List.of())) {
            double seconds = send(o.dicomPort, "ORTHANC", parts, associations);
            assertThat(o.instances()).isEqualTo(count);
            return seconds;
        }
    }

    private double iep(List<Path> parts, int associations, int count) throws Exception {
        CoreRig rig = new CoreRig(new FileSystemBlobStore(Files.createDirectories(tmp.resolve("blobs-"
                + System.nanoTime()))));
        double seconds;
        try (DicomReceiver r = DicomReceiver.start(new ReceiverConfig("127.0.0.1", 0,
                List.of(Peers.node("modality", "STORESCU", 0)), 20), rig.core.ingest(),
                (ae, sender) -> Optional.of(rig.transfer.id()), rig.auditor)) {
            seconds = send(r.port(), "IEP", parts, associations);
        }
        assertThat(rig.index.byTransaction(rig.transfer.id())).hasSize(count);
        return seconds;
    }

    /**
     * The bounds of any store behind our SCP: {@code durable} appends to one segment with a group-committed
     * fdatasync before each answer ({@link FloorSinks}); otherwise Part 10 files left in the page cache, as storescp.
     */
    private double floor(List<Path> parts, int associations, boolean durable) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("floor-" + System.nanoTime()));
        try (FloorSinks segment = new FloorSinks(out.resolve("segment"))) {
            StoreHandler sink = durable ? segment : new Part10FileStore(out);
            try (DicomServer s = DicomServer.start(ServerConfig.storage("IEP", sink),
                    InetAddress.getLoopbackAddress(), 0)) {
                return send(s.port(), "IEP", parts, associations);
            }
        }
    }

    private static double median(double[] runs) {
        double[] sorted = runs.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** storescu processes in parallel, one association each; returns the wall-clock seconds. */
    private static double send(int port, String called, List<Path> dirs, int associations) throws Exception {
        List<List<Path>> groups = associations == 1 ? List.of(dirs) : dirs.stream().map(List::of).toList();
        long t0 = System.nanoTime();
        List<Process> ps = new ArrayList<>();
        for (List<Path> g : groups) {
            List<String> cmd = new ArrayList<>(List.of("storescu", "-aet", "STORESCU", "-aec", called, "+sd",
                    "127.0.0.1", String.valueOf(port)));
            g.forEach(d -> cmd.add(d.toString()));
            Path log = g.get(0).resolveSibling(g.get(0).getFileName() + "-" + called + "-" + System.nanoTime()
                    + ".log");
            ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            b.environment().put("TCP_NODELAY", "1"); // else dcmtk waits ~40 ms per C-STORE for a delayed ACK
            ps.add(b.start());
        }
        for (Process p : ps) {
            assertThat(p.waitFor()).isZero();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** {@code n} CT instances of one study, rows x rows 16-bit, spread over 4 directories; made once per size. */
    private static List<Path> instances(Path root, int n, int rows) throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            dirs.add(root.resolve("d" + d));
        }
        if (Files.exists(root)) {
            return dirs;
        }
        for (Path d : dirs) {
            Files.createDirectories(d);
        }
        DicomWriter w = new DicomWriter();
        byte[] pixels = new byte[rows * rows * 2];
        new Random(7).nextBytes(pixels);
        for (int i = 0; i < n; i++) {
            Attributes ds = new Attributes();
            ds.setString(Tags.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
            ds.setString(Tags.SOPInstanceUID, VR.UI, "2.25.4711" + rows + "." + (i + 1));
            ds.setString(Tags.Modality, VR.CS, "CT");
            ds.setString(Tags.PatientName, VR.PN, "Bench^Patient");
            ds.setString(Tags.PatientID, VR.LO, "BENCH1");
            ds.setString(Tags.PatientBirthDate, VR.DA, "19700101");
            ds.setString(Tags.StudyInstanceUID, VR.UI, "2.25.4711" + rows);
            ds.setString(Tags.SeriesInstanceUID, VR.UI, "2.25.4711" + rows + ".1");
            ds.setInt(0x00280002, VR.US, 1);
            ds.setString(0x00280004, VR.CS, "MONOCHROME2");
            ds.setInt(0x00280010, VR.US, rows);
            ds.setInt(0x00280011, VR.US, rows);
            ds.setInt(0x00280100, VR.US, 16);
            ds.setInt(0x00280101, VR.US, 16);
            ds.setInt(0x00280102, VR.US, 15);
            ds.setInt(0x00280103, VR.US, 0);
            ds.setBytes(Tags.PixelData, VR.OW, pixels);
            Attributes meta = new Attributes();
            meta.setString(Tags.MediaStorageSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
            meta.setString(Tags.MediaStorageSOPInstanceUID, VR.UI, "2.25.4711" + rows + "." + (i + 1));
            w.write(dirs.get(i % 4).resolve("i" + i + ".dcm"), meta, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return dirs;
    }
}
