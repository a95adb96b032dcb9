package org.iep.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.iep.dicom.DicomException;
import org.iep.dicom.dicomdir.DicomDir;
import org.iep.dicom.dicomdir.DicomDirReader;
import org.iep.dicom.dicomdir.DirectoryRecord;

/** Any bytes through the DICOMDIR reader, then every record's referenced file resolved under a root. */
class DicomDirReaderFuzzTest {
    private static final Path ROOT = Path.of("/fileset");

    @FuzzTest
    void readAndResolve(byte[] data) {
        DicomDir dir;
        try {
            dir = DicomDirReader.read(data);
        } catch (DicomException expected) {
            return;
        }
        for (DirectoryRecord r : dir.records()) {
            Fuzzing.touchEveryValue(r.attributes());
        }
        for (DirectoryRecord r : dir.fileRecords()) {
            Path p = DicomDir.resolve(ROOT, r);
            if (!p.normalize().startsWith(ROOT)) {
                throw new IllegalStateException("a referenced file escapes the file-set root: " + p);
            }
        }
    }
}
