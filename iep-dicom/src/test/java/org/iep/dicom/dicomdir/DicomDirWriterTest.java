package org.iep.dicom.dicomdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iep.dicom.DicomDirException;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.data.Tags;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.synth.StudySpec;
import org.iep.dicom.synth.SyntheticCt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOMDIRs written for the corpus file-set and for synthetic studies read back with every file resolved, pass
 * dcmdump and dciodvfy, and hold the same records as dcmtk's dcmmkdir writes for the same files; bad inputs are
 * all listed and nothing is written.
 */
class DicomDirWriterTest {

    @TempDir
    Path tmp;

    @Test
    void theCorpusFileSetGetsTheRecordsDcmmkdirWrites() throws IOException {
        Path root = tmp.resolve("set");
        List<Path> files = FileSets.copyCorpusFileSet(root);
        DicomDir theirs = FileSets.dcmmkdir(root, tmp.resolve("dcmtk"));
        DicomDir ours = new DicomDirWriter().write(root, files);
        FileSets.assertDcmtkClean(root.resolve("DICOMDIR"));
        assertThat(String.join("\n", RecordComparison.differences(ours, theirs))).isEmpty();
        assertThat(RecordComparison.lines(ours)).hasSize(52);
        // the comparison does see a record that differs: one changed value gives one line on each side
        ours.fileRecords().get(0).attributes().setString(Tags.InstanceNumber, org.iep.dicom.data.VR.IS, "999");
        assertThat(RecordComparison.differences(ours, theirs)).hasSize(2).anyMatch(l -> l.contains("=999"));
        assertEveryFileResolves(root, files);
        assertThat(Files.getPosixFilePermissions(root.resolve("DICOMDIR")))
                .as("a DICOMDIR readable like the files it indexes, not owner-only like a temporary file")
                .isEqualTo(Files.getPosixFilePermissions(files.get(0)));
        ours = DicomDirReader.read(root.resolve("DICOMDIR"));
        // and the same tree as the DICOMDIR that came with the corpus (made by dcmtk 3.6.0)
        DicomDir shipped = DicomDirReader.read(DicomDirReaderTest.root().resolve("DICOMDIR"));
        assertThat(DicomDirReaderTest.tree(sorted(ours))).isEqualTo(DicomDirReaderTest.tree(sorted(shipped)));
    }

    @Test
    void syntheticStudiesGetTheRecordsDcmmkdirWrites() throws IOException {
        Path root = tmp.resolve("set");
        List<Path> files = new SyntheticCt(new StudySpec(21, 3, 2, 2, 4, 16, 16)).writeAll(root);
        DicomDir theirs = FileSets.dcmmkdir(root, tmp.resolve("dcmtk"));
        DicomDir ours = new DicomDirWriter().write(root, files);
        FileSets.assertDcmtkClean(root.resolve("DICOMDIR"));
        assertThat(String.join("\n", RecordComparison.differences(ours, theirs))).isEmpty();
        assertThat(ours.roots()).hasSize(3);
        assertThat(ours.records()).hasSize(3 + 6 + 12 + 48);
        assertEveryFileResolves(root, files);
    }

    @Test
    void writingTheSameFileSetTwiceGivesTheSameBytes() throws IOException {
        Path root = tmp.resolve("set");
        List<Path> files = new SyntheticCt(new StudySpec(4, 2, 1, 1, 3, 8, 8)).writeAll(root);
        byte[] first = new DicomDirWriter().toBytes(root, files);
        byte[] second = new DicomDirWriter().toBytes(root, reversed(files));
        assertThat(second).isEqualTo(first);
        assertThat(first).startsWith(new byte[128]);
    }

    @Test
    void entriesDescribedInMemoryGiveTheSameBytesAsTheFiles() throws IOException {
        Path root = tmp.resolve("set");
        SyntheticCt ct = new SyntheticCt(new StudySpec(6, 2, 2, 1, 3, 8, 8));
        List<Path> files = ct.writeAll(root);
        List<DicomDirEntry> entries = ct.instances().stream().map(at -> new DicomDirEntry(
                List.of(at.fileId().split("/")), ct.header(at), "1.2.840.10008.1.2.1")).toList();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new DicomDirWriter().write(entries, out);
        assertThat(out.toByteArray()).isEqualTo(new DicomDirWriter().toBytes(root, files));
        assertThatThrownBy(() -> new DicomDirEntry(List.of("DICOM", "im1.dcm"), ct.header(ct.instances().get(0)),
                "1.2.840.10008.1.2.1")).isInstanceOfSatisfying(DicomDirException.class,
                        e -> assertThat(e.code()).isEqualTo(DicomErrorCode.DICOMDIR_FILE_NAME));
    }

