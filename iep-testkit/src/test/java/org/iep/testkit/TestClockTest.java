package org.iep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TestClockTest {
    @Test
    void standsStillUntilMoved() {
        TestClock clock = TestClock.create();

        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START).isEqualTo(clock.instant());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void advancesAndJumpsInBothDirections() {
        TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(clock.advance(Duration.ofMinutes(10))).isEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
        assertThat(clock.advance(Duration.ofMinutes(-15))).isEqualTo(Instant.parse("2025-12-31T23:55:00Z"));
        clock.set(Instant.parse("2030-06-01T12:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z").toEpochMilli());
    }

    @Test
    void zonedViewsShareTheInstant() {
        TestClock utc = TestClock.create();
        TestClock london = utc.withZone(ZoneId.of("Europe/London"));

        utc.advance(Duration.ofDays(60));

        assertThat(london.instant()).isEqualTo(utc.instant());
        assertThat(ZonedDateTime.now(london).getZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(ZonedDateTime.now(london).getHour()).as("BST in May").isEqualTo(10);
        assertThat(london).isNotEqualTo(utc).isEqualTo(utc.withZone(ZoneId.of("Europe/London")));
    }

    @Test
    void concurrentAdvancesAreNotLost() throws InterruptedException {
        TestClock clock = TestClock.create();
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int n = 0; n < 1_000; n++) {
                    clock.advance(Duration.ofSeconds(1));
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START.plusSeconds(4_000));
    }
}
