package org.iep.api.spi;

import java.util.List;
import java.util.Optional;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.SecurityUnit;

/**
 * Institutions and their security units. Thread-safe. {@code put} inserts or replaces by ID; an institution code
 * already used by another institution fails with {@code ConflictException(DUPLICATE)} and changes nothing.
 */
public interface DirectoryStore {

    void putInstitution(Institution institution);

    Optional<Institution> institution(InstitutionId id);

    /** Codes compare case-insensitively. */
    Optional<Institution> institutionByCode(String code);

    /** Ordered by name. */
    List<Institution> institutions();

    void putUnit(SecurityUnit unit);

    /** Ordered by name. */
    List<SecurityUnit> units(InstitutionId institution);
}
