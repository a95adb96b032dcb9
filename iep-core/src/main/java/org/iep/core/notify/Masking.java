package org.iep.core.notify;

/**
 * Masks e-mail addresses and phone numbers for display and logs: {@code patient@test.com} → {@code pa***@te****om},
 * {@code +447700900123} → {@code +44*******123}.
 */
public final class Masking {
    private Masking() {
    }

    public static String mask(String destination) {
        int at = destination.indexOf('@');
        if (at < 0) {
            return maskPhone(destination);
        }
        String local = destination.substring(0, at);
        String domain = destination.substring(at + 1);
        // the local part always gets three stars so its length does not show; the domain keeps its shape
        String maskedLocal = local.length() <= 2 ? local.substring(0, Math.min(1, local.length())) + "***"
                : local.substring(0, 2) + "***";
        return maskedLocal + "@" + keep(domain, 2, 2);
    }

    private static String maskPhone(String phone) {
        if (phone.length() <= 6) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 3);
    }

    // Keeps `head` leading and `tail` trailing characters; masks the rest, at least 3 stars so length leaks less.
    private static String keep(String s, int head, int tail) {
        if (s.length() <= head + tail) {
            return s.isEmpty() ? "" : s.charAt(0) + "***";
        }
        int hidden = s.length() - head - tail;
        return s.substring(0, head) + "*".repeat(Math.max(3, hidden)) + s.substring(s.length() - tail);
    }

    /**
     * A person's name as subjects and logs may show it: initials followed by stars, e.g. {@code SIMPSON},
     * {@code Blanche} → {@code S*** B***}. Enough for staff to tell transactions apart, useless to others.
     */
    public static String name(String familyName, String givenName) {
        return initial(familyName) + " " + initial(givenName);
    }

    private static String initial(String part) {
        String p = part.strip();
        return p.isEmpty() ? "***" : p.substring(0, p.offsetByCodePoints(0, 1)) + "***";
    }
}
