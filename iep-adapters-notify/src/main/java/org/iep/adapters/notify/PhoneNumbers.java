package org.iep.adapters.notify;

import java.util.regex.Pattern;

/** E.164 numbers: validation, and the masked form used in logs and messages ({@code +44******123}). */
public final class PhoneNumbers {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private PhoneNumbers() {
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /** Country code and the last three digits only; anything that is not E.164 becomes {@code ***}. */
    public static String masked(String number) {
        if (!isE164(number)) {
            return "***";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 6) + number.substring(number.length() - 3);
    }
}
