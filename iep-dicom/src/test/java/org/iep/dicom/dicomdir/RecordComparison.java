package org.iep.dicom.dicomdir;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.ValueElement;

/**
 * Compares two DICOMDIRs record by record, independent of record order and byte offsets: each record becomes one
 * line "path from the root | its attributes", where the path names the record's ancestors by their key (Patient ID,
 * Study / Series Instance UID, Referenced File ID) and the attributes are every element but the offsets and the
 * in-use flag, with text values as decoded strings. The result lists the lines only one side has.
 */
final class RecordComparison {

    private static final List<Integer> SKIPPED = List.of(Tags.OffsetOfTheNextDirectoryRecord, 0x00041410,
            Tags.OffsetOfReferencedLowerLevelDirectoryEntity);

    private RecordComparison() {
    }

    /** Lines "only in ours: ..." and "only in dcmtk's: ...", empty if both hold the same records. */
    static List<String> differences(DicomDir ours, DicomDir theirs) {
        TreeSet<String> a = lines(ours);
        TreeSet<String> b = lines(theirs);
        List<String> out = new ArrayList<>();
        for (String l : a) {
            if (!b.contains(l)) {
                out.add("only in ours:    " + l);
            }
        }
        for (String l : b) {
            if (!a.contains(l)) {
                out.add("only in dcmtk's: " + l);
            }
        }
        return out;
    }

    static TreeSet<String> lines(DicomDir dir) {
        TreeSet<String> out = new TreeSet<>();
        for (DirectoryRecord r : dir.roots()) {
            collect(r, "", out);
        }
        return out;
    }

    private static void collect(DirectoryRecord r, String parent, TreeSet<String> out) {
        String path = parent + "/" + r.type() + "[" + key(r) + "]";
        out.add(path + " | " + describe(r.attributes(), true));
        for (DirectoryRecord c : r.children()) {
            collect(c, path, out);
        }
    }

    private static String key(DirectoryRecord r) {
        return switch (r.type()) {
            case "PATIENT" -> r.getString(Tags.PatientID);
            case "STUDY" -> r.getString(Tags.StudyInstanceUID);
            case "SERIES" -> r.getString(Tags.SeriesInstanceUID);
            default -> r.fileIdString();
        };
    }

    private static String describe(Attributes a, boolean record) {
        StringBuilder b = new StringBuilder();
        for (DicomElement e : a.elements()) {
            if (record && SKIPPED.contains(e.tag())) {
                continue;
            }
            b.append(Tag.format(e.tag())).append('=');
            if (e instanceof SequenceElement s) {
                b.append('[');
                for (Attributes item : s.items()) {
                    b.append('{').append(describe(item, false)).append('}');
                }
                b.append(']');
            } else if (e instanceof ValueElement v && v.vr().isString()) {
                b.append(String.join("\\", a.getStrings(e.tag())));
            } else if (e instanceof ValueElement v) {
                b.append(HexFormat.of().formatHex(v.unsafeBytes()));
            } else {
                b.append("(fragments)");
            }
            b.append(' ');
        }
        return b.toString().trim();
    }
}
