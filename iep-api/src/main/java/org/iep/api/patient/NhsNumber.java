package org.iep.api.patient;

import java.util.Optional;

/**
 * A 10-digit NHS number whose last digit is the modulus-11 check digit of the first nine (weights 10..2;
 * check = 11 − (sum mod 11), 11 → 0, 10 → invalid).
 */
public record NhsNumber(String value) {
    public NhsNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid NHS number (10 digits, modulus-11 check digit)");
        }
    }

    /** Parses {@code text}, accepting spaces or hyphens as in "943 476 5919"; empty when it is not valid. */
    public static Optional<NhsNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.replace(" ", "").replace("-", "");
        return isValid(digits) ? Optional.of(new NhsNumber(digits)) : Optional.empty();
    }

    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The usual 3-3-4 presentation. */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }
}
