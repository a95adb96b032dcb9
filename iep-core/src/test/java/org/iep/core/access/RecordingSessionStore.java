package org.iep.core.access;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iep.api.access.AccessSession;
import org.iep.api.access.GrantId;
import org.iep.api.access.SecretHash;
import org.iep.api.spi.SessionStore;
import org.iep.testkit.memory.InMemorySessionStore;

/** The in-memory session store, keeping a copy of every session ever put, for secret scans and counting. */
public final class RecordingSessionStore implements SessionStore {
    private final InMemorySessionStore delegate = new InMemorySessionStore();
    private final List<AccessSession> puts = new CopyOnWriteArrayList<>();

    @Override
    public void put(AccessSession session) {
        puts.add(session);
        delegate.put(session);
    }

    @Override
    public Optional<AccessSession> find(SecretHash idHash) {
        return delegate.find(idHash);
    }

    @Override
    public void delete(SecretHash idHash) {
        delegate.delete(idHash);
    }

    @Override
    public int deleteForGrant(GrantId grant) {
        return delegate.deleteForGrant(grant);
    }

    public List<AccessSession> everPut() {
        return List.copyOf(puts);
    }
}
