package org.iep.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.DicomWriter;
import org.iep.dicom.io.Part10Rewriter;
import org.iep.dicom.io.ReadOptions;
import org.iep.dicom.json.DicomJsonWriter;

/** Any bytes through the Part 10 reader, the value decoders, the writer and the streaming rewriter. */
class Part10ReaderFuzzTest {

    @FuzzTest
    void readWriteAndRewrite(byte[] data) {
        DicomFile f;
        try {
            f = DicomReader.read(data);
        } catch (DicomException expected) {
            return;
        }
        Fuzzing.touchEveryValue(f.dataSet());
        try {
            new DicomJsonWriter().toJson(f.dataSet());
            new DicomWriter().write(new ByteArrayOutputStream(), f.fileMeta(), f.dataSet(), f.transferSyntax());
        } catch (DicomException expected) {
            // values the reader accepts may still be unencodable (e.g. a lying VR); a typed refusal is fine
        }
        try {
            new Part10Rewriter(ReadOptions.STRICT).rewrite(new ByteArrayInputStream(data), new Attributes(),
                    new ByteArrayOutputStream());
        } catch (DicomException expected) {
            // the rewriter is stricter about what it re-encodes
        }
    }
}
