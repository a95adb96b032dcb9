package org.iep.bench.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.synth.StudySpec;
import org.iep.dicom.synth.SyntheticCt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Header parse of 512 × 512 CT slices (0.5 MB each, explicit VR little endian, about 60 header elements): open the
 * file, read meta and data set up to Pixel Data, close. One operation is one file, so the score is files/s. The 64
 * slices (32 MB) are written once per trial by the synthetic generator and sit in the page cache, so this measures
 * parsing, not the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HeaderParseBenchmark {

    private Path root;
    private List<Path> files;
    private int next;

    @Setup(Level.Trial)
    public void writeSlices() throws IOException {
        root = TempFiles.directory("iep-header-bench");
        files = new SyntheticCt(StudySpec.ctSeries(512, 64, 512, 512)).writeAll(root);
    }

    @TearDown(Level.Trial)
    public void deleteSlices() throws IOException {
        TempFiles.delete(root);
    }

    @Benchmark
    public int headerOfOneSlice() {
        Path file = files.get(next++ & 63);
        try (DicomReader r = DicomReader.open(file)) {
            DicomFile header = r.readUntilPixelData();
            if (header.pixelData() == null || header.pixelData().length() != 512 * 512 * 2) {
                throw new IllegalStateException("unexpected pixel data in " + file);
            }
            return header.dataSet().size();
        }
    }
}
