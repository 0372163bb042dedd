package io.github.kalshi4j.internal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryAfterTest {

    // Sun, 06 Nov 1994 08:49:37 GMT, the RFC 9110 example date, minus 30 seconds.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("1994-11-06T08:49:07Z"), ZoneOffset.UTC);

    @Test
    void seconds_parsed() {
        assertEquals(Optional.of(Duration.ofSeconds(2)), RetryAfter.parse("2", CLOCK));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("  120 ", CLOCK));
        assertEquals(Optional.of(Duration.ofMillis(1500)), RetryAfter.parse("1.5", CLOCK));
    }

    @Test
    void negativeSeconds_becomeZero() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("-5", CLOCK));
    }

    @Test
    void hugeSeconds_areCappedInsteadOfOverflowing() {
        Duration d = RetryAfter.parse("99999999999999999999999999", CLOCK).orElseThrow();
        assertEquals(Long.MAX_VALUE / 1000, d.getSeconds());
    }

    @Test
    void httpDate_isRelativeToClock() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", CLOCK));
    }

    @Test
    void httpDateInThePast_becomesZero() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", CLOCK));
    }

    @Test
    void obsoleteHttpDateFormats_accepted() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Sun Nov  6 08:49:37 1994", CLOCK));
    }

    @Test
    void garbage_yieldsEmpty() {
        for (String value : new String[] {null, "", "   ", "soon", "12abc", "1e3", "Sun, 99 Foo 1994 08:49:37 GMT",
                "Mon, 06 Nov 1994 08:49:37 GMT" /* wrong weekday */}) {
            assertEquals(Optional.empty(), RetryAfter.parse(value, CLOCK), String.valueOf(value));
        }
    }

    @Test
    void nullClock_rejected() {
        assertThrows(NullPointerException.class, () -> RetryAfter.parse("1", null));
    }
}
