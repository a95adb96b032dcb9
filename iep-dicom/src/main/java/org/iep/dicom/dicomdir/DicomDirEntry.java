package org.iep.dicom.dicomdir;

import java.util.List;
import java.util.Objects;
import org.iep.dicom.DicomDirException;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.data.Attributes;

/**
 * One instance of a file-set described in memory for {@link DicomDirWriter#toBytes(List)}: where it will be
 * (DICOM file ID components, each 1-8 of A-Z, 0-9, '_'; at most 8), its data set (up to the pixel data suffices)
 * and the transfer syntax it is stored in.
 *
 * @throws DicomDirException DICOMDIR_FILE_NAME when a component is not a DICOM file ID component
 */
public record DicomDirEntry(List<String> fileId, Attributes dataSet, String transferSyntaxUid) {

    public DicomDirEntry {
        fileId = List.copyOf(fileId);
        Objects.requireNonNull(dataSet);
        Objects.requireNonNull(transferSyntaxUid);
        if (fileId.isEmpty() || fileId.size() > FileIds.MAX_COMPONENTS) {
            throw new DicomDirException(DicomErrorCode.DICOMDIR_FILE_NAME, "a file ID has 1 to "
                    + FileIds.MAX_COMPONENTS + " components, not " + fileId.size());
        }
        for (String c : fileId) {
            if (!FileIds.isCompliantComponent(c)) {
                throw new DicomDirException(DicomErrorCode.DICOMDIR_FILE_NAME, "\"" + FileIds.printable(c)
                        + "\" is not a DICOM file ID component (1-8 characters A-Z, 0-9, _)");
            }
        }
    }
}
