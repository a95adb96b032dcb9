package org.iep.dicom.dicomdir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.iep.dicom.data.Attributes;

/**
 * A DICOMDIR as read: its file meta, File-set ID and the tree of in-use records reachable from the root offset.
 *
 * @param fileMeta group 0002 of the DICOMDIR file
 * @param fileSetId nullable: File-set ID (0004,1130)
 * @param roots records of the root directory entity (usually PATIENT), in offset-chain order
 * @param inactiveRecords records with Record In-use Flag 0000H, skipped with the records below them
 * @param unreachableRecords records of the sequence that no offset chain reaches (ignored, as dcmtk does)
 */
public record DicomDir(Attributes fileMeta, String fileSetId, List<DirectoryRecord> roots, int inactiveRecords,
        int unreachableRecords) {

    public DicomDir {
        roots = List.copyOf(roots);
    }

    /** Every record of the tree, depth first (a parent before its children), as a DICOMDIR lists them. */
    public List<DirectoryRecord> records() {
        List<DirectoryRecord> out = new ArrayList<>();
        Deque<DirectoryRecord> todo = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            todo.push(roots.get(i));
        }
        while (!todo.isEmpty()) {
            DirectoryRecord r = todo.pop();
            out.add(r);
            for (int i = r.children().size() - 1; i >= 0; i--) {
                todo.push(r.children().get(i));
            }
        }
        return out;
    }

    /** The records that reference a file. */
    public List<DirectoryRecord> fileRecords() {
        return records().stream().filter(DirectoryRecord::hasFile).toList();
    }

    /**
     * The file a record references, under the file-set root (the directory holding the DICOMDIR). The components
     * were checked when reading; this checks once more that the normalised path stays under {@code root}.
     */
    public static Path resolve(Path root, DirectoryRecord record) {
        return FileIds.resolve(root, record.fileId());
    }
}
