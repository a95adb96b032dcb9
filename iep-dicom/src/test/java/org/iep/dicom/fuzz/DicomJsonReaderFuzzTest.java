package org.iep.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.json.DicomJsonReader;
import org.iep.dicom.json.DicomJsonWriter;

/** Any text through the DICOM JSON reader, then the decoded model back out as JSON. */
class DicomJsonReaderFuzzTest {

    @FuzzTest
    void readAndWriteBack(byte[] data) {
        Attributes ds;
        try {
            ds = new DicomJsonReader().read(new String(data, StandardCharsets.UTF_8));
        } catch (DicomException expected) {
            return;
        }
        Fuzzing.touchEveryValue(ds);
        try {
            new DicomJsonWriter().toJson(ds);
        } catch (DicomException expected) {
            // a value the reader took may still be refused on the way out; typed is fine
        }
    }
}
