package org.iep.core.policy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.iep.api.Problem;

/**
 * Every rule and number of DESIGN.md §4–6, with its default. Operators change them through configuration; the
 * bounds in {@link #problems()} keep them within what stays safe (e.g. a passcode may not live longer than an
 * hour). Immutable; thread-safe.
 */
public record IepPolicy(
        int passcodeDigits,
        Duration passcodeValidity,
        int passcodeTriesPerCode,
        int lockAfterConsecutiveFailures,
        Duration lockDuration,
        int maxPasscodesPerHour,
        Duration sessionIdle,
        Duration sessionAbsolute,
        Duration viewWindow,
        Duration packageAvailability,
        Duration individualListWindow,
        int maxForwards,
        Duration retention,
        Duration requestWithoutDetailsCancelAfter,
        LocalTime batchWindowStart,
        LocalTime batchWindowEnd,
        int maxTextLength,
        int outboundLanes,
        int blueLightLanes,
        int inboundLanes,
        Duration expiringSoonNotice) {

    /** The defaults of DESIGN.md §4. */
    public static final IepPolicy DEFAULT = new IepPolicy(
            6, Duration.ofMinutes(10), 5, 10, Duration.ofHours(1), 5,
            Duration.ofMinutes(15), Duration.ofHours(12),
            Duration.ofDays(11), Duration.ofDays(14), Duration.ofDays(28),
            3, Duration.ofDays(15), Duration.ofDays(14),
            LocalTime.of(20, 0), LocalTime.of(6, 0),
            4000, 5, 1, 4, Duration.ofDays(2));

    /** Every value outside its bounds, all at once; empty when the policy is usable. */
    public List<Problem> problems() {
        List<Problem> p = new ArrayList<>();
        range(p, "passcodeDigits", passcodeDigits, 6, 10);
        range(p, "passcodeValidity", passcodeValidity, Duration.ofMinutes(1), Duration.ofHours(1));
        range(p, "passcodeTriesPerCode", passcodeTriesPerCode, 1, 10);
        range(p, "lockAfterConsecutiveFailures", lockAfterConsecutiveFailures, 3, 50);
        range(p, "lockDuration", lockDuration, Duration.ofMinutes(5), Duration.ofDays(1));
        range(p, "maxPasscodesPerHour", maxPasscodesPerHour, 1, 20);
        range(p, "sessionIdle", sessionIdle, Duration.ofMinutes(1), Duration.ofHours(2));
        range(p, "sessionAbsolute", sessionAbsolute, sessionIdle, Duration.ofDays(1));
        range(p, "viewWindow", viewWindow, Duration.ofDays(1), Duration.ofDays(90));
        range(p, "packageAvailability", packageAvailability, Duration.ofDays(1), Duration.ofDays(365));
        range(p, "individualListWindow", individualListWindow, Duration.ofDays(1), Duration.ofDays(365));
        range(p, "maxForwards", maxForwards, 0, 10);
        range(p, "retention", retention, Duration.ofDays(1), Duration.ofDays(3650));
        range(p, "requestWithoutDetailsCancelAfter", requestWithoutDetailsCancelAfter, Duration.ofDays(1),
                Duration.ofDays(365));
        range(p, "maxTextLength", maxTextLength, 100, 100_000);
        range(p, "outboundLanes", outboundLanes, 2, 64);
        range(p, "blueLightLanes", blueLightLanes, 1, outboundLanes - 1);
        range(p, "inboundLanes", inboundLanes, 1, 64);
        range(p, "expiringSoonNotice", expiringSoonNotice, Duration.ZERO, Duration.ofDays(30));
        if (batchWindowStart.equals(batchWindowEnd)) {
            p.add(new Problem("batchWindow", "start and end must differ"));
        }
        return p;
    }

    /** Whether {@code t} lies in the overnight Batch window (which may wrap midnight), start inclusive. */
    public boolean inBatchWindow(LocalTime t) {
        if (batchWindowStart.isBefore(batchWindowEnd)) {
            return !t.isBefore(batchWindowStart) && t.isBefore(batchWindowEnd);
        }
        return !t.isBefore(batchWindowStart) || t.isBefore(batchWindowEnd);
    }

    private static void range(List<Problem> p, String name, int v, int min, int max) {
        if (v < min || v > max) {
            p.add(new Problem(name, "must be between " + min + " and " + max + ", was " + v));
        }
    }

    private static void range(List<Problem> p, String name, Duration v, Duration min, Duration max) {
        if (v == null || v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            p.add(new Problem(name, "must be between " + min + " and " + max + ", was " + v));
        }
    }
}
