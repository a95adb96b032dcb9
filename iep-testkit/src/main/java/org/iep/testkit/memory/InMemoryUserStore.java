package org.iep.testkit.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.spi.UserStore;

/** Users in a map; e-mail addresses unique, case-insensitively. */
public final class InMemoryUserStore implements UserStore {
    private final Map<UserId, User> users = new HashMap<>();

    @Override
    public synchronized void put(User user) {
        boolean clash = users.values().stream()
                .anyMatch(u -> !u.id().equals(user.id()) && u.email().equalsIgnoreCase(user.email()));
        if (clash) {
            throw Conflicts.duplicate("A user with this e-mail address");
        }
        users.put(user.id(), user);
    }

    @Override
    public synchronized Optional<User> find(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized Optional<User> findByEmail(String email) {
        return users.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public synchronized List<User> members(InstitutionId institution) {
        return users.values().stream().filter(u -> u.institution().equals(institution))
                .sorted(Comparator.comparing(User::familyName).thenComparing(User::givenName)).toList();
    }
}
