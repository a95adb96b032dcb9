package org.iep.api.directory;

import java.util.Objects;
import java.util.Set;

/** A member of staff of one institution. Acts only for that institution. */
public record User(
        UserId id,
        InstitutionId institution,
        String email,
        String familyName,
        String givenName,
        Set<Role> roles,
        Set<SecurityUnitId> units,
        RegistrationState state) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
        Objects.requireNonNull(state, "state");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean active() {
        return state == RegistrationState.APPROVED;
    }

    public User withState(RegistrationState newState) {
        return new User(id, institution, email, familyName, givenName, roles, units, newState);
    }

    public User withRoles(Set<Role> newRoles) {
        return new User(id, institution, email, familyName, givenName, newRoles, units, state);
    }
}
