package org.iep.dicom.dicomdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomDirException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files with names that are not file IDs are copied under compliant ones; then the writer takes them. */
class FileSetLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void copiesFilesUnderCompliantNamesGroupedByPatientStudyAndSeries() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.copy(Corpus.file("CT_small.dcm"), src.resolve("ct small.dcm"));
        Files.copy(Corpus.file("MR_small.dcm"), src.resolve("mr-small.DCM"));
        Files.copy(Corpus.file("dicomdir/98892001/CT5N/2062"), src.resolve("a.dcm"));
        Files.copy(Corpus.file("dicomdir/98892001/CT5N/2392"), src.resolve("b.dcm"));
        Path root = tmp.resolve("set");
        List<Path> laid = FileSetLayout.copy(FileSets.filesUnder(src), root);
        assertThat(laid).extracting(p -> root.relativize(p).toString()).containsExactly(
                "PAT00001/STU00001/SER00001/IMG00001", "PAT00001/STU00001/SER00001/IMG00002",
                "PAT00002/STU00001/SER00001/IMG00001", "PAT00003/STU00001/SER00001/IMG00001");
        DicomDir dir = new DicomDirWriter().write(root, laid);
        assertThat(dir.fileRecords()).hasSize(4);
        assertThat(dir.roots()).hasSize(3);
    }

    @Test
    void unreadableSourcesAreReportedBeforeAnythingIsCopied() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.copy(Corpus.file("CT_small.dcm"), src.resolve("ok.dcm"));
        Files.writeString(src.resolve("notes.txt"), "text");
        Path root = tmp.resolve("set");
        assertThatThrownBy(() -> FileSetLayout.copy(FileSets.filesUnder(src), root))
                .isInstanceOfSatisfying(DicomDirException.class, e -> assertThat(e.problems()).hasSize(1));
        assertThat(root).doesNotExist();
    }
}
