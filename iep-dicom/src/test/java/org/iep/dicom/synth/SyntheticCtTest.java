package org.iep.dicom.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iep.dicom.ExternalTool;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's files are valid (dcmdump -q silent, dciodvfy without errors, our reader reads back what was meant)
 * and a pure function of the seed.
 */
class SyntheticCtTest {

    @TempDir
    Path tmp;

    @Test
    void aCtSeriesPassesDcmdumpAndDciodvfy() {
        ExternalTool dcmdump = ExternalTool.require("dcmdump");
        ExternalTool dciodvfy = ExternalTool.require("dciodvfy");
        List<Path> files = new SyntheticCt(StudySpec.ctSeries(7, 3, 512, 512)).writeAll(tmp);
        assertThat(files).hasSize(3);
        for (Path f : files) {
            ExternalTool.Result dump = dcmdump.run("-q", f.toString());
            assertThat(dump.exitCode()).as("dcmdump exit for " + f).isZero();
            assertThat(problems(dump)).as("dcmdump warnings and errors for " + f).isEmpty();
            List<String> errors = dciodvfy.run(f.toString()).lines().stream()
                    .filter(l -> l.startsWith("Error")).toList();
            assertThat(errors).as("dciodvfy errors for " + f).isEmpty();
        }
    }

    @Test
    void slicesReadBackAsGenerated() {
        SyntheticCt ct = new SyntheticCt(StudySpec.ctSeries(11, 4, 100, 60));
        Set<String> sops = new HashSet<>();
        for (SyntheticInstance at : ct.instances()) {
            byte[] bytes = ct.toBytes(at);
            assertThat(bytes).startsWith(new byte[128]);
            DicomFile f = DicomReader.read(bytes);
            Attributes ds = f.dataSet();
            assertThat(f.transferSyntax().uid()).isEqualTo("1.2.840.10008.1.2.1");
            assertThat(ds.getInt(Tags.Rows, 0)).isEqualTo(100);
            assertThat(ds.getInt(Tags.Columns, 0)).isEqualTo(60);
            assertThat(ds.getBytes(Tags.PixelData)).hasSize(100 * 60 * 2);
            assertThat(ds.getInt(Tags.InstanceNumber, 0)).isEqualTo(at.instance());
            assertThat(ds.getString(Tags.StudyInstanceUID)).startsWith("2.25.").hasSizeLessThanOrEqualTo(64);
            sops.add(ds.getString(Tags.SOPInstanceUID));
            assertThat(f.fileMeta().getString(Tags.MediaStorageSOPInstanceUID))
                    .isEqualTo(ds.getString(Tags.SOPInstanceUID));
        }
        assertThat(sops).hasSize(4);
        Attributes first = ct.header(ct.instances().get(0));
        Attributes last = ct.header(ct.instances().get(3));
        assertThat(last.getString(Tags.SeriesInstanceUID)).isEqualTo(first.getString(Tags.SeriesInstanceUID));
        assertThat(last.getString(Tags.PatientID)).isEqualTo(first.getString(Tags.PatientID));
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherUids() {
        StudySpec spec = new StudySpec(99, 2, 1, 2, 2, 32, 32);
        SyntheticCt a = new SyntheticCt(spec);
        SyntheticCt b = new SyntheticCt(spec);
        SyntheticCt other = new SyntheticCt(new StudySpec(100, 2, 1, 2, 2, 32, 32));
        for (SyntheticInstance at : a.instances()) {
            assertThat(a.toBytes(at)).isEqualTo(b.toBytes(at));
            assertThat(other.header(at).getString(Tags.SOPInstanceUID))
                    .isNotEqualTo(a.header(at).getString(Tags.SOPInstanceUID));
            assertThat(other.header(at).getString(Tags.StudyInstanceUID))
                    .isNotEqualTo(a.header(at).getString(Tags.StudyInstanceUID));
        }
    }

    @Test
    void smallFilesSpreadOverPatientsStudiesAndSeries() throws IOException {
        SyntheticCt ct = new SyntheticCt(StudySpec.smallFiles(5, 400));
        List<Path> files = ct.writeAll(tmp);
        assertThat(files).hasSize(400);
        Set<String> patients = new HashSet<>();
        Set<String> studies = new HashSet<>();
        Set<String> series = new HashSet<>();
        long bytes = 0;
        for (Path f : files) {
            Attributes ds = DicomReader.read(f).dataSet();
            patients.add(ds.getString(Tags.PatientID));
            studies.add(ds.getString(Tags.StudyInstanceUID));
            series.add(ds.getString(Tags.SeriesInstanceUID));
            bytes += Files.size(f);
        }
        assertThat(patients).hasSize(2);
        assertThat(studies).hasSize(2);
        assertThat(series).hasSize(4);
        assertThat(bytes / files.size()).isBetween(8192L, 10_000L);
        assertThat(tmp.relativize(files.get(399)).toString()).isEqualTo("PAT00002/STU00001/SER00002/IMG00100");
    }

    @Test
    void aMultiFrameImagePassesDcmdumpAndDciodvfy() {
        ExternalTool dcmdump = ExternalTool.require("dcmdump");
        ExternalTool dciodvfy = ExternalTool.require("dciodvfy");
        SyntheticMultiFrame mf = new SyntheticMultiFrame(3, 12, 64, 48);
        Path f = mf.write(tmp.resolve("MF"));
        ExternalTool.Result dump = dcmdump.run("-q", f.toString());
        assertThat(dump.exitCode()).isZero();
        assertThat(problems(dump)).isEmpty();
        assertThat(dciodvfy.run(f.toString()).lines().stream().filter(l -> l.startsWith("Error")).toList()).isEmpty();
        Attributes ds = DicomReader.read(f).dataSet();
        assertThat(ds.getInt(Tags.NumberOfFrames, 0)).isEqualTo(12);
        assertThat(ds.getBytes(Tags.PixelData)).hasSize(12 * 64 * 48 * 2);
    }

    @Test
    void aLargeMultiFrameImageIsStreamedNotBuffered() {
        // 512 MiB of pixel data through a counting sink: the heap of the test JVM (default or -Xmx256m) cannot hold
        // it, so this only passes if frames are written as they are computed
        SyntheticMultiFrame mf = new SyntheticMultiFrame(4, 1024, 512, 512);
        long[] count = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        };
        long heapBefore = usedHeap();
        mf.write(sink);
        assertThat(count[0]).isGreaterThan(mf.pixelBytes()).isLessThan(mf.pixelBytes() + 64 * 1024);
        assertThat(mf.pixelBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(usedHeap() - heapBefore).as("heap retained after writing").isLessThan(64L * 1024 * 1024);
    }

    /** dcmdump prints the dump on stdout; -q leaves only errors (E:, F:) and warnings (W:) to look at. */
    static List<String> problems(ExternalTool.Result dump) {
        return dump.lines().stream().filter(l -> l.startsWith("E:") || l.startsWith("F:") || l.startsWith("W:"))
                .toList();
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
