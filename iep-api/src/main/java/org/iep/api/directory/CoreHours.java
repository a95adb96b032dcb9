package org.iep.api.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours in which an institution's normal destination nodes are staffed, in the institution's time zone.
 * Outside them, nodes with an out-of-hours alternative route there instead.
 */
public record CoreHours(LocalTime weekdayStart, LocalTime weekdayEnd, LocalTime weekendStart, LocalTime weekendEnd) {

    /** DESIGN.md §4: Mon–Fri 08:00–17:30, Sat–Sun 08:00–20:00. */
    public static final CoreHours DEFAULT = new CoreHours(
            LocalTime.of(8, 0), LocalTime.of(17, 30), LocalTime.of(8, 0), LocalTime.of(20, 0));

    public CoreHours {
        Objects.requireNonNull(weekdayStart, "weekdayStart");
        Objects.requireNonNull(weekdayEnd, "weekdayEnd");
        Objects.requireNonNull(weekendStart, "weekendStart");
        Objects.requireNonNull(weekendEnd, "weekendEnd");
    }

    /** Whether the local time lies within core hours (start inclusive, end exclusive). */
    public boolean contains(ZonedDateTime local) {
        DayOfWeek day = local.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        LocalTime start = weekend ? weekendStart : weekdayStart;
        LocalTime end = weekend ? weekendEnd : weekdayEnd;
        LocalTime t = local.toLocalTime();
        return !t.isBefore(start) && t.isBefore(end);
    }
}
