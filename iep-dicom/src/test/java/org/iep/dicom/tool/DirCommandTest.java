package org.iep.dicom.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.iep.dicom.dicomdir.DicomDir;
import org.iep.dicom.dicomdir.DicomDirReader;
import org.iep.dicom.synth.StudySpec;
import org.iep.dicom.synth.SyntheticCt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dir DIR} in-process: exit 0 with a DICOMDIR, 1 with one line per bad file and none, 2 for usage. */
class DirCommandTest {

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

    @Test
    void writesTheDicomdirOfADirectory() {
        Path root = tmp.resolve("set");
        new SyntheticCt(new StudySpec(1, 2, 1, 2, 3, 8, 8)).writeAll(root);
        assertThat(run("dir", "-i", "TEST SET", root.toString())).isZero();
        assertThat(out).contains("DICOMDIR: 20 records for 12 files");
        assertThat(err).isEmpty();
        DicomDir dir = DicomDirReader.read(root.resolve("DICOMDIR"));
        assertThat(dir.fileSetId()).isEqualTo("TEST SET");
        assertThat(dir.fileRecords()).hasSize(12);
        // running it again replaces the DICOMDIR (which is not taken for an input)
        assertThat(run("dir", root.toString())).isZero();
        assertThat(DicomDirReader.read(root.resolve("DICOMDIR")).fileSetId()).isEqualTo("IEP");
    }

    @Test
    void badFilesAreListedOneLineEachAndNothingIsWritten() throws IOException {
        Path root = tmp.resolve("set");
        List<Path> files = new SyntheticCt(StudySpec.ctSeries(1, 2, 8, 8)).writeAll(root);
        Files.copy(files.get(0), root.resolve("PAT00001/image.dcm"));
        Files.writeString(root.resolve("NOTES"), "not DICOM");
        assertThat(run("dir", root.toString())).isEqualTo(1);
        List<String> lines = Arrays.stream(err.split("\n")).filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("image.dcm").contains("IEP-5302");
        assertThat(lines.get(1)).contains("NOTES: not readable DICOM");
        assertThat(lines.get(2)).endsWith("no DICOMDIR written");
        assertThat(root.resolve("DICOMDIR")).doesNotExist();
        assertThat(run("dir", tmp.resolve("missing").toString())).isEqualTo(1);
        assertThat(err).contains("not a directory");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("dir")).isEqualTo(2);
        assertThat(run("dir", "a", "b")).isEqualTo(2);
        assertThat(run("dir", "-i")).isEqualTo(2);
        assertThat(run("dir", "-i", "lower case", tmp.toString())).isEqualTo(2);
        assertThat(err).contains("File-set ID");
        assertThat(run("--help")).isZero();
        assertThat(out).contains("dir       [-i FILESETID] DIR");
    }
}
