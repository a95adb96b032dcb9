package org.iep.dicom.json;

import org.iep.dicom.data.DicomElement;

/**
 * Decides which binary elements a DICOM JSON writer replaces by a BulkDataURI (PS3.18 F.2.6).
 * Implementations must be thread-safe if the writer is shared.
 */
@FunctionalInterface
public interface BulkDataUris {

    /** Writes every binary value inline (base64); encapsulated pixel data then cannot be written. */
    BulkDataUris NONE = (path, element) -> null;

    /**
     * Nullable: the URI for an element's bulk data, or null to write the value as InlineBinary.
     *
     * @param path where the element sits, e.g. "7FE00010" or "00400555[0].7FE00010"
     * @param element an OB, OD, OF, OL, OV, OW or UN element, or encapsulated pixel data
     */
    String uriFor(String path, DicomElement element);
}
