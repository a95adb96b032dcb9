package org.iep.core.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.access.GrantId;
import org.iep.api.directory.ContactDetails;
import org.iep.api.recipient.PasscodeChannel;

/** What opening an access link led to: a passcode was sent, or the link was refused and why. */
public sealed interface LinkOutcome permits LinkOutcome.CodeSent, LinkOutcome.Refused {

    /**
     * A new passcode is on its way; the login page shows where (masked, e.g. {@code pa***@te****om}) and whom to
     * contact.
     */
    record CodeSent(GrantId grant, PasscodeChannel channel, String maskedDestination, Instant validUntil,
                    String institutionName, ContactDetails contact) implements LinkOutcome {
        public CodeSent {
            Objects.requireNonNull(grant, "grant");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(maskedDestination, "maskedDestination");
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(institutionName, "institutionName");
            Objects.requireNonNull(contact, "contact");
        }
    }

    /**
     * No passcode was sent. {@code retryAfter} is set when waiting helps (lock, rate limit); {@code contact} is
     * empty only for a link that does not exist.
     */
    record Refused(Reason reason, Optional<Instant> retryAfter, Optional<ContactDetails> contact)
            implements LinkOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(contact, "contact");
        }

        /** The same refusal as an exception, for callers that prefer one. */
        public AccessDeniedException toException() {
            return new AccessDeniedException(reason.code, reason.message
                    + retryAfter.map(t -> " Try again after " + t + ".").orElse(""));
        }
    }

    /** Why a link was refused. */
    enum Reason {
        UNKNOWN_LINK(CoreErrorCode.GRANT_REVOKED, "This link is not valid. Use the link in your e-mail."),
        WITHDRAWN(CoreErrorCode.GRANT_REVOKED, "Access to this package was withdrawn or declined."),
        EXPIRED(CoreErrorCode.GRANT_REVOKED, "This package has expired."),
        NOT_YET_AVAILABLE(CoreErrorCode.ACCESS_DENIED, "This package is not available yet."),
        LOCKED(CoreErrorCode.GRANT_LOCKED, "Access is locked after too many wrong passcodes."),
        RATE_LIMITED(CoreErrorCode.PASSCODE_RATE_LIMITED, "Too many passcodes were sent in the last hour.");

        private final CoreErrorCode code;
        private final String message;

        Reason(CoreErrorCode code, String message) {
            this.code = code;
            this.message = message;
        }

        public CoreErrorCode code() {
            return code;
        }
    }
}
