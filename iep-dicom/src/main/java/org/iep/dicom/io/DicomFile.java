package org.iep.dicom.io;

import org.iep.dicom.data.Attributes;
import org.iep.dicom.dict.TransferSyntax;

/**
 * A Part 10 file as read: file meta information, data set and the transfer syntax actually used
 * for the data set. Not thread-safe (the data sets are mutable).
 *
 * @param fileMeta group 0002 elements (empty if the file had none)
 * @param dataSet the data set (without group 0002)
 * @param transferSyntax the syntax the data set was decoded with (guessed if the meta had none)
 * @param pixelData nullable: set when reading stopped before Pixel Data
 */
public record DicomFile(Attributes fileMeta, Attributes dataSet, TransferSyntax transferSyntax,
        PixelDataHeader pixelData) {
}
