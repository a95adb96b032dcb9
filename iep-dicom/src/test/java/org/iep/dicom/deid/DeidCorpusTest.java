package org.iep.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iep.dicom.Corpus;
import org.iep.dicom.ExternalTool;
import org.iep.dicom.tool.DicomTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corpus files through {@code DicomTool deid}: dcmdump reads every output, dciodvfy reports no more errors than for
 * the input, and the patient's name and ID are nowhere in the output bytes.
 */
class DeidCorpusTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void tools() {
        ExternalTool.require("dcmdump");
        ExternalTool.require("dciodvfy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CT_small.dcm", "MR_small.dcm", "JPEG2000.dcm", "SC_rgb_rle_2frame.dcm", "test-SR.dcm",
        "image_dfl.dcm", "chrJapMulti.dcm", "rtplan.dcm"})
    void aCorpusFileDeidentifiesValidly(String name) throws Exception {
        Path in = Corpus.file(name);
        Path key = Files.write(tmp.resolve("key"), "corpus-test-key-0123456789".getBytes(StandardCharsets.US_ASCII));
        Path out = tmp.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new DicomTool(DicomTool.builtins()).run(new String[] {"deid", "--profile",
            "basic+retain-long-modified-dates", "--key-file", key.toString(), "-o", out.toString(), in.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path result = out.resolve(name);

        assertThat(run("dcmdump", "-q", result.toString()).exit).isZero();
        assertThat(errors(result)).as("dciodvfy errors after vs before").isLessThanOrEqualTo(errors(in));
        var original = org.iep.dicom.io.DicomReader.read(in).dataSet();
        String bytes = new String(Files.readAllBytes(result), StandardCharsets.ISO_8859_1);
        for (int tag : new int[] {0x00100010, 0x00100020}) {
            String v = original.getString(tag);
            if (v != null && v.strip().length() > 2) {
                assertThat(bytes).as("tag %08X", tag).doesNotContain(v.strip());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aFileWithBurnedInAnnotationIsNotWrittenUnlessAskedFor() throws Exception {
        var original = org.iep.dicom.io.DicomReader.read(Corpus.file("CT_small.dcm"));
        var ds = original.dataSet().copy();
        ds.setString(0x00280301, org.iep.dicom.data.VR.CS, "YES");
        Path in = tmp.resolve("burned.dcm");
        Files.write(in, new org.iep.dicom.io.DicomWriter().toBytes(new org.iep.dicom.data.Attributes(), ds,
                original.transferSyntax()));
        Path key = Files.write(tmp.resolve("key"), "corpus-test-key-0123456789".getBytes(StandardCharsets.US_ASCII));
        Path out = tmp.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"deid", "--profile", "basic", "--key-file", key.toString(), "-o", out.toString(),
            in.toString()};

        int refused = new DicomTool(DicomTool.builtins()).run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(refused).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Burned In Annotation").contains("not written");
        try (var listed = Files.list(out)) {
            assertThat(listed).as("neither the file nor a .part").isEmpty();
        }

        String[] keep = java.util.stream.Stream.concat(java.util.Arrays.stream(args).limit(7),
                java.util.stream.Stream.of("--keep-burned-in", in.toString())).toArray(String[]::new);
        int kept = new DicomTool(DicomTool.builtins()).run(keep, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(kept).isZero();
        assertThat(out.resolve("burned.dcm")).exists();
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }

    private static long errors(Path file) throws Exception {
        List<String> lines = new ArrayList<>(List.of(run("dciodvfy", file.toString()).output.split("\n")));
        return lines.stream().filter(l -> l.startsWith("Error")).count();
    }
}
