package org.iep.core.directory;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.iep.api.directory.CoreHours;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.core.pseudonym.Profiles;
import org.iep.core.validation.Problems;

/** Field checks of the directory's commands, each adding to a {@link Problems} so all are reported at once. */
final class DirectoryValidation {
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,6}");
    static final int MAX_NAME = 128;
    // Bounds of the per-institution policies (DESIGN.md §4 "configurable within bounds").
    static final Duration MIN_RETENTION = Duration.ofDays(1);
    static final Duration MAX_RETENTION = Duration.ofDays(3650);
    static final Duration MIN_AVAILABILITY = Duration.ofDays(1);
    static final Duration MAX_AVAILABILITY = Duration.ofDays(365);

    private DirectoryValidation() {
    }

    static void code(Problems p, String code, String field) {
        if (code == null || code.isBlank()) {
            p.add(field, "is required");
        } else {
            p.check(CODE.matcher(code).matches(), field, "must be 2 to 6 upper-case letters");
        }
    }

    static void person(Problems p, NewUser person, String prefix) {
        if (person == null) {
            p.add(prefix, "is required");
            return;
        }
        p.email(person.email(), prefix + ".email");
        p.text(person.familyName(), prefix + ".familyName", MAX_NAME);
        p.text(person.givenName(), prefix + ".givenName", MAX_NAME);
    }

    /** The zone, or null after adding a problem. */
    static ZoneId zone(Problems p, String zone, String field) {
        if (zone == null || zone.isBlank()) {
            p.add(field, "is required");
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            p.add(field, "is not a known time zone (e.g. Europe/London)");
            return null;
        }
    }

    static void coreHours(Problems p, CoreHours h, String field) {
        p.check(h.weekdayStart().isBefore(h.weekdayEnd()), field + ".weekday", "start must be before end");
        p.check(h.weekendStart().isBefore(h.weekendEnd()), field + ".weekend", "start must be before end");
    }

    static void policies(Problems p, InstitutionPolicies pol, String field) {
        within(p, pol.retention(), MIN_RETENTION, MAX_RETENTION, field + ".retention");
        within(p, pol.packageAvailability(), MIN_AVAILABILITY, MAX_AVAILABILITY, field + ".packageAvailability");
        // A release delay longer than availability would hide the package for its whole life.
        within(p, pol.releaseDelay(), Duration.ZERO, pol.packageAvailability(), field + ".releaseDelay");
        p.optionalText(pol.pseudonymisationProfile(), field + ".pseudonymisationProfile", 64);
        Profiles.problems(pol.pseudonymisationProfiles(), field + ".pseudonymisationProfiles")
                .forEach(problem -> p.add(problem.field(), problem.message()));
        p.check(pol.pseudonymisationProfile().isEmpty() || pol.profile(pol.pseudonymisationProfile()).isPresent(),
                field + ".pseudonymisationProfile", "names no profile of the institution");
    }

    private static void within(Problems p, Duration v, Duration min, Duration max, String field) {
        p.check(v.compareTo(min) >= 0 && v.compareTo(max) <= 0, field,
                "must be between " + min + " and " + max + ", was " + v);
    }
}
