package org.iep.dicom.net.dimse;

import org.iep.dicom.dict.UIDs;

/** UID syntax check (PS3.5 9.1) for values a peer sends and we might act on. */
public final class Uids {
    private Uids() {
    }

    /** 1-64 characters, dot-separated numeric components without leading zeros ({@link UIDs#isValid}). */
    public static boolean isValid(String uid) {
        return UIDs.isValid(uid);
    }

    /** The value made safe for a log line: printable ASCII only, at most 80 characters. */
    public static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return b.toString();
    }
}
