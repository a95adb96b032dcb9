package org.iep.testkit.memory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.SecurityUnit;
import org.iep.api.directory.SecurityUnitId;
import org.iep.api.spi.DirectoryStore;

/** Institutions and security units in maps. */
public final class InMemoryDirectoryStore implements DirectoryStore {
    private final Map<InstitutionId, Institution> institutions = new LinkedHashMap<>();
    private final Map<SecurityUnitId, SecurityUnit> units = new LinkedHashMap<>();

    @Override
    public synchronized void putInstitution(Institution institution) {
        String code = institution.code().toUpperCase(Locale.ROOT);
        boolean clash = institutions.values().stream()
                .anyMatch(i -> !i.id().equals(institution.id()) && i.code().toUpperCase(Locale.ROOT).equals(code));
        if (clash) {
            throw Conflicts.duplicate("Institution code " + institution.code());
        }
        institutions.put(institution.id(), institution);
    }

    @Override
    public synchronized Optional<Institution> institution(InstitutionId id) {
        return Optional.ofNullable(institutions.get(id));
    }

    @Override
    public synchronized Optional<Institution> institutionByCode(String code) {
        return institutions.values().stream().filter(i -> i.code().equalsIgnoreCase(code)).findFirst();
    }

    @Override
    public synchronized List<Institution> institutions() {
        return institutions.values().stream().sorted(Comparator.comparing(Institution::name)).toList();
    }

    @Override
    public synchronized void putUnit(SecurityUnit unit) {
        units.put(unit.id(), unit);
    }

    @Override
    public synchronized List<SecurityUnit> units(InstitutionId institution) {
        return units.values().stream().filter(u -> u.institution().equals(institution))
                .sorted(Comparator.comparing(SecurityUnit::name)).toList();
    }
}
