package io.github.kalshi4j.testkit.engine;

import java.time.Instant;

/**
 * An optional, inclusive time window used by listing filters ({@code min_ts} / {@code max_ts}).
 *
 * @param min earliest time accepted, or null for no lower bound
 * @param max latest time accepted, or null for no upper bound
 */
public record TimeRange(Instant min, Instant max) {

    /** A range without bounds. */
    public static final TimeRange ANY = new TimeRange(null, null);

    /** Returns a range from {@code min} to {@code max}; either may be null. */
    public static TimeRange between(Instant min, Instant max) {
        return new TimeRange(min, max);
    }

    /** Returns true when {@code time} is within the bounds; a null time matches only an unbounded range. */
    public boolean contains(Instant time) {
        if (time == null) {
            return min == null && max == null;
        }
        return (min == null || !time.isBefore(min)) && (max == null || !time.isAfter(max));
    }
}
