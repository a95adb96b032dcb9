package org.iep.api.spi;

import java.util.Optional;
import org.iep.api.access.AccessSession;
import org.iep.api.access.GrantId;
import org.iep.api.access.SecretHash;

/** Sessions of individuals, keyed by the hash of their ID. Thread-safe; last write wins. */
public interface SessionStore {

    void put(AccessSession session);

    Optional<AccessSession> find(SecretHash idHash);

    void delete(SecretHash idHash);

    /** Ends every session of a grant at once (revocation, decline). Returns how many were removed. */
    int deleteForGrant(GrantId grant);
}
