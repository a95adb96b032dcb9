package org.iep.core.forwarding;

import java.time.Instant;
import java.util.Locale;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.core.validation.Problems;

/** Every problem of a forward request at once, before anything is changed. Stateless. */
final class ForwardValidation {
    static final String DISCLAIMER = "disclaimerAccepted";
    private static final int NAME_MAX = 100;

    private ForwardValidation() {
    }

    /** Throws {@link DisclaimerNotAcceptedException} or {@code InvalidInputException} listing all problems. */
    static void check(ForwardRequest r, Instant latestExpiry, Instant now, int maxTextLength) {
        Problems p = new Problems();
        IndividualRecipient to = r.recipient();
        p.email(to.email(), "recipient.email");
        p.text(to.familyName(), "recipient.familyName", NAME_MAX);
        p.text(to.givenName(), "recipient.givenName", NAME_MAX);
        if (to.channel() == PasscodeChannel.SMS) {
            p.phone(to.phone(), "recipient.phone");
        } else {
            p.email(to.passcodeEmail(), "recipient.passcodeEmail");
            // link and passcode in one mailbox would make the passcode no second factor at all
            p.check(!to.passcodeEmail().toLowerCase(Locale.ROOT).equals(to.email().toLowerCase(Locale.ROOT))
                    || to.passcodeEmail().isBlank(), "recipient.passcodeEmail",
                    "must differ from the e-mail address that receives the link");
        }
        p.optionalText(r.message(), "message", maxTextLength);
        r.expiry().ifPresent(e -> {
            p.check(e.isAfter(now), "expiry", "must be in the future");
            p.check(!e.isAfter(latestExpiry), "expiry",
                    "must not be later than the package's own expiry, " + latestExpiry);
        });
        p.check(r.disclaimerAccepted(), DISCLAIMER, "the disclaimer must be accepted to forward");
        if (!r.disclaimerAccepted()) {
            throw new DisclaimerNotAcceptedException(p.list());
        }
        p.throwIfAny();
    }
}
