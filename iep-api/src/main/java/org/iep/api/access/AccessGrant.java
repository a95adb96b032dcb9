package org.iep.api.access;

import java.time.Instant;
import java.util.Objects;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.transaction.TransactionId;

/**
 * An individual's right to one transaction's package, reached through a link token (only its hash is here).
 *
 * @param mayForward  false for recipients of a forward
 * @param viewUntil   end of the online-viewing window (11 days by default)
 * @param expires     end of package availability (14 days by default)
 * @param version     optimistic-lock version, incremented by the store on every update
 */
public record AccessGrant(
        GrantId id,
        TransactionId transaction,
        SecretHash tokenHash,
        IndividualRecipient recipient,
        boolean mayForward,
        GrantState state,
        Instant created,
        Instant viewUntil,
        Instant expires,
        PasscodeState passcode,
        long version) {

    public AccessGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(viewUntil, "viewUntil");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(passcode, "passcode");
    }

    public AccessGrant withPasscode(PasscodeState newState) {
        return new AccessGrant(id, transaction, tokenHash, recipient, mayForward, state, created, viewUntil, expires,
                newState, version);
    }

    public AccessGrant withState(GrantState newState) {
        return new AccessGrant(id, transaction, tokenHash, recipient, mayForward, newState, created, viewUntil,
                expires, passcode, version);
    }
}
