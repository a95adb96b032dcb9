package org.iep.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iep.dicom.Corpus;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.dict.TransferSyntax;
import org.junit.jupiter.api.Test;

/**
 * Items remember where they were read, so that DICOMDIR offsets resolve to records; the writer
 * can compute the same offsets before writing.
 */
class ItemPositionTest {

    private static Map<Long, Attributes> byPosition(DicomFile f) {
        Map<Long, Attributes> out = new HashMap<>();
        for (Attributes r : f.dataSet().getItems(Tags.DirectoryRecordSequence)) {
            out.put(r.streamPosition(), r);
        }
        return out;
    }

    @Test
    void everyDicomdirOffsetPointsAtARecord() {
        for (String name : List.of("dicomdir/DICOMDIR", "dicomdir/DICOMDIR-bigEnd", "dicomdir/DICOMDIR-reordered")) {
            DicomFile f = DicomReader.read(Corpus.file(name));
            Map<Long, Attributes> records = byPosition(f);
            assertThat(records).hasSize(52);
            long root = f.dataSet().getLongs(Tags.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity)[0];
            assertThat(records.get(root).getString(Tags.DirectoryRecordType)).as(name).isEqualTo("PATIENT");
            int resolved = 0;
            for (Attributes r : records.values()) {
                for (int tag : new int[] {Tags.OffsetOfTheNextDirectoryRecord, Tags.OffsetOfReferencedLowerLevelDirectoryEntity}) {
                    long offset = r.getLongs(tag).length == 0 ? 0 : r.getLongs(tag)[0];
                    if (offset != 0) {
                        assertThat(records).as(name + " offset " + offset).containsKey(offset);
                        resolved++;
                    }
                }
            }
            assertThat(resolved).isGreaterThan(40);
        }
    }

    @Test
    void writerPredictsWhereItemsLand() {
        DicomFile f = DicomReader.read(Corpus.file("dicomdir/DICOMDIR"));
        DicomWriter w = new DicomWriter(DicomWriter.SequenceLengths.EXPLICIT);
        TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        byte[] bytes = w.toBytes(f.fileMeta(), f.dataSet(), ts);
        long offset = w.headerSize(f.fileMeta(), f.dataSet(), ts);
        for (var e : f.dataSet().elements()) {
            if (e.tag() == Tags.DirectoryRecordSequence) {
                break;
            }
            offset += w.encodedSize(e, ts);
        }
        offset += 12; // SQ header in explicit VR
        DicomFile again = DicomReader.read(bytes);
        List<Attributes> items = again.dataSet().getItems(Tags.DirectoryRecordSequence);
        for (Attributes item : items) {
            assertThat(item.streamPosition()).isEqualTo(offset);
            offset += 8 + w.encodedSize(item, ts);
        }
    }
}
