package org.iep.dicom.dicomdir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iep.dicom.DicomDirException;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.ReadOptions;

/**
 * Reads a DICOMDIR into a {@link DicomDir}. The tree comes from the offsets, not from the order of the Directory
 * Record Sequence: every offset must name the position of a record item, no record may be reached twice (a loop or
 * a shared subtree) and the hierarchy may be at most {@link #MAX_LEVELS} deep, so hostile offsets cost at most one
 * visit per record. Every Referenced File ID of the sequence, reachable or not, is checked to stay inside the
 * file-set before anything is returned.
 *
 * <p>The data set is read as dcmtk reads it ({@link ReadOptions#LENIENT}: a sequence or item length that runs past
 * the end of the file ends there; lengths are still checked against the file size before allocating).
 *
 * <p>Both entry points throw {@link DicomDirException} and nothing else for bad input: a file that is not DICOM is
 * 5300 with the parse error as cause. Stateless and thread-safe.
 */
public final class DicomDirReader {

    /** Deepest hierarchy accepted; PS3.3 F.4 needs 5 (PATIENT / STUDY / SERIES / IMAGE / private below). */
    public static final int MAX_LEVELS = 16;
    /** Largest DICOMDIR read: about 250,000 records; a file-set that big should be split. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final int RECORD_IN_USE_FLAG = 0x00041410;

    private DicomDirReader() {
    }

    /** Reads a DICOMDIR file. */
    public static DicomDir read(Path file) {
        byte[] data;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw malformed(-1, file + " has " + size + " bytes, more than a DICOMDIR may have here (" + MAX_BYTES
                        + ")");
            }
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DicomDirException(DicomErrorCode.DICOMDIR_MALFORMED, "cannot read " + file + ": " + e, e);
        }
        return read(data);
    }

    /** Reads a DICOMDIR held in memory (the single entry point of fuzzing). */
    public static DicomDir read(byte[] data) {
        if (data.length > MAX_BYTES) {
            throw malformed(-1, data.length + " bytes, more than a DICOMDIR may have here (" + MAX_BYTES + ")");
        }
        DicomFile f;
        try {
            f = DicomReader.read(data, ReadOptions.LENIENT);
        } catch (DicomException e) {
            throw malformed(-1, "not a readable DICOM file: " + e.getMessage(), e);
        }
        String sopClass = string(f.fileMeta(), Tags.MediaStorageSOPClassUID);
        if (sopClass != null && !sopClass.equals(UIDs.MediaStorageDirectoryStorage)) {
            throw malformed(-1, "Media Storage SOP Class " + FileIds.printable(sopClass) + " is not a DICOMDIR ("
                    + UIDs.MediaStorageDirectoryStorage + ")");
        }
        if (f.transferSyntax().deflated()) {
            throw malformed(-1, "a deflated DICOMDIR: its offsets cannot name positions in the file");
        }
        Attributes ds = f.dataSet();
        if (!(ds.get(Tags.DirectoryRecordSequence) instanceof SequenceElement seq)) {
            throw malformed(-1, "no Directory Record Sequence (0004,1220): not a DICOMDIR");
        }
        Map<Long, Attributes> byOffset = new HashMap<>();
        Map<Long, List<String>> fileIds = new HashMap<>();
        for (Attributes item : seq.items()) {
            long at = item.streamPosition();
            byOffset.put(at, item);
            fileIds.put(at, fileId(item, at));
        }
        Walk walk = new Walk(byOffset, fileIds);
        long first = offset(ds, Tags.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, -1);
        if (first == 0 && !byOffset.isEmpty()) {
            throw malformed(-1, "the root offset (0004,1200) is 0 but the sequence holds " + byOffset.size()
                    + " records");
        }
        List<DirectoryRecord> roots = walk.level(first, 1);
        int unreachable = byOffset.size() - walk.visited.size();
        return new DicomDir(f.fileMeta(), string(ds, Tags.FileSetID), roots, walk.inactive, unreachable);
    }

    /** Follows offset chains; each record at most once. */
    private static final class Walk {
        private final Map<Long, Attributes> byOffset;
        private final Map<Long, List<String>> fileIds;
        private final Set<Long> visited = new HashSet<>();
        private int inactive;

        Walk(Map<Long, Attributes> byOffset, Map<Long, List<String>> fileIds) {
            this.byOffset = byOffset;
            this.fileIds = fileIds;
        }

        List<DirectoryRecord> level(long first, int depth) {
            if (depth > MAX_LEVELS) {
                throw malformed(first, "directory records nested deeper than " + MAX_LEVELS + " levels");
            }
            List<DirectoryRecord> out = new ArrayList<>();
            for (long at = first; at != 0; ) {
                Attributes item = byOffset.get(at);
                if (item == null) {
                    throw malformed(at, "an offset points at byte " + at + ", where no directory record starts");
                }
                if (!visited.add(at)) {
                    throw malformed(at, "the record at byte " + at + " is reached twice: the offsets form a loop");
                }
                long next = offset(item, Tags.OffsetOfTheNextDirectoryRecord, at);
                long lower = offset(item, Tags.OffsetOfReferencedLowerLevelDirectoryEntity, at);
                if (inUse(item, at)) {
                    List<DirectoryRecord> children = lower == 0 ? List.of() : level(lower, depth + 1);
                    out.add(new DirectoryRecord(type(item, at), at, fileIds.get(at), item, children));
                } else {
                    inactive++;
                }
                at = next;
            }
            return out;
        }
    }

    private static List<String> fileId(Attributes item, long at) {
        DicomElement e = item.get(Tags.ReferencedFileID);
        if (e == null || e.isEmpty()) {
            return List.of();
        }
        if (!(e instanceof ValueElement v) || v.vr() != VR.CS) {
            throw malformed(at, "Referenced File ID (0004,1500) has VR " + e.vr() + ", not CS");
        }
        return FileIds.confined(strings(item, Tags.ReferencedFileID, at), at);
    }

    private static String type(Attributes item, long at) {
        String t = item.get(Tags.DirectoryRecordType) instanceof ValueElement v && v.vr().isString()
                ? string(item, Tags.DirectoryRecordType) : null;
        if (t == null || t.isEmpty()) {
            throw malformed(at, "a directory record without Directory Record Type (0004,1430)");
        }
        return FileIds.printable(t);
    }

    private static boolean inUse(Attributes item, long at) {
        DicomElement e = item.get(RECORD_IN_USE_FLAG);
        if (e == null) {
            return true;
        }
        long[] v = e instanceof ValueElement ve && ve.vr() == VR.US && ve.length() == 2 ? ve.longs() : null;
        if (v == null) {
            throw malformed(at, "Record In-use Flag (0004,1410) is not one US value");
        }
        return v[0] != 0;
    }

    /** An offset element: absent or empty is 0 ("none"); anything but one UL value is malformed. */
    private static long offset(Attributes ds, int tag, long at) {
        DicomElement e = ds.get(tag);
        if (e == null || e.isEmpty()) {
            return 0;
        }
        if (!(e instanceof ValueElement v) || v.vr() != VR.UL || v.length() != 4) {
            throw malformed(at, String.format("offset (%04X,%04X) is not one UL value", tag >>> 16, tag & 0xFFFF));
        }
        return v.longs()[0];
    }

    private static String string(Attributes ds, int tag) {
        String[] v = strings(ds, tag, -1);
        return v.length == 0 ? null : v[0];
    }

    private static String[] strings(Attributes ds, int tag, long at) {
        try {
            return ds.getStrings(tag);
        } catch (DicomException e) {
            throw malformed(at, String.format("(%04X,%04X) cannot be read as text: %s", tag >>> 16, tag & 0xFFFF,
                    e.getMessage()), e);
        }
    }

    private static DicomDirException malformed(long at, String why) {
        return malformed(at, why, null);
    }

    private static DicomDirException malformed(long at, String why, Throwable cause) {
        return new DicomDirException(DicomErrorCode.DICOMDIR_MALFORMED, why + (at > 0 ? " (record at byte " + at + ")"
                : ""), cause);
    }
}
