package org.iep.dicom.synth;

import org.iep.dicom.data.VR;
import org.iep.dicom.dict.DictionaryEntry;
import org.iep.dicom.dict.ElementDictionary;

/** Tags and VRs by PS3.6 keyword, so the attribute lists here read like the standard's module tables. */
final class Keywords {

    private Keywords() {
    }

    static int tag(String keyword) {
        return Integer.parseUnsignedInt(entry(keyword).pattern(), 16);
    }

    static VR vr(String keyword) {
        return entry(keyword).vr();
    }

    private static DictionaryEntry entry(String keyword) {
        DictionaryEntry e = ElementDictionary.standard().lookup(keyword);
        if (e == null || e.isRepeating()) {
            throw new IllegalArgumentException("not a fixed PS3.6 keyword: " + keyword);
        }
        return e;
    }
}
