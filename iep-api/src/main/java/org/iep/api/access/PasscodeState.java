package org.iep.api.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The passcode part of a grant, replaced as a whole on every change so a store can update it atomically with
 * the grant's version.
 *
 * @param currentCode          hash of the code in force; empty when none was issued or it was used
 * @param issuedAt             when the current code was issued
 * @param triesLeft            wrong tries left for the current code
 * @param consecutiveFailures  wrong tries in a row over all codes; a resend never resets it, only a success does
 * @param lockedUntil          set when the grant is locked after too many consecutive failures
 * @param recentSends          when codes were sent, trimmed to the rate-limit window
 */
public record PasscodeState(
        Optional<SecretHash> currentCode,
        Instant issuedAt,
        int triesLeft,
        int consecutiveFailures,
        Optional<Instant> lockedUntil,
        List<Instant> recentSends) {

    public static final PasscodeState NONE =
            new PasscodeState(Optional.empty(), Instant.EPOCH, 0, 0, Optional.empty(), List.of());

    public PasscodeState {
        Objects.requireNonNull(currentCode, "currentCode");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        recentSends = List.copyOf(recentSends);
    }
}
