package org.iep.dicom.dicomdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.iep.dicom.Corpus;
import org.iep.dicom.DicomDirException;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;

/**
 * Damaged DICOMDIRs end in {@link DicomDirException} and nothing else: seeded random byte mutations of the corpus
 * DICOMDIR (a smoke test; Jazzer fuzzing goes further), and an offset chain deeper than the reader accepts.
 */
class DicomDirMutationTest {

    @Test
    void randomMutationsGiveATreeOrTheTypedExceptionOnly() {
        byte[] original = Corpus.bytes("dicomdir/DICOMDIR");
        Random random = new Random(20261123);
        int refused = 0;
        int read = 0;
        List<String> escaped = new ArrayList<>();
        for (int run = 0; run < 3000; run++) {
            byte[] b = original.clone();
            int edits = 1 + random.nextInt(8);
            for (int i = 0; i < edits; i++) {
                int at = 128 + random.nextInt(b.length - 128);
                b[at] = switch (random.nextInt(4)) {
                    case 0 -> (byte) random.nextInt(256);
                    case 1 -> (byte) 0xFF;
                    case 2 -> 0;
                    default -> (byte) (b[at] ^ (1 << random.nextInt(8)));
                };
            }
            if (random.nextInt(10) == 0) {
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            try {
                DicomDir d = DicomDirReader.read(b);
                d.records().forEach(r -> r.fileId().forEach(c -> assertThat(FileIds.unsafeReason(c)).isNull()));
                read++;
            } catch (DicomDirException e) {
                refused++;
            } catch (RuntimeException e) {
                escaped.add("run " + run + ": " + e);
            }
        }
        assertThat(escaped).isEmpty();
        assertThat(refused).isGreaterThan(100);
        assertThat(read).isGreaterThan(100);
    }

    @Test
    void aChainDeeperThanTheLimitIsRefused() {
        byte[] b = Corpus.bytes("dicomdir/DICOMDIR");
        List<Attributes> items = DicomReader.read(b).dataSet().getItems(Tags.DirectoryRecordSequence);
        assertThat(items.size()).isGreaterThan(DicomDirReader.MAX_LEVELS);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < items.size(); i++) {
            int at = (int) items.get(i).streamPosition();
            assertThat(buf.getInt(at + 8)).isEqualTo(0x14000004); // (0004,1400) first, (0004,1420) 30 bytes on
            assertThat(buf.getInt(at + 30)).isEqualTo(0x14200004);
            buf.putInt(at + 16, 0);
            buf.putInt(at + 38, i + 1 < items.size() ? (int) items.get(i + 1).streamPosition() : 0);
        }
        assertThatThrownBy(() -> DicomDirReader.read(b)).isInstanceOfSatisfying(DicomDirException.class,
                e -> assertThat(e.code()).isEqualTo(DicomErrorCode.DICOMDIR_MALFORMED))
                .hasMessageContaining("deeper than " + DicomDirReader.MAX_LEVELS);
    }
}
