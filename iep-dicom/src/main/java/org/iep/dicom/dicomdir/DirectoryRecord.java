package org.iep.dicom.dicomdir;

import java.util.List;
import java.util.Objects;
import org.iep.dicom.data.Attributes;

/**
 * One directory record of a DICOMDIR with the records of its lower-level directory entity.
 *
 * @param type Directory Record Type (0004,1430), e.g. "PATIENT", "IMAGE", "SR DOCUMENT"
 * @param offset byte offset of the record's item in the DICOMDIR file, as the offsets of other records name it
 * @param fileId Referenced File ID (0004,1500) components, checked to stay inside the file-set; empty if none
 * @param attributes the record's elements, offsets included (mutable: do not share across threads)
 * @param children the lower-level records in offset-chain order
 */
public record DirectoryRecord(String type, long offset, List<String> fileId, Attributes attributes,
        List<DirectoryRecord> children) {

    public DirectoryRecord {
        Objects.requireNonNull(type);
        Objects.requireNonNull(attributes);
        fileId = List.copyOf(fileId);
        children = List.copyOf(children);
    }

    /** True if the record references a file. */
    public boolean hasFile() {
        return !fileId.isEmpty();
    }

    /** The file ID as DICOM writes it, components joined by '\'; "" if none. */
    public String fileIdString() {
        return String.join("\\", fileId);
    }

    /** Nullable: the first value of an attribute of the record as text. */
    public String getString(int tag) {
        return attributes.getString(tag);
    }
}
