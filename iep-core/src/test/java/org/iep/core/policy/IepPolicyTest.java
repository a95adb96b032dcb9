package org.iep.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.iep.api.Problem;
import org.junit.jupiter.api.Test;

class IepPolicyTest {

    @Test
    void defaultsAreDesignNumbersAndValid() {
        IepPolicy p = IepPolicy.DEFAULT;
        assertThat(p.problems()).isEmpty();
        assertThat(p.passcodeDigits()).isEqualTo(6);
        assertThat(p.passcodeValidity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.passcodeTriesPerCode()).isEqualTo(5);
        assertThat(p.lockAfterConsecutiveFailures()).isEqualTo(10);
        assertThat(p.lockDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(p.maxPasscodesPerHour()).isEqualTo(5);
        assertThat(p.sessionIdle()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.sessionAbsolute()).isEqualTo(Duration.ofHours(12));
        assertThat(p.viewWindow()).isEqualTo(Duration.ofDays(11));
        assertThat(p.packageAvailability()).isEqualTo(Duration.ofDays(14));
        assertThat(p.individualListWindow()).isEqualTo(Duration.ofDays(28));
        assertThat(p.maxForwards()).isEqualTo(3);
        assertThat(p.retention()).isEqualTo(Duration.ofDays(15));
        assertThat(p.outboundLanes()).isEqualTo(5);
        assertThat(p.blueLightLanes()).isEqualTo(1);
        assertThat(p.inboundLanes()).isEqualTo(4);
    }

    @Test
    void reportsEveryOutOfBoundsValueAtOnce() {
        IepPolicy bad = new IepPolicy(4, Duration.ofHours(2), 5, 10, Duration.ofHours(1), 5,
                Duration.ofMinutes(15), Duration.ofHours(12), Duration.ofDays(11), Duration.ofDays(14),
                Duration.ofDays(28), 11, Duration.ofDays(15), Duration.ofDays(14), LocalTime.of(20, 0),
                LocalTime.of(20, 0), 4000, 5, 5, 4, Duration.ofDays(2));
        assertThat(bad.problems()).extracting(Problem::field).containsExactly(
                "passcodeDigits", "passcodeValidity", "maxForwards", "blueLightLanes", "batchWindow");
    }

    @Test
    void batchWindowWrapsMidnight() {
        IepPolicy p = IepPolicy.DEFAULT;
        assertThat(p.inBatchWindow(LocalTime.of(19, 59))).isFalse();
        assertThat(p.inBatchWindow(LocalTime.of(20, 0))).isTrue();
        assertThat(p.inBatchWindow(LocalTime.of(2, 0))).isTrue();
        assertThat(p.inBatchWindow(LocalTime.of(5, 59))).isTrue();
        assertThat(p.inBatchWindow(LocalTime.of(6, 0))).isFalse();
        assertThat(p.inBatchWindow(LocalTime.NOON)).isFalse();
    }
}
