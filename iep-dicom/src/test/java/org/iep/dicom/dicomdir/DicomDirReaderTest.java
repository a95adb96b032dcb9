package org.iep.dicom.dicomdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomDirException;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus DICOMDIR and its variants give the tree the referenced files themselves imply; hostile file IDs and
 * offsets are refused with the typed exception.
 */
class DicomDirReaderTest {

    /** Offsets of the first PATIENT record's next / lower offset values in the corpus DICOMDIR (item at 396). */
    private static final int PATIENT_ITEM = 396;

    static Path root() {
        return Corpus.file("dicomdir/DICOMDIR").getParent();
    }

    @Test
    void theCorpusDicomdirMatchesTheFilesItReferences() throws Exception {
        DicomDir dir = DicomDirReader.read(Corpus.file("dicomdir/DICOMDIR"));
        assertThat(dir.fileSetId()).isEqualTo("PYDICOM_TEST");
        assertThat(dir.records()).hasSize(52);
        assertThat(dir.unreachableRecords()).isZero();
        assertThat(dir.roots()).extracting(DirectoryRecord::type).containsOnly("PATIENT");
        assertThat(dir.roots()).extracting(r -> r.getString(Tags.PatientID))
                .containsExactly("77654033", "98890234");
        Map<String, Integer> types = new HashMap<>();
        dir.records().forEach(r -> types.merge(r.type(), 1, Integer::sum));
        assertThat(types).isEqualTo(Map.of("PATIENT", 2, "STUDY", 6, "SERIES", 13, "IMAGE", 31));
        // every IMAGE sits under the patient, study and series its file names, and resolves inside the root
        List<Path> referenced = new ArrayList<>();
        for (DirectoryRecord patient : dir.roots()) {
            for (DirectoryRecord study : patient.children()) {
                for (DirectoryRecord series : study.children()) {
                    for (DirectoryRecord image : series.children()) {
                        Path file = DicomDir.resolve(root(), image);
                        referenced.add(file);
                        Attributes ds = DicomReader.read(file).dataSet();
                        assertThat(patient.getString(Tags.PatientID)).isEqualTo(ds.getString(Tags.PatientID));
                        assertThat(study.getString(Tags.StudyInstanceUID))
                                .isEqualTo(ds.getString(Tags.StudyInstanceUID));
                        assertThat(series.getString(Tags.SeriesInstanceUID))
                                .isEqualTo(ds.getString(Tags.SeriesInstanceUID));
                        assertThat(image.getString(Tags.ReferencedSOPInstanceUIDInFile))
                                .isEqualTo(ds.getString(Tags.SOPInstanceUID));
                    }
                }
            }
        }
        List<Path> onDisk;
        try (Stream<Path> s = Files.walk(root())) {
            onDisk = s.filter(Files::isRegularFile).filter(p -> p.getParent() != root().toAbsolutePath())
                    .filter(p -> !p.getFileName().toString().contains(".")).filter(p -> !p.getParent().equals(root()))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        }
        assertThat(referenced.stream().sorted().toList()).hasSize(31).isEqualTo(onDisk);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DICOMDIR-bigEnd", "DICOMDIR-nooffset", "DICOMDIR-reordered"})
    void theVariantsGiveTheSameTree(String name) {
        String expected = tree(DicomDirReader.read(Corpus.file("dicomdir/DICOMDIR")));
        assertThat(tree(DicomDirReader.read(Corpus.file("dicomdir/" + name)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..\\..\\..\\etc\\passw", "/etc/passwd", "\\etc\\passwd", "C:\\WINDOWS\\SYSTEM",
        "77654033\\..\\..\\X", "A\\B\\...", "77654033\\\\6154", "AB\u0000CD", "..", "7765\\CR1\\6154/.."})
    void hostileFileIdsAreRefused(String id) {
        byte[] b = Corpus.bytes("dicomdir/DICOMDIR");
        byte[] original = "77654033\\CR1\\6154 ".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(b, original);
        byte[] hostile = (id + " ".repeat(original.length - id.length())).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(hostile, 0, b, at, hostile.length);
        assertThatThrownBy(() -> DicomDirReader.read(b)).isInstanceOfSatisfying(DicomDirException.class,
                e -> assertThat(e.code()).isEqualTo(DicomErrorCode.DICOMDIR_UNSAFE_FILE_ID))
                .hasMessageContaining("is refused");
    }

    @Test
    void resolvingRefusesWhatWouldLeaveTheRoot() {
        Path root = Path.of("/media/cd");
        assertThat(FileIds.resolve(root, List.of("A", "B"))).isEqualTo(Path.of("/media/cd/A/B"));
        assertThatThrownBy(() -> FileIds.resolve(root, List.of("A", "..", "..", "X")))
                .isInstanceOf(DicomDirException.class);
        assertThatThrownBy(() -> FileIds.resolve(root, List.of("/etc"))).isInstanceOf(DicomDirException.class);
        assertThatThrownBy(() -> FileIds.resolve(root, List.of())).isInstanceOf(DicomDirException.class);
    }

    @Test
    void aRecordPointingAtItselfIsALoop() {
        byte[] b = patched(PATIENT_ITEM + 16, 0x00041400, PATIENT_ITEM);
        assertMalformed(b, "loop");
    }

    @Test
    void aLowerLevelPointingBackUpIsALoop() {
        // (0004,1420) follows (0004,1400) UL and (0004,1410) US: its value is 38 bytes into the item.
        // The PATIENT's lower level is the STUDY at 510; make the study's lower level the patient
        byte[] b = patched(510 + 38, 0x00041420, PATIENT_ITEM);
        assertMalformed(b, "loop");
    }

    @Test
    void offsetsIntoTheMiddleOfARecordOrPastTheEndAreRefused() {
        assertMalformed(patched(PATIENT_ITEM + 38, 0x00041420, 512), "no directory record starts");
        assertMalformed(patched(PATIENT_ITEM + 16, 0x00041400, 0xFFFFFFF0L), "no directory record starts");
    }

    @Test
    void aZeroRootOffsetWithRecordsIsRefused() {
        byte[] b = Corpus.bytes("dicomdir/DICOMDIR");
        int at = indexOf(b, new byte[] {4, 0, 0, 0x12, 'U', 'L', 4, 0});
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 8, 0);
        assertMalformed(b, "root offset");
    }

    @Test
    void otherInputIsMalformedNotSomethingElse() {
        assertMalformed(Corpus.bytes("CT_small.dcm"), "is not a DICOMDIR");
        assertMalformed(new byte[0], "not a readable DICOM file");
        assertMalformed("not dicom at all, just text".getBytes(StandardCharsets.US_ASCII), "");
        byte[] truncated = java.util.Arrays.copyOf(Corpus.bytes("dicomdir/DICOMDIR"), 700);
        assertThatThrownBy(() -> DicomDirReader.read(truncated)).isInstanceOf(DicomDirException.class);
    }

    /** The corpus DICOMDIR with a UL offset value replaced after checking that the tag is where we think. */
    private static byte[] patched(int valueAt, int tag, long value) {
        byte[] b = Corpus.bytes("dicomdir/DICOMDIR");
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buf.getShort(valueAt - 8) & 0xFFFF).isEqualTo(tag >>> 16);
        assertThat(buf.getShort(valueAt - 6) & 0xFFFF).isEqualTo(tag & 0xFFFF);
        buf.putInt(valueAt, (int) value);
        return b;
    }

    private static void assertMalformed(byte[] b, String text) {
        assertThatThrownBy(() -> DicomDirReader.read(b)).isInstanceOfSatisfying(DicomDirException.class,
                e -> assertThat(e.code()).isEqualTo(DicomErrorCode.DICOMDIR_MALFORMED)).hasMessageContaining(text);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    /** The tree as text: type, key attributes and file ID, indented by level, in chain order. */
    static String tree(DicomDir dir) {
        StringBuilder b = new StringBuilder();
        for (DirectoryRecord r : dir.roots()) {
            append(b, r, 0);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, DirectoryRecord r, int depth) {
        b.append("  ".repeat(depth)).append(r.type()).append(' ')
                .append(r.getString(Tags.PatientID)).append(' ').append(r.getString(Tags.StudyInstanceUID)).append(' ')
                .append(r.getString(Tags.SeriesInstanceUID)).append(' ').append(r.fileIdString()).append('\n');
        for (DirectoryRecord c : r.children()) {
            append(b, c, depth + 1);
        }
    }
}
