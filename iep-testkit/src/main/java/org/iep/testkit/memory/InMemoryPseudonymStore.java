package org.iep.testkit.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iep.api.directory.InstitutionId;
import org.iep.api.pseudonym.PseudonymLink;
import org.iep.api.spi.PseudonymStore;

/** {@link PseudonymStore} in memory. Thread-safe. */
public final class InMemoryPseudonymStore implements PseudonymStore {
    private record Key(InstitutionId institution, String profile, String pseudonym) {
    }

    private final Map<Key, PseudonymLink> links = new ConcurrentHashMap<>();

    @Override
    public PseudonymLink remember(PseudonymLink link) {
        PseudonymLink before = links.putIfAbsent(new Key(link.institution(), link.profile(), link.pseudonym()), link);
        return before == null ? link : before;
    }

    @Override
    public Optional<PseudonymLink> find(InstitutionId institution, String profile, String pseudonym) {
        return Optional.ofNullable(links.get(new Key(institution, profile, pseudonym)));
    }
}
