package org.iep.dicom.net.dimse;

/** DIMSE status codes used here (PS3.7 Annex C, PS3.4). */
public final class Status {
    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    public static final int DATA_SET_DOES_NOT_MATCH = 0xA900;
    public static final int CANNOT_UNDERSTAND = 0xC000;
    public static final int SUBOPERATIONS_WARNING = 0xB000;

    private Status() {
    }

    public static boolean isPending(int s) {
        return s == PENDING || s == PENDING_WARNING;
    }

    /** Success or warning (0x0001, 0xB000-0xBFFF). */
    public static boolean isSuccessOrWarning(int s) {
        return s == SUCCESS || s == 0x0001 || (s & 0xF000) == 0xB000;
    }

    public static String hex(int s) {
        return String.format("0x%04X", s);
    }
}
