package io.github.kalshi4j.testkit.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A time in a seed: either absolute (RFC 3339, e.g. {@code 2026-06-17T18:00:00Z}) or relative to
 * the moment the exchange is built ({@code now}, {@code +P30D}, {@code -PT2H}: an ISO-8601 duration
 * with a sign). Relative times keep the default seed's markets open whenever the tests run.
 */
public final class SeedTime {
    private final Instant absolute;
    private final Duration offset;

    private SeedTime(Instant absolute, Duration offset) {
        this.absolute = absolute;
        this.offset = offset;
    }

    /** Returns a fixed point in time. */
    public static SeedTime absolute(Instant instant) {
        return new SeedTime(Objects.requireNonNull(instant, "instant"), null);
    }

    /** Returns a time {@code offset} after (or, when negative, before) the exchange's start. */
    public static SeedTime relative(Duration offset) {
        return new SeedTime(null, Objects.requireNonNull(offset, "offset"));
    }

    /**
     * Parses {@code now}, a signed ISO-8601 duration ({@code +P1DT2H}, {@code -PT30M}) or an RFC 3339
     * timestamp.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static SeedTime parse(String text) {
        String value = Objects.requireNonNull(text, "text").trim();
        if (value.equalsIgnoreCase("now")) {
            return relative(Duration.ZERO);
        }
        try {
            if (value.startsWith("+") || value.startsWith("-") || value.startsWith("P")) {
                return relative(Duration.parse(value));
            }
            return absolute(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time ('now', '+P1D', '-PT2H' or RFC 3339): '" + text + "'", e);
        }
    }

    /** Returns the instant this time denotes for an exchange started at {@code start}. */
    public Instant resolve(Instant start) {
        return absolute != null ? absolute : start.plus(offset);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeedTime
                && Objects.equals(absolute, ((SeedTime) other).absolute)
                && Objects.equals(offset, ((SeedTime) other).offset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(absolute, offset);
    }

    @Override
    public String toString() {
        if (absolute != null) {
            return absolute.toString();
        }
        return offset.isNegative() ? offset.toString() : "+" + offset;
    }
}
