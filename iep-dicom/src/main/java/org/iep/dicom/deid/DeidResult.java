package org.iep.dicom.deid;

import org.iep.dicom.io.DicomFile;

/**
 * What de-identifying one file found and did.
 *
 * @param burnedInAnnotation (0028,0301) said YES: identifying text may be in the pixels, which no tag action removes
 * @param sopInstanceUid the instance's UID after de-identification
 * @param header the file as written, up to its pixel data (data set and transfer syntax; no file meta): what an
 *               index of the written file holds, without reading it back
 */
public record DeidResult(boolean burnedInAnnotation, String sopInstanceUid, int removed, int replaced,
                         DicomFile header) {
}
