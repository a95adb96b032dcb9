package org.iep.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it, so tests can step across expiry, lock-out and
 * retention boundaries exactly (STYLE #18). Thread-safe: the instant is shared by every view of this clock,
 * including the ones {@link #withZone} returns, so moving one moves them all.
 */
public final class TestClock extends Clock {
    /** A Monday inside core hours in London (09:00 GMT), so default tests do not hit out-of-hours routing. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T09:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock at {@link #DEFAULT_START} in UTC. */
    public static TestClock create() {
        return at(DEFAULT_START);
    }

    /** A clock at {@code start} in UTC. */
    public static TestClock at(Instant start) {
        return at(start, ZoneOffset.UTC);
    }

    /** A clock at {@code start} in {@code zone}, e.g. an institution's, for tests of local-time rules. */
    public static TestClock at(Instant start, ZoneId zone) {
        return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")),
                Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's instant. */
    @Override
    public TestClock withZone(ZoneId newZone) {
        return new TestClock(now, Objects.requireNonNull(newZone, "zone"));
    }

    /** Moves time forward (or back, for a negative amount) and returns the new instant. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return now.updateAndGet(i -> i.plus(amount));
    }

    /** Jumps to {@code instant}, in either direction. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public boolean equals(Object o) {
        // Identity of the shared instant, not its current value: two clocks are equal only if they move together.
        return o instanceof TestClock other && other.now == now && other.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(now) * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + ", " + zone + "]";
    }
}
