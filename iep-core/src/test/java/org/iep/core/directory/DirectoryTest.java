package org.iep.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.api.directory.CoreHours;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.api.directory.RegistrationState;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import org.iep.api.pseudonym.PseudonymisationProfile;

class DirectoryTest {
    private final World w = new World();

    @Test
    void createsAnInstitutionWithItsFirstApprovedAdministratorAndAuditsBoth() {
        int records = w.audit.all().size();
        InstitutionCreated c = w.directory.createInstitution(World.institution("NOTT", "Nottingham",
                "boss@nott.nhs.uk"), CLIENT);

        assertThat(w.directoryStore.institutionByCode("NOTT")).contains(c.institution());
        assertThat(c.institution().policies()).isEqualTo(InstitutionPolicies.DEFAULT);
        assertThat(c.institution().coreHours()).isEqualTo(CoreHours.DEFAULT);
        assertThat(c.administrator().state()).isEqualTo(RegistrationState.APPROVED);
        assertThat(c.administrator().roles()).containsExactly(Role.ADMINISTRATOR);
        assertThat(w.audit.all().subList(records, w.audit.all().size())).extracting(r -> r.event().action())
                .containsExactly("directory.institution.create", "directory.user.create");
    }

    @Test
    void refusesAnInvalidInstitutionListingEveryProblemAndStoresNothing() {
        int institutions = w.directoryStore.institutions().size();
        int records = w.audit.all().size();
        NewInstitution bad = new NewInstitution("st", " ", "desk@", "07700 900123", "Mars/Olympus",
                new CoreHours(LocalTime.of(18, 0), LocalTime.of(8, 0), LocalTime.of(8, 0), LocalTime.of(20, 0)),
                new InstitutionPolicies(Duration.ZERO, Duration.ofDays(14), Duration.ofDays(20), false, ""),
                new NewUser("admin at nott", "", "Ada"));

        assertThatThrownBy(() -> w.directory.createInstitution(bad, CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("code", "name", "contact.email", "contact.phone",
                                "zone", "coreHours.weekday", "policies.retention", "policies.releaseDelay",
                                "administrator.email", "administrator.familyName"));
        assertThat(w.directoryStore.institutions()).hasSize(institutions);
        assertThat(w.audit.all()).hasSize(records);
    }

    @Test
    void institutionCodesAndUserEmailsAreUnique() {
        assertThatThrownBy(() -> w.directory.createInstitution(World.institution("STEE", "Other",
                "admin@stee.nhs.uk"), CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("code", "administrator.email"));
    }

    @Test
    void registrationIsPendingUntilAnAdministratorOfTheSameInstitutionApproves() {
        User pending = w.directory.register(new Registration(w.stee.id(), new NewUser("new@stee.nhs.uk", "Lee",
                "Kim"), Set.of(Role.STANDARD)), CLIENT);
        assertThat(pending.state()).isEqualTo(RegistrationState.PENDING);
        assertThatThrownBy(() -> w.access.requireActive(pending.id())).isInstanceOfSatisfying(
                AccessDeniedException.class, e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.NOT_APPROVED));

        assertThatThrownBy(() -> w.directory.approve(w.leicAdmin, pending.id(), Set.of(Role.STANDARD), CLIENT))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.WRONG_INSTITUTION));
        assertThatThrownBy(() -> w.directory.approve(w.steeStaff, pending.id(), Set.of(Role.STANDARD), CLIENT))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ROLE_NOT_ALLOWED));
        assertThat(w.users.find(pending.id()).orElseThrow().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(w.audit.all().get(w.audit.all().size() - 1).event()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("directory.user.approve");
            assertThat(e.outcome()).isEqualTo(org.iep.api.audit.Outcome.DENIED);
            assertThat(e.actor()).isEqualTo("user:" + w.steeStaff);
        });

        User approved = w.directory.approve(w.steeAdmin, pending.id(), Set.of(Role.REQUEST_ONLY), CLIENT);
        assertThat(approved.state()).isEqualTo(RegistrationState.APPROVED);
        assertThat(approved.roles()).containsExactly(Role.REQUEST_ONLY);
        assertThat(w.access.requireActive(pending.id())).isEqualTo(approved);
        assertThat(w.audit.all().get(w.audit.all().size() - 1).event().action()).isEqualTo("directory.user.approve");
    }

    @Test
    void refusesInvalidRegistrations() {
        assertThatThrownBy(() -> w.directory.register(new Registration(new InstitutionId("nope"),
                new NewUser("staff@stee.nhs.uk", "", null), Set.of()), CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("institution", "person.familyName",
                                "person.givenName", "person.email"));
    }

    @Test
    void rejectionNeedsAReasonAndOnlyAppliesToPendingUsers() {
        User pending = w.directory.register(new Registration(w.stee.id(), new NewUser("x@stee.nhs.uk", "X", "Y"),
                Set.of()), CLIENT);
        assertThatThrownBy(() -> w.directory.reject(w.steeAdmin, pending.id(), " ", CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("reason"));
        assertThat(w.directory.reject(w.steeAdmin, pending.id(), "not our staff", CLIENT).state())
                .isEqualTo(RegistrationState.REJECTED);
        assertThatThrownBy(() -> w.directory.reject(w.steeAdmin, w.steeStaff, "again", CLIENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void disablingAndRoleChangesKeepOneAdministrator() {
        assertThatThrownBy(() -> w.directory.disable(w.steeAdmin, w.steeAdmin, "leaving", CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("user"));
        assertThatThrownBy(() -> w.directory.changeRoles(w.steeAdmin, w.steeAdmin, Set.of(Role.STANDARD), CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("roles"));

        w.directory.changeRoles(w.steeAdmin, w.steeStaff, Set.of(Role.STANDARD, Role.ADMINISTRATOR), CLIENT);
        User disabled = w.directory.disable(w.steeStaff, w.steeAdmin, "leaving", CLIENT);
        assertThat(disabled.state()).isEqualTo(RegistrationState.DISABLED);
        assertThatThrownBy(() -> w.access.requireActive(w.steeAdmin)).isInstanceOfSatisfying(
                AccessDeniedException.class, e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.NOT_APPROVED));
        assertThat(w.directory.approve(w.steeStaff, w.steeAdmin, Set.of(Role.ADMINISTRATOR), CLIENT).active())
                .isTrue();
    }

    @Test
    void securityUnitsBelongToTheAdministratorsInstitution() {
        var unit = w.directory.addUnit(w.steeAdmin, w.stee.id(), "Cardiology PACS", "cardiology", CLIENT);
        assertThat(w.directoryStore.units(w.stee.id())).containsExactly(unit);
        assertThat(w.directory.assignUnits(w.steeAdmin, w.steeStaff, Set.of(unit.id()), CLIENT).units())
                .containsExactly(unit.id());
        assertThatThrownBy(() -> w.directory.addUnit(w.steeAdmin, w.stee.id(), "cardiology pacs", "", CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("specialty", "name"));
        assertThatThrownBy(() -> w.directory.addUnit(w.steeAdmin, w.leic.id(), "Breast", "screening", CLIENT))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.WRONG_INSTITUTION));
        assertThatThrownBy(() -> w.directory.assignUnits(w.leicAdmin, w.leicStaff, Set.of(unit.id()), CLIENT))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void administratorsChangeTheirInstitutionsSettingsWithinBounds() {
        InstitutionPolicies week = new InstitutionPolicies(Duration.ofDays(7), Duration.ofDays(7), Duration.ZERO,
                false, "research", List.of(new PseudonymisationProfile("research",
                        Set.of("retain_long_modified_dates"), Map.of("00081030", "X"), false)));
        var updated = w.directory.updateSettings(w.steeAdmin, w.stee.id(), new InstitutionSettings(
                "pacs@stee.nhs.uk", "+441162541415", "Europe/Dublin", null, week), CLIENT);
        assertThat(updated.policies()).isEqualTo(week);
        assertThat(updated.zone()).isEqualTo(java.time.ZoneId.of("Europe/Dublin"));
        assertThat(updated.coreHours()).isEqualTo(w.stee.coreHours());
        assertThat(updated.code()).isEqualTo("STEE");
        assertThat(w.directoryStore.institution(w.stee.id())).contains(updated);
        assertThat(w.audit.all().get(w.audit.all().size() - 1).event().action())
                .isEqualTo("directory.institution.update");

        int records = w.audit.all().size();
        assertThatThrownBy(() -> w.directory.updateSettings(w.steeAdmin, w.stee.id(), new InstitutionSettings(
                "pacs", null, "", null, new InstitutionPolicies(Duration.ofDays(4000), Duration.ofDays(400),
                Duration.ofDays(-1), false, "teaching", List.of(new PseudonymisationProfile("Research!",
                Set.of("retain_everything"), Map.of("0008103", "X", "00100010", "Q"), false)))), CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("contact.email",
                        "contact.phone", "zone", "policies.retention", "policies.packageAvailability",
                        "policies.releaseDelay", "policies.pseudonymisationProfiles[0].name",
                        "policies.pseudonymisationProfiles[0].options",
                        "policies.pseudonymisationProfiles[0].tagActions",
                        "policies.pseudonymisationProfiles[0].tagActions",
                        "policies.pseudonymisationProfile"));
        assertThat(w.directoryStore.institution(w.stee.id())).contains(updated);
        assertThat(w.audit.all()).hasSize(records);
        assertThatThrownBy(() -> w.directory.updateSettings(w.leicAdmin, w.stee.id(), new InstitutionSettings(
                "a@b.uk", "+441162541415", "Europe/London", null, null), CLIENT))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.WRONG_INSTITUTION));
    }
}
