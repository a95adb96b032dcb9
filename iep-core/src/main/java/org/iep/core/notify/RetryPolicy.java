package org.iep.core.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox retries a message whose relay failed: after {@code first}, doubling each time, at most
 * {@code max} apart; after {@code maxAttempts} attempts the job is DEAD (kept for review). The default gives up
 * after about 20 hours of outage. {@code lease} is how long a worker owns a job while sending it.
 */
public record RetryPolicy(Duration first, Duration max, int maxAttempts, Duration lease) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 25, Duration.ofMinutes(5));

    public RetryPolicy {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(lease, "lease");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1
                || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("retry policy: first > 0, max >= first, maxAttempts >= 1, lease > 0");
        }
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based): first × 2^(attempt−1), capped at max. */
    public Duration backoff(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration d = first.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
