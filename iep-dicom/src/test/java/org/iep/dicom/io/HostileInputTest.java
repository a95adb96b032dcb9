package org.iep.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomParseException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.Tags;
import org.junit.jupiter.api.Test;

/** Lying lengths, deep nesting, truncation and corruption end in DicomParseException, never OOM. */
class HostileInputTest {

    /** Bare explicit VR LE data set: (0008,0060) CS "MR" then an OB header with the given length. */
    private static byte[] lyingOb(long length, int total) {
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x0008).putShort((short) 0x0060).put((byte) 'C').put((byte) 'S').putShort((short) 2)
                .put((byte) 'M').put((byte) 'R');
        b.putShort((short) 0x0009).putShort((short) 0x1010).put((byte) 'O').put((byte) 'B').putShort((short) 0)
                .putInt((int) length);
        return b.array();
    }

    @Test
    void hugeValueLengthInASmallFileFailsBeforeAllocating() {
        byte[] file = lyingOb(0xFFFFFFF0L, 100);
        assertThatThrownBy(() -> DicomReader.read(file))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("(0009,1010)")
                .hasMessageContaining("exceeds");
    }

    @Test
    void hugeValueLengthInAStreamOfUnknownSizeFailsAtTheRealEnd() {
        for (long len : new long[] {0xFFFFFFF0L, 0x7FFFFFF0L, 0x10000000L}) {
            byte[] file = lyingOb(len, 100);
            assertThatThrownBy(() -> {
                try (DicomReader r = DicomReader.open(new ByteArrayInputStream(file))) {
                    r.readAll();
                }
            }).isInstanceOf(DicomParseException.class);
        }
    }

    @Test
    void lyingMetaGroupLengthDoesNotMisleadTheReader() {
        byte[] file = Corpus.bytes("MR_small.dcm");
        byte[] lying = file.clone();
        // (0002,0000) UL value at offset 132 + 8: claim the meta is 100000 bytes long
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(140, 100_000);
        DicomFile honest = DicomReader.read(file);
        DicomFile read = DicomReader.read(lying);
        assertThat(read.dataSet()).isEqualTo(honest.dataSet());
        assertThat(read.fileMeta().getString(Tags.TransferSyntaxUID)).isEqualTo("1.2.840.10008.1.2.1");
    }

    @Test
    void lyingItemLengthInsideASequenceIsRejected() {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x0008).putShort((short) 0x1140).put((byte) 'S').put((byte) 'Q').putShort((short) 0)
                .putInt(16);
        b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(0x7FFFFFFF);
        assertThatThrownBy(() -> DicomReader.read(Arrays.copyOf(b.array(), b.position() + 8)))
                .isInstanceOf(DicomParseException.class);
    }

    static byte[] nested(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < depth; i++) {
            b.clear();
            b.putShort((short) 0x0008).putShort((short) 0x1140).put((byte) 'S').put((byte) 'Q').putShort((short) 0)
                    .putInt(-1).putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(-1);
            out.write(b.array(), 0, b.position());
        }
        for (int i = 0; i < depth; i++) {
            b.clear();
            b.putShort((short) 0xFFFE).putShort((short) 0xE00D).putInt(0)
                    .putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
            out.write(b.array(), 0, b.position());
        }
        return out.toByteArray();
    }

    @Test
    void deflateBombsAreStoppedAtTheConfiguredSize() {
        org.iep.dicom.data.Attributes ds = new org.iep.dicom.data.Attributes();
        ds.setString(Tags.SOPInstanceUID, org.iep.dicom.data.VR.UI, "1.2.3");
        ds.setBytes(0x00091010, org.iep.dicom.data.VR.OB, new byte[8 << 20]); // 8 MiB of zeros
        byte[] file = new DicomWriter().toBytes(null, ds, org.iep.dicom.dict.TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(file.length).isLessThan(64 * 1024);
        ReadOptions small = new ReadOptions(64, false, 1 << 20);
        assertThatThrownBy(() -> {
            try (DicomReader r = DicomReader.open(new ByteArrayInputStream(file), small)) {
                r.readAll();
            }
        }).isInstanceOf(DicomParseException.class).hasMessageContaining("maxInflatedBytes");
        assertThat(DicomReader.read(file).dataSet().getBytes(0x00091010)).hasSize(8 << 20);
    }

    @Test
    void nestingIsBounded() {
        assertThat(DicomReader.read(nested(DicomReader.DEFAULT_MAX_DEPTH)).dataSet().size()).isEqualTo(1);
        assertThatThrownBy(() -> DicomReader.read(nested(DicomReader.DEFAULT_MAX_DEPTH + 1)))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("nested deeper than 64");
        assertThatThrownBy(() -> DicomReader.read(nested(100_000)))
                .isInstanceOf(DicomParseException.class);
    }

    /**
     * Cutting MR_small.dcm at every byte offset gives either a DicomParseException or, when the cut
     * falls exactly between two top-level elements, the data set's leading elements, each complete.
     */
    @Test
    void everyTruncationOfASmallFileIsATypedErrorOrACompletePrefix() {
        byte[] file = Corpus.bytes("MR_small.dcm");
        Attributes full = DicomReader.read(file).dataSet();
        List<Integer> successes = new ArrayList<>();
        for (int cut = 0; cut < file.length; cut++) {
            byte[] part = Arrays.copyOf(file, cut);
            try {
                Attributes ds = DicomReader.read(part).dataSet();
                successes.add(cut);
                for (DicomElement e : ds.elements()) {
                    assertThat(e).as("element of the prefix cut at " + cut).isEqualTo(full.get(e.tag()));
                }
                assertThat(ds.tags()).isEqualTo(full.tags().subList(0, ds.size()));
            } catch (DicomParseException expected) {
                assertThat(expected.offset()).isBetween(-1L, (long) cut);
            }
        }
        assertThat(successes).hasSizeLessThan(full.size() + 40); // element boundaries (meta and data set) only
    }

    /** The opt-in lenient mode clamps containers, but truncated values are still errors. */
    @Test
    void lenientModeStillOnlyRaisesTypedErrors() {
        byte[] file = Corpus.bytes("test-SR.dcm");
        int clamped = 0;
        for (int cut = 0; cut < file.length; cut++) {
            byte[] part = Arrays.copyOf(file, cut);
            try (DicomReader r = DicomReader.open(new ByteArrayInputStream(part), ReadOptions.LENIENT)) {
                r.readAll();
                clamped++;
            } catch (DicomParseException expected) {
                assertThat(expected.getMessage()).startsWith("IEP-5001: ");
            }
        }
        assertThat(clamped).isPositive();
    }

    @Test
    void randomCorruptionOnlyEverRaisesParseExceptions() {
        Random random = new Random(20261122);
        for (String name : List.of("dicomdir/DICOMDIR", "ExplVR_LitEndNoMeta.dcm", "JLSL_RGB_ILV2.dcm", "rtplan.dcm",
                "meta_missing_tsyntax.dcm", "MR_small.dcm", "CT_small.dcm", "test-SR.dcm", "MR_small_RLE.dcm",
                "MR_small_bigendian.dcm", "image_dfl.dcm", "chrH31.dcm", "priv_SQ.dcm")) {
            byte[] file = Corpus.bytes(name);
            for (int round = 0; round < 400; round++) {
                byte[] bad = file.clone();
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
                }
                try {
                    DicomReader.read(bad);
                } catch (DicomParseException expected) {
                    assertThat(expected.getMessage()).startsWith("IEP-5001: ");
                }
                try (DicomReader r = DicomReader.open(new ByteArrayInputStream(bad))) { // size unknown
                    r.readAll();
                } catch (DicomParseException expected) {
                    assertThat(expected.getMessage()).startsWith("IEP-5001: ");
                }
            }
        }
    }
}
