package org.iep.dicom.fuzz;

import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.ValueElement;

/** What every fuzz target does with a parsed data set: decode every value the way callers would. */
final class Fuzzing {
    private Fuzzing() {
    }

    /**
     * Decodes every text and numeric value, recursing into items and the private creators. A value that cannot be
     * decoded must say so with the typed exception; anything else escapes and fails the target.
     */
    static void touchEveryValue(Attributes ds) {
        for (DicomElement e : ds.elements()) {
            try {
                if (e instanceof SequenceElement s) {
                    for (Attributes item : s.items()) {
                        touchEveryValue(item);
                    }
                } else if (e instanceof ValueElement v && v.vr().isString()) {
                    ds.getStrings(e.tag());
                    ds.getPrivateCreator(e.tag());
                } else if (e instanceof ValueElement v && v.vr().valueSize() > 0) {
                    ds.getDoubles(e.tag());
                }
            } catch (DicomException expected) {
                // typed refusal of one value: the rest must still decode
            }
        }
    }
}
