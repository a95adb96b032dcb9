package org.iep.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimitFilterTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };

    @Test
    void thirtyPerTenMinutesPerAddressThenAWaitThatRefills() {
        RateLimitFilter limit = new RateLimitFilter(clock, 30, Duration.ofMinutes(10));
        for (int i = 0; i < 30; i++) {
            assertThat(limit.take("198.51.100.7")).as("request " + (i + 1)).isZero();
        }
        assertThat(limit.take("198.51.100.7")).isEqualTo(20);      // one token per 20 s
        assertThat(limit.take("203.0.113.9")).as("another address has its own bucket").isZero();

        now.set(now.get().plusSeconds(20));
        assertThat(limit.take("198.51.100.7")).isZero();
        assertThat(limit.take("198.51.100.7")).isPositive();
    }

    @Test
    void theTableOfAddressesIsBounded() {
        RateLimitFilter limit = new RateLimitFilter(clock, 1, Duration.ofHours(1));
        limit.take("first");
        for (int i = 0; i < RateLimitFilter.MAX_CLIENTS; i++) {
            limit.take("client-" + i);
        }
        // the oldest address was forgotten, so it starts with a full bucket again
        assertThat(limit.take("first")).isZero();
    }
}
