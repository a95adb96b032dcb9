package org.iep.testkit.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iep.api.access.AccessSession;
import org.iep.api.access.GrantId;
import org.iep.api.access.SecretHash;
import org.iep.api.spi.SessionStore;

/** Sessions in a concurrent map. */
public final class InMemorySessionStore implements SessionStore {
    private final Map<SecretHash, AccessSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void put(AccessSession session) {
        sessions.put(session.idHash(), session);
    }

    @Override
    public Optional<AccessSession> find(SecretHash idHash) {
        return Optional.ofNullable(sessions.get(idHash));
    }

    @Override
    public void delete(SecretHash idHash) {
        sessions.remove(idHash);
    }

    @Override
    public int deleteForGrant(GrantId grant) {
        // count our own removals: other threads may add or remove sessions meanwhile
        int removed = 0;
        for (var e : sessions.entrySet()) {
            if (e.getValue().grant().equals(grant) && sessions.remove(e.getKey(), e.getValue())) {
                removed++;
            }
        }
        return removed;
    }
}
