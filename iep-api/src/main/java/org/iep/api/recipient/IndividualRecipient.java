package org.iep.api.recipient;

import java.util.Locale;
import java.util.Objects;

/**
 * A patient, lawyer, GP or other person. Receives a link by e-mail and a passcode by SMS to {@code phone} or by
 * e-mail to {@code passcodeEmail}, as {@code channel} says.
 *
 * @param language preferred language (BCP 47); UK English is used when it is not supported
 */
public record IndividualRecipient(
        String email,
        String familyName,
        String givenName,
        PostalAddress address,
        String phone,
        String passcodeEmail,
        Locale language,
        PasscodeChannel channel) implements Recipient {

    public IndividualRecipient {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(passcodeEmail, "passcodeEmail");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(channel, "channel");
    }

    /** Where passcodes go, unmasked: the phone number or the passcode e-mail address. */
    public String passcodeDestination() {
        return channel == PasscodeChannel.SMS ? phone : passcodeEmail;
    }

    @Override
    public String displayName() {
        return givenName + " " + familyName;
    }
}
