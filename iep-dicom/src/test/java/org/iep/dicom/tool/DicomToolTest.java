package org.iep.dicom.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.iep.dicom.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs DicomTool in-process on corpus files and checks exit status and output. */
class DicomToolTest {

    @TempDir
    Path tmp;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = new DicomTool(DicomTool.builtins()).run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    private static String f(String name) {
        return Corpus.file(name).toString();
    }

    private List<String> errLines() {
        return Arrays.stream(err.split("\n")).filter(l -> !l.isBlank()).toList();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err).contains("usage: DicomTool").contains("dump").contains("json").contains("validate");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err).contains("unknown command: frobnicate");
        assertThat(run("dump")).isEqualTo(2);
        assertThat(run("dump", "--bogus", f("MR_small.dcm"))).isEqualTo(2);
        assertThat(run("json", "-o")).isEqualTo(2);
        assertThat(run("validate")).isEqualTo(2);
        assertThat(run("--help")).isZero();
        assertThat(out).contains("usage: DicomTool");
    }

    @Test
    void dumpPrintsOneLinePerElementWithDecodedStrings() {
        assertThat(run("dump", f("MR_small.dcm"))).isZero();
        assertThat(out).contains("(0010,0010) PN [CompressedSamples^MR1]")
                .contains("#  22, 1 PatientName")
                .contains("(0028,0010) US 64")
                .contains("(7fe0,0010) OW (not loaded)")
                .contains("# Dicom-Data-Set");
        assertThat(err).isEmpty();
        assertThat(run("dump", f("chrH31.dcm"))).isZero();
        assertThat(out).contains("[Yamada^Tarou=山田^太郎=やまだ^たろう]");
    }

    @Test
    void dumpShowsNestingAndFragments() {
        assertThat(run("dump", f("MR_small_RLE.dcm"))).isZero();
        assertThat(out).contains("(7fe0,0010) OB (PixelSequence #=2)").contains("  (fffe,e000) pi 00\\00\\00\\00");
        assertThat(run("dump", f("test-SR.dcm"))).isZero();
        assertThat(out).contains("  (fffe,e000) na (Item with explicit length #=");
    }

    @Test
    void invalidInputsAreReportedOneLineEachWithStatusOne() {
        int status = run("validate", f("MR_small.dcm"), f("MR_truncated.dcm"), f("no_meta.dcm"), f("SC_rgb_jpeg.dcm"),
                f("zipMR.gz"), f("CT_small.dcm"));
        assertThat(status).isEqualTo(1);
        assertThat(errLines()).hasSize(4).allSatisfy(l -> assertThat(l).contains(": IEP-5001: "));
        assertThat(errLines().get(0)).startsWith(f("MR_truncated.dcm") + ": IEP-5001: ");
        assertThat(out).contains("MR_small.dcm: OK").contains("CT_small.dcm: OK");
    }

    @Test
    void missingFileIsAnInvalidInput() {
        assertThat(run("dump", tmp.resolve("nope.dcm").toString())).isEqualTo(1);
        assertThat(err).contains("nope.dcm: IEP-5006: ");
    }

    @Test
    void validateAcceptsEveryFileDcmdumpAccepts() {
        String[] args = Corpus.manifest().stream().filter(Corpus.Entry::dcmdumpOk)
                .filter(e -> !Corpus.STRICT_REJECTS.containsKey(e.file()))
                .map(e -> e.path().toString()).toArray(String[]::new);
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "validate";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        assertThat(run(withCommand)).as(err).isZero();
        assertThat(out.split("\n")).hasSize(args.length);
    }

    @Test
    void jsonGoesToStdoutOrToOneFilePerInput() throws Exception {
        assertThat(run("json", f("MR_small.dcm"))).isZero();
        assertThat(out).startsWith("{").contains("\"00100010\": {").contains("\"Alphabetic\": \"CompressedSamples^MR1\"");
        String stdout = out;

        Path dir = tmp.resolve("out");
        assertThat(run("json", "-o", dir.toString(), f("MR_small.dcm"), f("dicomdir/77654033/CR1/6154"))).isZero();
        assertThat(Files.readString(dir.resolve("MR_small.dcm.json"))).isEqualTo(stdout);
        assertThat(dir.resolve("6154.json")).exists();
        assertThat(out).isEmpty();
    }

    @Test
    void jsonReferencesEncapsulatedPixelDataByUri() {
        assertThat(run("json", f("MR_small_RLE.dcm"))).isZero();
        assertThat(out).contains("\"BulkDataURI\": \"file:").contains("MR_small_RLE.dcm#7FE00010\"");
    }

    @Test
    void jsonReportsBadInputsAndContinues() throws Exception {
        Path dir = tmp.resolve("o");
        assertThat(run("json", "-o", dir.toString(), f("zipMR.gz"), f("CT_small.dcm"))).isEqualTo(1);
        assertThat(errLines()).hasSize(1);
        assertThat(dir.resolve("CT_small.dcm.json")).exists();
        assertThat(dir.resolve("zipMR.gz.json")).doesNotExist();
    }
}
