package org.iep.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streaming re-writes read back as the same data set as the input, pixel data included, for every readable corpus
 * file; the same input gives the same bytes; a stream cut inside its pixel data is a typed error.
 */
class Part10RewriterTest {

    @ParameterizedTest
    @MethodSource("org.iep.dicom.io.RoundTripTest#readable")
    void streamingGivesTheSameBytesAsWritingTheWholeFile(Corpus.Entry entry) throws IOException {
        DicomFile whole = DicomReader.read(entry.path());
        Attributes extra = new Attributes();
        extra.setString(0x00020016, VR.AE, "IEP_SCP");

        byte[] once = rewrite(entry, extra);
        DicomFile back = DicomReader.read(once);

        assertThat(DataSetDiff.diff(whole.dataSet(), back.dataSet())).as(entry.file()).isEmpty();
        assertThat(back.transferSyntax()).isEqualTo(whole.transferSyntax());
        assertThat(back.fileMeta().getString(0x00020016)).isEqualTo("IEP_SCP");
        assertThat(rewrite(entry, extra)).as("deterministic").isEqualTo(once);
        assertThat(Arrays.copyOf(once, 128)).as("zeroed preamble").containsOnly(0);
        DicomFile header;
        try (InputStream in = Files.newInputStream(entry.path())) {
            header = new Part10Rewriter(ReadOptions.STRICT).rewrite(in, extra, new ByteArrayOutputStream());
        }
        assertThat(header.dataSet().contains(Tags.PixelData)).isFalse();
        assertThat(header.dataSet().get(Tags.SOPInstanceUID)).isEqualTo(whole.dataSet().get(Tags.SOPInstanceUID));
    }

    private static byte[] rewrite(Corpus.Entry entry, Attributes extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(entry.path())) {
            new Part10Rewriter(ReadOptions.STRICT).rewrite(in, extra, out);
        }
        return out.toByteArray();
    }

    static java.util.stream.Stream<Corpus.Entry> withNativePixelData() {
        return RoundTripTest.readable().filter(e -> {
            try (DicomReader r = DicomReader.open(e.path())) {
                DicomFile h = r.readUntilPixelData();
                PixelDataHeader p = h.pixelData();
                return p != null && !p.isEncapsulated() && p.length() > 16 && !h.transferSyntax().deflated();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("withNativePixelData")
    void aStreamCutInsideItsPixelDataIsATypedError(Corpus.Entry entry) throws IOException {
        byte[] bytes = Files.readAllBytes(entry.path());
        long position;
        try (DicomReader r = DicomReader.open(entry.path())) {
            PixelDataHeader p = r.readUntilPixelData().pixelData();
            position = p.valuePosition() + p.length() / 2;
        }
        byte[] cut = Arrays.copyOf(bytes, (int) position);

        assertThatThrownBy(() -> new Part10Rewriter(ReadOptions.STRICT).rewrite(new ByteArrayInputStream(cut), null,
                new ByteArrayOutputStream())).as(entry.file()).isInstanceOf(DicomException.class);
    }
}
