package org.iep.dicom.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.ValueElement;

/**
 * Lists the differences between two data sets, element by element and recursively. Accepted as
 * equal, and only these: a value whose original length was odd and that came back with the one
 * pad byte every writer must add; and the value of a group length (gggg,0000), which a writer
 * recomputes for the target encoding.
 */
final class DataSetDiff {

    private DataSetDiff() {
    }

    static List<String> diff(Attributes original, Attributes copy) {
        List<String> out = new ArrayList<>();
        diff(original, copy, "", out);
        return out;
    }

    private static void diff(Attributes a, Attributes b, String path, List<String> out) {
        if (!a.tags().equals(b.tags())) {
            out.add(path + "tags differ: " + a.tags().size() + " vs " + b.tags().size());
            return;
        }
        for (DicomElement x : a.elements()) {
            DicomElement y = b.get(x.tag());
            String where = path + Tag.format(x.tag());
            if (x.vr() != y.vr()) {
                out.add(where + " VR " + x.vr() + " vs " + y.vr());
            } else if (x instanceof SequenceElement s && y instanceof SequenceElement t) {
                if (s.size() != t.size()) {
                    out.add(where + " items " + s.size() + " vs " + t.size());
                    continue;
                }
                for (int i = 0; i < s.size(); i++) {
                    diff(s.item(i), t.item(i), where + "[" + i + "].", out);
                }
            } else if (x instanceof ValueElement v && y instanceof ValueElement w) {
                if (!sameValue(v, w)) {
                    out.add(where + " value differs (" + v.length() + " vs " + w.length() + " bytes)");
                }
            } else if (!x.equals(y)) {
                out.add(where + " differs");
            }
        }
    }

    private static boolean sameValue(ValueElement v, ValueElement w) {
        if (Tag.isGroupLength(v.tag())) {
            return true;
        }
        byte[] a = v.bytes();
        byte[] b = w.bytes();
        if (Arrays.equals(a, b)) {
            return true;
        }
        return (a.length & 1) == 1 && b.length == a.length + 1 && Arrays.equals(a, Arrays.copyOf(b, a.length))
                && b[a.length] == v.vr().padding();
    }
}
