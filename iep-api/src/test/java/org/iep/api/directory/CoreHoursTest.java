package org.iep.api.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CoreHoursTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static ZonedDateTime at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, LONDON);
    }

    @Test
    void weekdaysRunEightToHalfPastFiveEndExclusive() {
        assertThat(CoreHours.DEFAULT.contains(at(2026, 11, 24, 8, 0))).isTrue();   // Tuesday
        assertThat(CoreHours.DEFAULT.contains(at(2026, 11, 24, 7, 59))).isFalse();
        assertThat(CoreHours.DEFAULT.contains(at(2026, 11, 24, 17, 29))).isTrue();
        assertThat(CoreHours.DEFAULT.contains(at(2026, 11, 24, 17, 30))).isFalse();
    }

    @Test
    void weekendsRunEightToEight() {
        assertThat(CoreHours.DEFAULT.contains(at(2026, 11, 28, 19, 59))).isTrue();  // Saturday
        assertThat(CoreHours.DEFAULT.contains(at(2026, 11, 29, 20, 0))).isFalse();  // Sunday
    }
}
