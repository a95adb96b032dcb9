package org.iep.core.forwarding;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.recipient.IndividualRecipient;

/**
 * What the forward wizard collects: the recipient (with how their passcodes reach them), an optional message added
 * to the carried thread (blank for none), an optional earlier expiry (default: the source's), and whether the
 * disclaimer was ticked.
 */
public record ForwardRequest(IndividualRecipient recipient, String message, Optional<Instant> expiry,
                             boolean disclaimerAccepted) {
    public ForwardRequest {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expiry, "expiry");
    }
}
