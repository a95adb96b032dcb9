package org.iep.testkit.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.GrantId;
import org.iep.api.access.SecretHash;
import org.iep.api.spi.AccessStore;
import org.iep.api.transaction.TransactionId;

/** Access grants in a map; {@link #update} is a compare-and-set under one lock. */
public final class InMemoryAccessStore implements AccessStore {
    private final Map<GrantId, AccessGrant> grants = new HashMap<>();
    private final Map<SecretHash, GrantId> byToken = new HashMap<>();

    @Override
    public synchronized AccessGrant insert(AccessGrant grant) {
        if (grants.containsKey(grant.id()) || byToken.containsKey(grant.tokenHash())) {
            throw Conflicts.duplicate("Access grant " + grant.id());
        }
        AccessGrant stored = versioned(grant, 1);
        grants.put(stored.id(), stored);
        byToken.put(stored.tokenHash(), stored.id());
        return stored;
    }

    @Override
    public synchronized Optional<AccessGrant> find(GrantId id) {
        return Optional.ofNullable(grants.get(id));
    }

    @Override
    public synchronized Optional<AccessGrant> findByToken(SecretHash tokenHash) {
        return Optional.ofNullable(byToken.get(tokenHash)).map(grants::get);
    }

    @Override
    public synchronized List<AccessGrant> forTransaction(TransactionId transaction) {
        return grants.values().stream().filter(g -> g.transaction().equals(transaction))
                .sorted(Comparator.comparing(AccessGrant::created).thenComparing(g -> g.id().value())).toList();
    }

    @Override
    public synchronized List<AccessGrant> forRecipient(String email) {
        return grants.values().stream().filter(g -> g.recipient().email().equalsIgnoreCase(email))
                .sorted(Comparator.comparing(AccessGrant::created).reversed().thenComparing(g -> g.id().value()))
                .toList();
    }

    @Override
    public synchronized AccessGrant update(AccessGrant grant) {
        AccessGrant current = grants.get(grant.id());
        if (current == null || current.version() != grant.version()) {
            throw Conflicts.stale("Access grant " + grant.id());
        }
        if (!current.tokenHash().equals(grant.tokenHash())) {
            throw new IllegalArgumentException("a grant's token never changes");
        }
        AccessGrant stored = versioned(grant, grant.version() + 1);
        grants.put(stored.id(), stored);
        return stored;
    }

    private static AccessGrant versioned(AccessGrant g, long version) {
        return new AccessGrant(g.id(), g.transaction(), g.tokenHash(), g.recipient(), g.mayForward(), g.state(),
                g.created(), g.viewUntil(), g.expires(), g.passcode(), version);
    }
}
