package org.iep.api.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A session opened by a verified passcode. Identified by the hash of its random ID; idle and absolute limits are
 * checked by the core on every use.
 */
public record AccessSession(SecretHash idHash, GrantId grant, Instant created, Instant lastSeen) {
    public AccessSession {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    public AccessSession touched(Instant now) {
        return new AccessSession(idHash, grant, created, now);
    }
}
