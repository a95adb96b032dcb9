package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.RegistrationState;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.spi.UserStore;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link UserStore} contract: put-or-replace by ID, unique case-insensitive e-mail, member order. */
public abstract class UserStoreContract {
    protected UserStore store;

    /** A new, empty store. */
    protected abstract UserStore newStore();

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    @Test
    void usersRoundTripByIdAndEmail() {
        User admin = Fixtures.STEE_ADMIN;
        store.put(admin);

        assertThat(store.find(admin.id())).contains(admin);
        assertThat(store.findByEmail(admin.email())).contains(admin);
        assertThat(store.find(new UserId("nobody"))).isEmpty();
        assertThat(store.findByEmail("nobody@example.org")).isEmpty();
    }

    @Test
    void everyRoleAndStateRoundTrips() {
        User multi = Fixtures.user("multi", Fixtures.STEE.id(), "Many", "Hats", Role.values())
                .withState(RegistrationState.DISABLED);
        store.put(multi);

        assertThat(store.find(multi.id())).contains(multi);
    }

    @Test
    void emailsCompareCaseInsensitively() {
        User admin = Fixtures.STEE_ADMIN;
        store.put(admin);

        assertThat(store.findByEmail(admin.email().toUpperCase(java.util.Locale.ROOT))).contains(admin);
    }

    @Test
    void putReplacesById() {
        User pending = Fixtures.STEE_STAFF.withState(RegistrationState.PENDING);
        store.put(pending);
        User approved = pending.withState(RegistrationState.APPROVED).withRoles(Set.of(Role.STANDARD, Role.AUDITOR));

        store.put(approved);

        assertThat(store.find(pending.id())).contains(approved);
        assertThat(store.members(Fixtures.STEE.id())).containsExactly(approved);
    }

    @Test
    void replacingAUserMayChangeTheirEmail() {
        User u = Fixtures.STEE_STAFF;
        store.put(u);
        User moved = withEmail(u, "new.address@example.org");

        store.put(moved);

        assertThat(store.findByEmail("new.address@example.org")).contains(moved);
        assertThat(store.findByEmail(u.email())).isEmpty();
    }

    @Test
    void anEmailUsedByAnotherUserIsRejectedAndChangesNothing() {
        store.put(Fixtures.STEE_ADMIN);
        User copycat = withEmail(Fixtures.STEE_STAFF, Fixtures.STEE_ADMIN.email().toUpperCase(java.util.Locale.ROOT));

        assertThatThrownBy(() -> store.put(copycat)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.DUPLICATE));

        assertThat(store.find(copycat.id())).isEmpty();
        assertThat(store.findByEmail(Fixtures.STEE_ADMIN.email())).contains(Fixtures.STEE_ADMIN);
    }

    @Test
    void changingTheCaseOfOnesOwnEmailIsAllowed() {
        store.put(Fixtures.STEE_ADMIN);
        User shouting = withEmail(Fixtures.STEE_ADMIN, Fixtures.STEE_ADMIN.email().toUpperCase(java.util.Locale.ROOT));

        store.put(shouting);

        assertThat(store.find(shouting.id())).contains(shouting);
    }

    @Test
    void membersAreOrderedByFamilyThenGivenNameAndBelongToTheInstitution() {
        InstitutionId stee = Fixtures.STEE.id();
        User smithJohn = Fixtures.user("u1", stee, "Smith", "John", Role.STANDARD);
        User adamsZoe = Fixtures.user("u2", stee, "Adams", "Zoe", Role.STANDARD);
        User smithAnna = Fixtures.user("u3", stee, "Smith", "Anna", Role.STANDARD);
        User other = Fixtures.user("u4", Fixtures.NTEE.id(), "Aaron", "Aaron", Role.STANDARD);
        store.put(smithJohn);
        store.put(adamsZoe);
        store.put(other);
        store.put(smithAnna);

        assertThat(store.members(stee)).containsExactly(adamsZoe, smithAnna, smithJohn);
        assertThat(store.members(Fixtures.NTEE.id())).containsExactly(other);
        assertThat(store.members(new InstitutionId("inst-none"))).isEmpty();
    }

    private static User withEmail(User u, String email) {
        return new User(u.id(), u.institution(), email, u.familyName(), u.givenName(), u.roles(), u.units(),
                u.state());
    }
}
