package org.iep.core.directory;

import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.NotFoundException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.ContactDetails;
import org.iep.api.directory.CoreHours;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.api.directory.RegistrationState;
import org.iep.api.directory.Role;
import org.iep.api.directory.SecurityUnit;
import org.iep.api.directory.SecurityUnitId;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.UserStore;
import org.iep.api.transaction.Party;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.id.IdGenerator;
import org.iep.core.validation.Problems;

/**
 * Institutions, their users and security units. The system operator creates an institution with its first
 * administrator; from then on only approved administrators of that institution manage it. Every change is
 * validated in full before anything is stored, and audited. Thread-safe (state lives in the stores).
 */
public final class Directory {
    /** How the system operator appears in audit records; the portal authenticates the operator. */
    public static final Party OPERATOR = new Party.System("operator");

    private final DirectoryStore directory;
    private final UserStore users;
    private final StaffAccess access;
    private final Auditor auditor;
    private final IdGenerator ids;
    private final Refusals refusals;

    @Inject
    public Directory(DirectoryStore directory, UserStore users, StaffAccess access, Auditor auditor,
                     IdGenerator ids) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.users = Objects.requireNonNull(users, "users");
        this.access = Objects.requireNonNull(access, "access");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.refusals = new Refusals(access, auditor);
    }

    /** Creates an institution and its first, approved administrator (system operator only). */
    public InstitutionCreated createInstitution(NewInstitution cmd, ClientInfo client) {
        Objects.requireNonNull(cmd, "cmd");
        Problems p = new Problems();
        DirectoryValidation.code(p, cmd.code(), "code");
        if (cmd.code() != null && directory.institutionByCode(cmd.code()).isPresent()) {
            p.add("code", "is already used by another institution");
        }
        p.text(cmd.name(), "name", DirectoryValidation.MAX_NAME);
        p.email(cmd.contactEmail(), "contact.email");
        p.phone(cmd.contactPhone(), "contact.phone");
        ZoneId zone = DirectoryValidation.zone(p, cmd.zone(), "zone");
        CoreHours hours = cmd.coreHours() == null ? CoreHours.DEFAULT : cmd.coreHours();
        DirectoryValidation.coreHours(p, hours, "coreHours");
        InstitutionPolicies policies = cmd.policies() == null ? InstitutionPolicies.DEFAULT : cmd.policies();
        DirectoryValidation.policies(p, policies, "policies");
        DirectoryValidation.person(p, cmd.administrator(), "administrator");
        emailUnused(p, cmd.administrator() == null ? null : cmd.administrator().email(), "administrator.email");
        p.throwIfAny();

        Institution institution = new Institution(new InstitutionId(ids.newId()), cmd.code(), cmd.name().strip(),
                new ContactDetails(cmd.contactEmail(), cmd.contactPhone()), zone, hours, policies);
        NewUser a = cmd.administrator();
        User admin = new User(new UserId(ids.newId()), institution.id(), a.email(), a.familyName().strip(),
                a.givenName().strip(), Set.of(Role.ADMINISTRATOR), Set.of(), RegistrationState.APPROVED);
        directory.putInstitution(institution);
        users.put(admin);
        auditor.record(OPERATOR, "directory.institution.create", Outcome.SUCCESS, client,
                "institution=" + institution.id() + " code=" + institution.code());
        auditor.record(OPERATOR, "directory.user.create", Outcome.SUCCESS, client,
                "user=" + admin.id() + " institution=" + institution.id() + " roles=[ADMINISTRATOR]");
        return new InstitutionCreated(institution, admin);
    }

    /** A self-registration: stored PENDING until an administrator of the institution decides. */
    public User register(Registration cmd, ClientInfo client) {
        Objects.requireNonNull(cmd, "cmd");
        Problems p = new Problems();
        if (cmd.institution() == null) {
            p.add("institution", "is required");
        } else if (directory.institution(cmd.institution()).isEmpty()) {
            p.add("institution", "does not exist");
        }
        DirectoryValidation.person(p, cmd.person(), "person");
        emailUnused(p, cmd.person() == null ? null : cmd.person().email(), "person.email");
        Set<Role> roles = cmd.requestedRoles() == null || cmd.requestedRoles().isEmpty()
                ? Set.of(Role.STANDARD) : cmd.requestedRoles();
        p.throwIfAny();

        NewUser n = cmd.person();
        User user = new User(new UserId(ids.newId()), cmd.institution(), n.email(), n.familyName().strip(),
                n.givenName().strip(), roles, Set.of(), RegistrationState.PENDING);
        users.put(user);
        // The person registering is this (pending) user, so the institution's administrators find it in their trail.
        auditor.record(StaffAccess.party(user), "directory.user.register", Outcome.SUCCESS, client,
                "user=" + user.id() + " institution=" + user.institution() + " roles=" + sorted(roles));
        return user;
    }

    /** Approves a pending (or re-enables a disabled) user with these roles. */
    public User approve(UserId adminId, UserId userId, Set<Role> roles, ClientInfo client) {
        return refusals.audited(adminId, "directory.user.approve", client,
                () -> approveChecked(adminId, userId, roles, client));
    }

    private User approveChecked(UserId adminId, UserId userId, Set<Role> roles, ClientInfo client) {
        User target = managed(adminId, userId);
        Problems p = new Problems();
        p.check(roles != null && !roles.isEmpty(), "roles", "at least one role is required");
        p.throwIfAny();
        requireState(target, RegistrationState.PENDING, RegistrationState.DISABLED);
        return save(adminId, target.withState(RegistrationState.APPROVED).withRoles(roles), "directory.user.approve",
                client, "roles=" + sorted(roles));
    }

    /** Rejects a pending registration, with a reason for the audit trail. */
    public User reject(UserId adminId, UserId userId, String reason, ClientInfo client) {
        return refusals.audited(adminId, "directory.user.reject", client,
                () -> rejectChecked(adminId, userId, reason, client));
    }

    private User rejectChecked(UserId adminId, UserId userId, String reason, ClientInfo client) {
        User target = managed(adminId, userId);
        new Problems().text(reason, "reason", 1000).throwIfAny();
        requireState(target, RegistrationState.PENDING);
        return save(adminId, target.withState(RegistrationState.REJECTED), "directory.user.reject", client,
                "reason=" + reason.strip());
    }

    /** Disables an approved user; the institution keeps at least one approved administrator. */
    public User disable(UserId adminId, UserId userId, String reason, ClientInfo client) {
        return refusals.audited(adminId, "directory.user.disable", client,
                () -> disableChecked(adminId, userId, reason, client));
    }

    private User disableChecked(UserId adminId, UserId userId, String reason, ClientInfo client) {
        User target = managed(adminId, userId);
        Problems p = new Problems().text(reason, "reason", 1000);
        keepsAnAdministrator(p, target, Set.of(), "user");
        p.throwIfAny();
        requireState(target, RegistrationState.APPROVED);
        return save(adminId, target.withState(RegistrationState.DISABLED), "directory.user.disable", client,
                "reason=" + reason.strip());
    }

    /** Replaces a user's roles; the institution keeps at least one approved administrator. */
    public User changeRoles(UserId adminId, UserId userId, Set<Role> roles, ClientInfo client) {
        return refusals.audited(adminId, "directory.user.roles", client,
                () -> changeRolesChecked(adminId, userId, roles, client));
    }

    private User changeRolesChecked(UserId adminId, UserId userId, Set<Role> roles, ClientInfo client) {
        User target = managed(adminId, userId);
        Problems p = new Problems();
        p.check(roles != null && !roles.isEmpty(), "roles", "at least one role is required");
        if (roles != null && !roles.isEmpty()) {
            keepsAnAdministrator(p, target, roles, "roles");
        }
        p.throwIfAny();
        return save(adminId, target.withRoles(roles), "directory.user.roles", client,
                "from=" + sorted(target.roles()) + " to=" + sorted(roles));
    }

    /** Adds a security unit (e.g. cardiology) to the administrator's institution. */
    public SecurityUnit addUnit(UserId adminId, InstitutionId institution, String name, String specialty,
                                ClientInfo client) {
        return refusals.audited(adminId, "directory.unit.create", client,
                () -> addUnitChecked(adminId, institution, name, specialty, client));
    }

    private SecurityUnit addUnitChecked(UserId adminId, InstitutionId institution, String name, String specialty,
                                ClientInfo client) {
        User admin = access.requireAdministratorOf(adminId, institution);
        Problems p = new Problems().text(name, "name", DirectoryValidation.MAX_NAME)
                .text(specialty, "specialty", DirectoryValidation.MAX_NAME);
        if (name != null && directory.units(institution).stream().anyMatch(u -> u.name().equalsIgnoreCase(
                name.strip()))) {
            p.add("name", "is already used by another unit of this institution");
        }
        p.throwIfAny();
        SecurityUnit unit = new SecurityUnit(new SecurityUnitId(ids.newId()), institution, name.strip(),
                specialty.strip());
        directory.putUnit(unit);
        auditor.record(StaffAccess.party(admin), "directory.unit.create", Outcome.SUCCESS, client,
                "unit=" + unit.id() + " name=" + unit.name());
        return unit;
    }

    /** Puts a user in these security units (replacing the previous ones). */
    public User assignUnits(UserId adminId, UserId userId, Set<SecurityUnitId> units, ClientInfo client) {
        return refusals.audited(adminId, "directory.user.units", client,
                () -> assignUnitsChecked(adminId, userId, units, client));
    }

    private User assignUnitsChecked(UserId adminId, UserId userId, Set<SecurityUnitId> units, ClientInfo client) {
        User target = managed(adminId, userId);
        Set<SecurityUnitId> own = directory.units(target.institution()).stream().map(SecurityUnit::id)
                .collect(java.util.stream.Collectors.toSet());
        Problems p = new Problems();
        p.check(units != null && own.containsAll(units), "units", "must be units of the user's institution");
        p.throwIfAny();
        User updated = new User(target.id(), target.institution(), target.email(), target.familyName(),
                target.givenName(), target.roles(), units, target.state());
        return save(adminId, updated, "directory.user.units", client, "units=" + units.size());
    }

    /** Replaces contact details, time zone, core hours and policies; approved administrators of it only. */
    public Institution updateSettings(UserId adminId, InstitutionId id, InstitutionSettings cmd, ClientInfo client) {
        return refusals.audited(adminId, "directory.institution.update", client,
                () -> updateSettingsChecked(adminId, id, cmd, client));
    }

    private Institution updateSettingsChecked(UserId adminId, InstitutionId id, InstitutionSettings cmd,
                                              ClientInfo client) {
        User admin = access.requireAdministratorOf(adminId, id);
        Institution current = institution(id);
        Objects.requireNonNull(cmd, "cmd");
        Problems p = new Problems();
        p.email(cmd.contactEmail(), "contact.email");
        p.phone(cmd.contactPhone(), "contact.phone");
        ZoneId zone = DirectoryValidation.zone(p, cmd.zone(), "zone");
        CoreHours hours = cmd.coreHours() == null ? current.coreHours() : cmd.coreHours();
        DirectoryValidation.coreHours(p, hours, "coreHours");
        InstitutionPolicies policies = cmd.policies() == null ? current.policies() : cmd.policies();
        DirectoryValidation.policies(p, policies, "policies");
        p.throwIfAny();

        Institution updated = new Institution(id, current.code(), current.name(),
                new ContactDetails(cmd.contactEmail(), cmd.contactPhone()), zone, hours, policies);
        directory.putInstitution(updated);
        auditor.record(StaffAccess.party(admin), "directory.institution.update", Outcome.SUCCESS, client,
                "institution=" + id + " zone=" + zone + " retention=" + policies.retention() + " availability="
                        + policies.packageAvailability() + " releaseDelay=" + policies.releaseDelay());
        return updated;
    }

    /** The institution, or {@code NotFoundException}. */
    public Institution institution(InstitutionId id) {
        return directory.institution(id).orElseThrow(() -> new NotFoundException("Institution " + id));
    }

    // The target user, after checking that the caller administers the target's institution.
    private User managed(UserId adminId, UserId userId) {
        User admin = access.requireRole(adminId, Role.ADMINISTRATOR);
        User target = users.find(userId).orElseThrow(() -> new NotFoundException("User " + userId));
        access.requireMemberOf(admin, target.institution());
        return target;
    }

    // The administrator was checked by managed(); its party is rebuilt from the ID and the target's institution.
    private User save(UserId adminId, User updated, String action, ClientInfo client, String detail) {
        users.put(updated);
        auditor.record(new Party.Staff(updated.institution(), adminId), action, Outcome.SUCCESS, client,
                "user=" + updated.id() + " " + detail);
        return updated;
    }

    private void keepsAnAdministrator(Problems p, User target, Set<Role> newRoles, String field) {
        if (!target.active() || !target.has(Role.ADMINISTRATOR) || newRoles.contains(Role.ADMINISTRATOR)) {
            return;
        }
        long admins = users.members(target.institution()).stream()
                .filter(u -> u.active() && u.has(Role.ADMINISTRATOR)).count();
        p.check(admins > 1, field, "the institution's last approved administrator must stay one");
    }

    private void emailUnused(Problems p, String email, String field) {
        if (email != null && !email.isBlank() && users.findByEmail(email).isPresent()) {
            p.add(field, "is already registered");
        }
    }

    private static void requireState(User user, RegistrationState... allowed) {
        if (!EnumSet.of(allowed[0], allowed).contains(user.state())) {
            throw new ConflictException(CoreErrorCode.ILLEGAL_TRANSITION, "User " + user.id() + " is "
                    + user.state().name().toLowerCase(Locale.ROOT) + "; this change is not possible now.");
        }
    }

    private static String sorted(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList().toString();
    }
}
