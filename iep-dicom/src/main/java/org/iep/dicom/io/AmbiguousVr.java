package org.iep.dicom.io;

import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.dict.DictionaryEntry;
import org.iep.dicom.dict.ElementDictionary;

/**
 * Chooses one VR for elements read in implicit VR whose dictionary entry allows several
 * ("US or SS", "OB or OW", ...), as PS3.5 Annex A and dcmtk do: SS when Pixel Representation
 * (in this data set or an enclosing one) is 1, otherwise US; OW for "OB or OW" (implicit VR
 * pixel data is always OW). Stateless.
 */
final class AmbiguousVr {

    private AmbiguousVr() {
    }

    static void resolve(Attributes ds, ElementDictionary dict) {
        for (DicomElement e : ds.elements().toArray(new DicomElement[0])) {
            if (!(e instanceof ValueElement v) || Tag.isPrivate(e.tag())) {
                continue;
            }
            DictionaryEntry entry = dict.lookup(e.tag());
            if (entry == null || !entry.isAmbiguous() || !entry.vrs().contains(v.vr())) {
                continue;
            }
            VR chosen = choose(ds, entry);
            if (chosen != v.vr()) {
                ds.set(v.withVr(chosen));
            }
        }
    }

    private static VR choose(Attributes ds, DictionaryEntry entry) {
        if (entry.vrs().contains(VR.OW) && !entry.vrs().contains(VR.SS)) {
            return VR.OW;
        }
        if (entry.vrs().contains(VR.SS)) {
            return signed(ds) ? VR.SS : VR.US;
        }
        return entry.vr();
    }

    private static boolean signed(Attributes ds) {
        for (Attributes a = ds; a != null; a = a.parent()) {
            // raw bytes, not getInt: a damaged value must not turn a parse into a value error
            if (a.get(Tags.PixelRepresentation) instanceof ValueElement v) {
                return v.length() >= 2 && v.byteAt(0) == 1 && v.byteAt(1) == 0;
            }
        }
        return false;
    }
}
