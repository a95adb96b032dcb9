package org.iep.api.transaction;

import java.util.regex.Pattern;

/** The number people quote on the phone: institution code + 7 digits, e.g. {@code STEE5003131}. Never reused. */
public record TrackingNumber(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z]{2,6}[0-9]{7}");

    public TrackingNumber {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a tracking number is an institution code and 7 digits");
        }
    }

    public static TrackingNumber of(String institutionCode, long sequence) {
        if (sequence < 0 || sequence > 9_999_999L) {
            throw new IllegalArgumentException("tracking sequence out of range: " + sequence);
        }
        return new TrackingNumber(institutionCode + String.format("%07d", sequence));
    }

    @Override
    public String toString() {
        return value;
    }
}
