package org.iep.dicom.dict;

import java.util.List;
import org.iep.dicom.data.VR;

/**
 * One PS3.6 data dictionary row. Immutable.
 *
 * @param pattern the tag as in the standard, GGGGEEEE with lower-case {@code x} for repeating digits
 * @param keyword e.g. "PatientName" (empty for the few retired entries the standard leaves blank)
 * @param vrs the allowed VRs in the standard's order, e.g. [US, SS]; empty for items/delimiters
 * @param vm value multiplicity as in the standard, e.g. "1-n"
 * @param name the human-readable name
 * @param retired true if the standard marks the element retired
 */
public record DictionaryEntry(String pattern, String keyword, List<VR> vrs, String vm, String name, boolean retired) {

    /** The first (default) VR, or UN if the standard gives none. */
    public VR vr() {
        return vrs.isEmpty() ? VR.UN : vrs.get(0);
    }

    /** True if more than one VR is allowed (e.g. "US or SS"). */
    public boolean isAmbiguous() {
        return vrs.size() > 1;
    }

    /** True for repeating-group entries such as 60xx0010. */
    public boolean isRepeating() {
        return pattern.indexOf('x') >= 0;
    }
}