    @Test
    void anIncrementalDirectoryGivesTheSameBytesAndTakesEntriesInFileIdOrderOnly() throws IOException {
        SyntheticCt ct = new SyntheticCt(new StudySpec(6, 2, 2, 1, 3, 8, 8));
        List<DicomDirEntry> entries = ct.instances().stream().map(at -> new DicomDirEntry(
                List.of(at.fileId().split("/")), ct.header(at), "1.2.840.10008.1.2.1"))
                .sorted(java.util.Comparator.comparing(e -> String.join("\\", e.fileId()))).toList();
        DicomDirWriter.Incremental incremental = new DicomDirWriter("PKG1").incremental();
        entries.forEach(incremental::add);

        assertThat(incremental.toBytes()).isEqualTo(new DicomDirWriter("PKG1").toBytes(entries));
        DicomDirWriter.Incremental backwards = new DicomDirWriter().incremental();
        backwards.add(entries.get(1));
        assertThatThrownBy(() -> backwards.add(entries.get(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesThatAreNotFileIdsAreAllRefusedAndNothingIsWritten() throws IOException {
        Path root = tmp.resolve("set");
        List<Path> files = new SyntheticCt(StudySpec.ctSeries(2, 3, 8, 8)).writeAll(root);
        Path lower = root.resolve("PAT00001/lower.dcm");
        Path longName = root.resolve("PAT00001/TOOLONGNAME");
        Files.copy(files.get(0), lower);
        Files.copy(files.get(1), longName);
        Path outside = Files.copy(files.get(2), tmp.resolve("OUTSIDE"));
        List<Path> all = List.of(files.get(0), lower, longName, outside);
        assertThatThrownBy(() -> new DicomDirWriter().write(root, all))
                .isInstanceOfSatisfying(DicomDirException.class, e -> {
                    assertThat(e.code()).isEqualTo(DicomErrorCode.DICOMDIR_FILE_NAME);
                    assertThat(e.problems()).hasSize(3);
                    assertThat(String.join("\n", e.problems())).contains("lower.dcm", "TOOLONGNAME",
                            "not inside the file-set root");
                });
        assertThat(root.resolve("DICOMDIR")).doesNotExist();
    }

    @Test
    void filesThatCannotBeIndexedAreAllListed() throws IOException {
        Path root = tmp.resolve("set");
        SyntheticCt ct = new SyntheticCt(StudySpec.ctSeries(8, 2, 8, 8));
        List<Path> files = ct.writeAll(root);
        Path text = Files.writeString(root.resolve("README"), "not DICOM");
        Path noStudyId = root.resolve("NOSTUDY");
        org.iep.dicom.io.DicomFile f = DicomReader.read(files.get(0));
        f.dataSet().remove(Tags.StudyID);
        f.dataSet().setString(Tags.SOPInstanceUID, org.iep.dicom.data.VR.UI, "2.25.1");
        new org.iep.dicom.io.DicomWriter().write(noStudyId, null, f.dataSet(), f.transferSyntax());
        Path duplicate = Files.copy(files.get(1), root.resolve("DUP"));
        List<Path> all = List.of(files.get(0), files.get(1), text, noStudyId, duplicate);
        assertThatThrownBy(() -> new DicomDirWriter().write(root, all))
                .isInstanceOfSatisfying(DicomDirException.class, e -> {
                    assertThat(e.code()).isEqualTo(DicomErrorCode.DICOMDIR_INPUT);
                    assertThat(e.problems()).hasSize(3);
                    String p = String.join("\n", e.problems());
                    assertThat(p).contains("README: not readable DICOM", "StudyID (0020,0010)", "is also in");
                });
        assertThat(root.resolve("DICOMDIR")).doesNotExist();
    }

    private static List<Path> reversed(List<Path> files) {
        List<Path> out = new java.util.ArrayList<>(files);
        java.util.Collections.reverse(out);
        return out;
    }

    private static void assertEveryFileResolves(Path root, List<Path> files) {
        DicomDir back = DicomDirReader.read(root.resolve("DICOMDIR"));
        List<Path> resolved = back.fileRecords().stream().map(r -> DicomDir.resolve(root, r)).sorted().toList();
        assertThat(resolved).isEqualTo(files.stream().map(p -> p.toAbsolutePath().normalize()).sorted().toList());
        for (DirectoryRecord r : back.fileRecords()) {
            assertThat(r.getString(Tags.ReferencedSOPInstanceUIDInFile)).isEqualTo(
                    DicomReader.read(DicomDir.resolve(root, r)).dataSet().getString(Tags.SOPInstanceUID));
        }
    }

    /** The tree with every level sorted by its key text, to compare trees whose order differs. */
    private static DicomDir sorted(DicomDir d) {
        return new DicomDir(d.fileMeta(), d.fileSetId(), sort(d.roots()), d.inactiveRecords(), d.unreachableRecords());
    }

    private static List<DirectoryRecord> sort(List<DirectoryRecord> records) {
        return records.stream().map(r -> new DirectoryRecord(r.type(), r.offset(), r.fileId(), r.attributes(),
                sort(r.children()))).sorted(java.util.Comparator.comparing(r -> r.type() + r.getString(Tags.PatientID)
                + r.getString(Tags.StudyInstanceUID) + r.getString(Tags.SeriesInstanceUID) + r.fileIdString()))
                .toList();
    }
}
