package org.iep.core.directory;

import java.util.Arrays;
import java.util.Objects;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.spi.UserStore;
import org.iep.api.transaction.Party;

/**
 * The access checks every core service makes before acting for a member of staff: the user is approved, has one of
 * the roles the action needs, and acts for the institution concerned. Thread-safe.
 */
public final class StaffAccess {
    private final UserStore users;

    @jakarta.inject.Inject
    public StaffAccess(UserStore users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    /** The user, if known and approved; otherwise {@code AccessDeniedException(NOT_APPROVED)}. */
    public User requireActive(UserId id) {
        Objects.requireNonNull(id, "id");
        // An unknown ID gets the same answer as a pending one, so callers cannot probe for registered users.
        User user = users.find(id).filter(User::active).orElseThrow(() -> new AccessDeniedException(
                CoreErrorCode.NOT_APPROVED, "User " + id + " is not an approved user. Ask an administrator of your"
                        + " institution to approve your registration."));
        return user;
    }

    /** An approved user holding at least one of {@code anyOf}; otherwise ROLE_NOT_ALLOWED. */
    public User requireRole(UserId id, Role... anyOf) {
        User user = requireActive(id);
        requireRole(user, anyOf);
        return user;
    }

    /** Throws ROLE_NOT_ALLOWED unless {@code user} holds at least one of {@code anyOf}. */
    public void requireRole(User user, Role... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(user::has)) {
            throw new AccessDeniedException(CoreErrorCode.ROLE_NOT_ALLOWED, "User " + user.id()
                    + " needs one of the roles " + Arrays.toString(anyOf) + " for this action.");
        }
    }

    /** Throws WRONG_INSTITUTION unless {@code user} belongs to {@code institution}. */
    public void requireMemberOf(User user, InstitutionId institution) {
        if (!user.institution().equals(institution)) {
            throw new AccessDeniedException(CoreErrorCode.WRONG_INSTITUTION, "User " + user.id()
                    + " acts for institution " + user.institution() + ", not " + institution + ".");
        }
    }

    /** An approved ADMINISTRATOR of {@code institution}. */
    public User requireAdministratorOf(UserId id, InstitutionId institution) {
        User user = requireRole(id, Role.ADMINISTRATOR);
        requireMemberOf(user, institution);
        return user;
    }

    /**
     * How the user with this ID appears in the audit record of a refused action: with their institution when known
     * (so that institution's administrators see the attempt), with none for an unknown ID.
     */
    public Party.Staff auditParty(UserId id) {
        return users.find(id).map(StaffAccess::party).orElseGet(() -> new Party.Staff(new InstitutionId(""), id));
    }

    /** How {@code user} appears in transactions and audit records. */
    public static Party.Staff party(User user) {
        return new Party.Staff(user.institution(), user.id());
    }
}
