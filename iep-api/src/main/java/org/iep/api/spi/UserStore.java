package org.iep.api.spi;

import java.util.List;
import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;

/**
 * Users of institutions. Thread-safe. {@code put} inserts or replaces by ID; an e-mail address (compared
 * case-insensitively) already used by another user fails with {@code ConflictException(DUPLICATE)}.
 */
public interface UserStore {

    void put(User user);

    Optional<User> find(UserId id);

    Optional<User> findByEmail(String email);

    /** Ordered by family name, then given name. */
    List<User> members(InstitutionId institution);
}
