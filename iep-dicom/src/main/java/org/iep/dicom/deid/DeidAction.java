package org.iep.dicom.deid;

/** The actions of PS3.15 Table E.1-1 after compound codes are resolved. */
public enum DeidAction {
    /** Replace with a dummy value of the same VR (keeps a type 1 attribute present and valid). */
    D,
    /** Replace with a zero-length value (type 2 stays present). */
    Z,
    /** Remove. */
    X,
    /** Keep (sequences still have their items de-identified). */
    K,
    /** Clean: dates are shifted when modified dates are retained; text is replaced by a neutral value. */
    C,
    /** Replace the UID by a keyed, deterministic one. */
    U;

    /**
     * Resolves a code from the table. Compound codes leave the choice to the IOD's attribute type, which a generic
     * engine does not know; the choice here keeps every file valid: D whenever it is offered (type 1 stays
     * present), else Z (type 2), and U for sequences of UIDs (X/Z/U*).
     */
    static DeidAction of(String code) {
        return switch (code) {
            case "D", "Z/D", "X/D", "X/Z/D" -> D;
            case "Z", "X/Z" -> Z;
            case "X" -> X;
            case "K" -> K;
            case "C" -> C;
            case "U", "X/Z/U*" -> U;
            default -> throw new IllegalArgumentException("not an action code of Table E.1-1: " + code);
        };
    }
}
