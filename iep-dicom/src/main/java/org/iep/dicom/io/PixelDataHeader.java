package org.iep.dicom.io;

import org.iep.dicom.data.VR;

/**
 * Where the Pixel Data value starts when a reader stopped before it.
 *
 * @param tag the pixel data tag (7FE0,0010)
 * @param vr OB or OW (OW for implicit VR)
 * @param valuePosition byte offset of the value (of the first item for encapsulated data) in the
 *     stream the reader decodes (the file, or the inflated data set for deflated syntaxes)
 * @param length value length, or -1 for undefined length (encapsulated fragments)
 */
public record PixelDataHeader(int tag, VR vr, long valuePosition, long length) {

    /** True if the value is a sequence of fragments (undefined length). */
    public boolean isEncapsulated() {
        return length < 0;
    }
}
