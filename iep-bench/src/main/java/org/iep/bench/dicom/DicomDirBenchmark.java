package org.iep.bench.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iep.dicom.dicomdir.DicomDir;
import org.iep.dicom.dicomdir.DicomDirReader;
import org.iep.dicom.dicomdir.DicomDirWriter;
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
 * DICOMDIR for 5,000 small files (64 × 64 CT slices of about 9 KB: 25 patients, 50 series of 100): {@code write}
 * reads every file's header, builds the 5,100 records, computes the offsets and writes {@code DICOMDIR} (about
 * 1.3 MB) to a temporary name and moves it into place; {@code read} reads that DICOMDIR back, following every
 * offset and checking every file ID. The files are generated once per trial and sit in the page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DicomDirBenchmark {

    private static final int FILES = 5_000;

    private Path root;
    private List<Path> files;

    @Setup(Level.Trial)
    public void writeFiles() throws IOException {
        root = TempFiles.directory("iep-dicomdir-bench");
        files = new SyntheticCt(StudySpec.smallFiles(5000, FILES)).writeAll(root);
        if (files.size() != FILES) {
            throw new IllegalStateException("expected " + FILES + " files, got " + files.size());
        }
        new DicomDirWriter().write(root, files);
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        TempFiles.delete(root);
    }

    @Benchmark
    public int write() {
        return new DicomDirWriter().write(root, files).records().size();
    }

    @Benchmark
    public int read() {
        DicomDir dir = DicomDirReader.read(root.resolve(DicomDirWriter.DICOMDIR));
        return dir.fileRecords().size();
    }
}
