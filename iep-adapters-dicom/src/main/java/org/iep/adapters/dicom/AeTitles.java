package org.iep.adapters.dicom;

/** PS3.5 AE value checks, so a bad title is refused here rather than by the peer. */
final class AeTitles {
    private AeTitles() {
    }

    static boolean valid(String ae) {
        if (ae == null || ae.isEmpty() || ae.length() > 16 || ae.isBlank()) {
            return false;
        }
        for (int i = 0; i < ae.length(); i++) {
            char c = ae.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
