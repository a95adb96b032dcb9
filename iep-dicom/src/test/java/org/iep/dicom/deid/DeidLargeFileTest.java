package org.iep.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.synth.SyntheticMultiFrame;
import org.iep.dicom.tool.DicomTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 2 GiB multi-frame file de-identified by {@code DicomTool deid} in a JVM capped at 64 MB of heap. */
class DeidLargeFileTest {
    @TempDir
    Path tmp;

    @Test
    void twoGibibytesPassUnderSixtyFourMegabytesOfHeap() throws Exception {
        // 2,048 frames of 1024 x 512 at 16 bits: 2 GiB of pixel data, written frame by frame
        SyntheticMultiFrame spec = new SyntheticMultiFrame(7, 2048, 1024, 512);
        Path in = spec.write(tmp.resolve("big.dcm"));
        assertThat(Files.size(in)).isGreaterThan(2L << 30);
        Path key = Files.write(tmp.resolve("key"), "large-file-test-key-012345".getBytes(StandardCharsets.US_ASCII));
        Path out = tmp.resolve("out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), DicomTool.class.getName(), "deid",
                "--profile", "basic", "--key-file", key.toString(), "-o", out.toString(), in.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        Path result = out.resolve("big.dcm");
        assertThat(Files.size(result)).isBetween(Files.size(in) - 4096, Files.size(in) + 4096);
        try (DicomReader r = DicomReader.open(result)) {
            var header = r.readUntilPixelData();
            assertThat(header.dataSet().getString(0x00120062)).isEqualTo("YES");
            assertThat(header.pixelData().length()).isEqualTo(spec.pixelBytes());
        }
        Files.delete(in);
        Files.delete(result);
    }
}
