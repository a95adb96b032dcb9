package org.iep.api.access;

import java.time.Instant;

/** The expected outcomes of checking a passcode. Exceptions are reserved for broken invariants. */
public sealed interface PasscodeCheck
        permits PasscodeCheck.Accepted, PasscodeCheck.Rejected, PasscodeCheck.Expired, PasscodeCheck.LockedOut,
                PasscodeCheck.NoCode {

    /**
     * The code was right: a new session was opened. {@code sessionId} is the only copy of the session secret; it
     * goes into a cookie and is never stored or logged.
     */
    record Accepted(String sessionId, GrantId grant) implements PasscodeCheck {
        @Override
        public String toString() {
            return "Accepted[grant=" + grant + "]";
        }
    }

    /** The code was wrong; {@code triesLeft} more attempts are allowed with this code. */
    record Rejected(int triesLeft) implements PasscodeCheck {
    }

    /** The code in force is too old (or was voided by a newer one, or used); ask for a new one. */
    record Expired() implements PasscodeCheck {
    }

    /** Too many consecutive failures: no code is accepted until {@code until}. */
    record LockedOut(Instant until) implements PasscodeCheck {
    }

    /** No code is in force (never sent, used up, or out of tries); ask for a new one. */
    record NoCode() implements PasscodeCheck {
    }
}
