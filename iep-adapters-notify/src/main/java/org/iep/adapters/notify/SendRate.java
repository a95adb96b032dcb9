package org.iep.adapters.notify;

import java.time.Clock;

/**
 * A token bucket of {@code perMinute} sends, refilled evenly; it never waits. The gateway's own limit would
 * otherwise answer 429 for a whole burst; here the overflow fails fast as retryable and the outbox sends it on its
 * next pass. Thread-safe.
 */
final class SendRate {
    private final Clock clock;
    private final int capacity;
    private final double perMilli;
    private double tokens;
    private long last;

    SendRate(Clock clock, int perMinute) {
        this.clock = clock;
        this.capacity = perMinute;
        this.perMilli = perMinute / 60_000.0;
        this.tokens = perMinute;
        this.last = clock.millis();
    }

    synchronized boolean tryTake() {
        long now = clock.millis();
        tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perMilli);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
