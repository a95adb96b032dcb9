package org.iep.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomWriteException;
import org.iep.dicom.data.FragmentsElement;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.dict.TransferSyntax;
import org.junit.jupiter.api.Test;

/** Reading the header only, copying pixel data stream to stream, and reading what follows. */
class StreamingReadTest {

    @Test
    void stopsBeforePixelDataAndCopiesItStreamToStream() {
        DicomFile full = DicomReader.read(Corpus.file("MR_small_padded.dcm"));
        try (DicomReader r = DicomReader.open(Corpus.file("MR_small_padded.dcm"))) {
            DicomFile header = r.readUntilPixelData();
            assertThat(header.dataSet().contains(Tags.PixelData)).isFalse();
            assertThat(header.dataSet().getString(Tags.PatientID)).isEqualTo("4MR1");
            PixelDataHeader pixel = header.pixelData();
            assertThat(pixel.length()).isEqualTo(8320); // as dcmdump reports for this file
            assertThat(pixel.vr()).isEqualTo(VR.OW);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(r.copyPixelData(out)).isEqualTo(8320);
            assertThat(out.toByteArray()).isEqualTo(full.dataSet().getBytes(Tags.PixelData));
            DicomFile rest = r.readRest();
            assertThat(rest.dataSet().contains(Tags.DataSetTrailingPadding)).isTrue();
        }
    }

    @Test
    void readsUpToATagAndNoFurther() throws Exception {
        byte[] file = Files.readAllBytes(Corpus.file("MR_small.dcm"));
        CountingInput counted = new CountingInput(file);
        try (DicomReader r = DicomReader.open(counted)) {
            DicomFile head = r.readUntil(0x00110000);
            assertThat(head.dataSet().getString(Tags.PatientID)).isEqualTo("4MR1");
            assertThat(head.dataSet().contains(Tags.StudyInstanceUID)).isFalse();
            assertThat(head.dataSet().contains(Tags.PixelData)).isFalse();
            assertThat(head.fileMeta().getString(Tags.TransferSyntaxUID)).isNotEmpty();
        }
        // the Patient module ends long before the pixel data: the look stayed in the first part of the file
        assertThat(counted.highest).isLessThan(file.length / 2);
    }

    /** Remembers how far the reader got. */
    private static final class CountingInput extends java.io.ByteArrayInputStream {
        int highest;

        CountingInput(byte[] b) {
            super(b);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, Math.min(len, 512));
            highest = pos;
            return n;
        }

        @Override
        public synchronized int read() {
            int c = super.read();
            highest = pos;
            return c;
        }
    }

    @Test
    void pixelDataPositionPointsAtTheValueInTheFile() throws Exception {
        byte[] file = Files.readAllBytes(Corpus.file("MR_small.dcm"));
        try (DicomReader r = DicomReader.open(Corpus.file("MR_small.dcm"))) {
            PixelDataHeader p = r.readUntilPixelData().pixelData();
            byte[] expected = DicomReader.read(file).dataSet().getBytes(Tags.PixelData);
            byte[] atPosition = java.util.Arrays.copyOfRange(file, (int) p.valuePosition(), (int) (p.valuePosition() + p.length()));
            assertThat(atPosition).isEqualTo(expected);
        }
    }

    @Test
    void encapsulatedPixelDataIsCopiedAsRawItems() {
        DicomFile full = DicomReader.read(Corpus.file("MR_small_RLE.dcm"));
        FragmentsElement frags = (FragmentsElement) full.dataSet().get(Tags.PixelData);
        long expected = 8; // sequence delimiter
        for (byte[] item : frags.items()) {
            expected += 8 + item.length;
        }
        try (InputStream in = Files.newInputStream(Corpus.file("MR_small_RLE.dcm"));
                DicomReader r = DicomReader.open(in)) {
            DicomFile header = r.readUntilPixelData();
            assertThat(header.pixelData().isEncapsulated()).isTrue();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(r.copyPixelData(out)).isEqualTo(expected);
            assertThat(out.size()).isEqualTo((int) expected);
            assertThat(r.readRest().dataSet().contains(Tags.DataSetTrailingPadding)).isTrue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void fileWithoutPixelDataIsReadCompletely() {
        try (DicomReader r = DicomReader.open(Corpus.file("test-SR.dcm"))) {
            DicomFile f = r.readUntilPixelData();
            assertThat(f.pixelData()).isNull();
            assertThat(f.dataSet()).isEqualTo(DicomReader.read(Corpus.file("test-SR.dcm")).dataSet());
        }
    }

    @Test
    void encapsulatedPixelDataCannotBeWrittenAsNative() {
        DicomFile f = DicomReader.read(Corpus.file("MR_small_RLE.dcm"));
        assertThatThrownBy(() -> new DicomWriter().toBytes(f.fileMeta(), f.dataSet(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomWriteException.class)
                .hasMessageStartingWith("IEP-5003: ");
    }

    @Test
    void bigEndianAndDeflatedConversionsRoundTrip() {
        DicomFile f = DicomReader.read(Corpus.file("MR_small.dcm"));
        for (TransferSyntax ts : new TransferSyntax[] {TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN}) {
            byte[] b = new DicomWriter(DicomWriter.SequenceLengths.EXPLICIT).toBytes(f.fileMeta(), f.dataSet(), ts);
            DicomFile again = DicomReader.read(b);
            assertThat(again.transferSyntax()).isEqualTo(ts);
            assertThat(DataSetDiff.diff(f.dataSet(), again.dataSet())).isEmpty();
        }
        DicomFile big = DicomReader.read(Corpus.file("MR_small_bigendian.dcm"));
        f.dataSet().remove(Tags.DataSetTrailingPadding); // the big endian sample has no trailing padding
        assertThat(DataSetDiff.diff(f.dataSet(), big.dataSet())).isEmpty();
    }
}
