package org.iep.dicom.deid;

/**
 * What de-identifying one file found and did.
 *
 * @param burnedInAnnotation (0028,0301) said YES: identifying text may be in the pixels, which no tag action removes
 * @param sopInstanceUid the instance's UID after de-identification
 */
public record DeidResult(boolean burnedInAnnotation, String sopInstanceUid, int removed, int replaced) {
}
