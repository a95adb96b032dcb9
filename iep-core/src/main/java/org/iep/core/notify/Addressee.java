package org.iep.core.notify;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a notification goes: an e-mail address or an E.164 phone number, and the language to render it in (UK
 * English when that language has no templates).
 */
public record Addressee(Channel channel, String address, Locale language) {
    /** How the notification is delivered. */
    public enum Channel { EMAIL, SMS }

    public Addressee {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(language, "language");
    }

    public static Addressee email(String address, Locale language) {
        return new Addressee(Channel.EMAIL, address, language);
    }

    public static Addressee sms(String phone, Locale language) {
        return new Addressee(Channel.SMS, phone, language);
    }

    @Override
    public String toString() {
        return "Addressee[" + channel + ", " + Masking.mask(address) + ", " + language + "]";
    }
}
