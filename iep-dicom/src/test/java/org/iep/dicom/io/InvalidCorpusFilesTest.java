package org.iep.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomParseException;
import org.junit.jupiter.api.Test;

/** The four corpus files dcmdump rejects must end in our typed exception, never another. */
class InvalidCorpusFilesTest {

    @Test
    void theManifestListsExactlyFourRejectedFiles() {
        List<String> rejected = Corpus.manifest().stream().filter(e -> !e.dcmdumpOk()).map(Corpus.Entry::file).toList();
        assertThat(rejected).containsExactlyInAnyOrder("MR_truncated.dcm", "no_meta.dcm", "SC_rgb_jpeg.dcm", "zipMR.gz");
    }

    @Test
    void truncatedPixelDataIsReportedWithItsOffset() {
        assertThatThrownBy(() -> DicomReader.read(Corpus.file("MR_truncated.dcm")))
                .isInstanceOf(DicomParseException.class)
                .hasMessageStartingWith("IEP-5001: ")
                .hasMessageContaining("(7fe0,0010)")
                .satisfies(e -> assertThat(((DicomParseException) e).offset()).isPositive());
    }

    @Test
    void strayLeadingByteMakesAHugeLengthThatIsRejectedBeforeAllocation() {
        // dcmtk: "Unknown Tag & Data (0820,0500) larger (173228800) than remaining bytes"
        assertThatThrownBy(() -> DicomReader.read(Corpus.file("no_meta.dcm")))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("(0820,0500)")
                .hasMessageContaining("exceeds");
    }

    /**
     * The meta says JPEG Baseline (explicit VR) but the data set is implicit VR. A lenient reader
     * could guess; we are strict like dcmtk and report the first header whose VR bytes are invalid.
     */
    @Test
    void explicitSyntaxWithImplicitDataSetIsRejected() {
        assertThatThrownBy(() -> DicomReader.read(Corpus.file("SC_rgb_jpeg.dcm")))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("invalid VR");
    }

    @Test
    void gzipIsNotDicom() {
        assertThatThrownBy(() -> DicomReader.read(Corpus.file("zipMR.gz")))
                .isInstanceOf(DicomParseException.class)
                .satisfies(e -> assertThat(((DicomParseException) e).code()).isEqualTo(DicomErrorCode.PARSE));
    }
}
