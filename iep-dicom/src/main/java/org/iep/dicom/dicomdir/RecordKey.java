package org.iep.dicom.dicomdir;

import org.iep.dicom.data.VR;
import org.iep.dicom.dict.DictionaryEntry;
import org.iep.dicom.dict.ElementDictionary;

/**
 * One key of a directory record (PS3.3 F.5): an attribute copied from the referenced file, with the record's
 * requirement type. Immutable.
 *
 * @param keyword PS3.6 keyword
 * @param tag its tag
 * @param vr its VR (for type 2 keys written empty)
 * @param type 1: required with a value; 2: written empty when the file has none; 3: copied when the file has it
 *     (the standard's 1C and 3 keys, whose conditions are "present in the file")
 */
record RecordKey(String keyword, int tag, VR vr, int type) {

    static RecordKey of(String keyword, int type) {
        DictionaryEntry e = ElementDictionary.standard().lookup(keyword);
        if (e == null || e.isRepeating()) {
            throw new IllegalArgumentException("not a fixed PS3.6 keyword: " + keyword);
        }
        return new RecordKey(keyword, Integer.parseUnsignedInt(e.pattern(), 16), e.vr(), type);
    }

    String label() {
        return keyword + String.format(" (%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
