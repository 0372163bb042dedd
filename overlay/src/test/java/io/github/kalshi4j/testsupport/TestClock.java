package io.github.kalshi4j.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock tests control: it starts at a fixed instant and moves only when told to, or by a fixed step on every
 * read, so signature timestamps and Retry-After dates are predictable.
 */
public final class TestClock extends Clock {

    /** 2026-01-15T12:00:00Z: a fixed, recognisable starting point. */
    public static final Instant START = Instant.parse("2026-01-15T12:00:00Z");

    private final AtomicLong nowMillis;
    private final long stepMillis;

    private TestClock(Instant start, Duration stepPerRead) {
        this.nowMillis = new AtomicLong(start.toEpochMilli());
        this.stepMillis = stepPerRead.toMillis();
    }

    /** A clock that stands still at {@link #START} until {@link #advance} is called. */
    public static TestClock fixed() {
        return new TestClock(START, Duration.ZERO);
    }

    /** A clock that moves forward by {@code step} after every read. */
    public static TestClock advancingBy(Duration step) {
        return new TestClock(START, step);
    }

    /** Moves the clock forward. */
    public void advance(Duration d) {
        nowMillis.addAndGet(d.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMillis.getAndAdd(stepMillis));
    }

    /** The current time, without stepping. */
    public Instant peek() {
        return Instant.ofEpochMilli(nowMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("TestClock is always UTC");
    }
}
