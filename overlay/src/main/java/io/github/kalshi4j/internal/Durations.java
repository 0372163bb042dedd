package io.github.kalshi4j.internal;

import java.time.Duration;

/** Duration arithmetic that cannot overflow, whatever a configuration or a server's header holds. */
public final class Durations {

    private Durations() {
    }

    /** {@code d} in nanoseconds, clamped to [0, Long.MAX_VALUE] instead of overflowing past 292 years. */
    public static long saturatedNanos(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code d} in milliseconds, clamped to [Long.MIN_VALUE, Long.MAX_VALUE] instead of overflowing. */
    public static long saturatedMillis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
