package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(5);

    @Test
    void ceiling_doublesFromBaseUntilCap() {
        ReconnectPolicy p = new ReconnectPolicy(BASE, CAP, 0, () -> 1.0);
        assertEquals(Duration.ofMillis(100), p.ceilingForAttempt(1));
        assertEquals(Duration.ofMillis(200), p.ceilingForAttempt(2));
        assertEquals(Duration.ofMillis(400), p.ceilingForAttempt(3));
        assertEquals(Duration.ofMillis(3200), p.ceilingForAttempt(6));
        assertEquals(CAP, p.ceilingForAttempt(7));
        assertEquals(CAP, p.ceilingForAttempt(1_000_000));
    }

    @Test
    void fullJitter_scalesTheCeilingByTheInjectedFactor() {
        ReconnectPolicy half = new ReconnectPolicy(BASE, CAP, 0, () -> 0.5);
        assertEquals(Optional.of(Duration.ofMillis(50)), half.delayForAttempt(1));
        assertEquals(Optional.of(Duration.ofMillis(200)), half.delayForAttempt(3));
        assertEquals(Optional.of(Duration.ofMillis(2500)), half.delayForAttempt(40));
        ReconnectPolicy quarter = new ReconnectPolicy(BASE, CAP, 0, () -> 0.25);
        assertEquals(Optional.of(Duration.ofMillis(100)), quarter.delayForAttempt(3));
    }

    @Test
    void fullJitter_spansZeroToCeiling() {
        assertEquals(Optional.of(Duration.ZERO), new ReconnectPolicy(BASE, CAP, 0, () -> 0.0).delayForAttempt(5));
        assertEquals(Optional.of(CAP), new ReconnectPolicy(BASE, CAP, 0, () -> 1.0).delayForAttempt(50));
    }

    @Test
    void maxAttempts_givesUpAfterTheLimit() {
        ReconnectPolicy p = new ReconnectPolicy(BASE, CAP, 3, () -> 1.0);
        assertTrue(p.delayForAttempt(3).isPresent());
        assertEquals(Optional.empty(), p.delayForAttempt(4));
    }

    @Test
    void maxAttemptsZero_meansUnlimited() {
        ReconnectPolicy p = new ReconnectPolicy(BASE, CAP, 0, () -> 1.0);
        assertEquals(Optional.of(CAP), p.delayForAttempt(Integer.MAX_VALUE));
    }

    @Test
    void randomGenerator_drawsWithinCeiling() {
        RandomGenerator seeded = new SplittableRandom(42);
        ReconnectPolicy p = ReconnectPolicy.of(BASE, CAP, 0, seeded);
        for (int attempt = 1; attempt <= 20; attempt++) {
            Duration d = p.delayForAttempt(attempt).orElseThrow();
            assertTrue(!d.isNegative() && d.compareTo(p.ceilingForAttempt(attempt)) <= 0, d::toString);
        }
        Duration d = ReconnectPolicy.of(BASE, CAP, 1).delayForAttempt(1).orElseThrow();
        assertTrue(d.compareTo(BASE) <= 0);
    }

    @Test
    void hugeCap_doesNotOverflow() {
        ReconnectPolicy p = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofDays(365_000_000L), 0, () -> 1.0);
        Duration d = p.ceilingForAttempt(200);
        assertTrue(d.compareTo(Duration.ofSeconds(1)) > 0 && !d.isNegative());
    }

    @Test
    void invalidArguments_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(Duration.ZERO, CAP, 0, () -> 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(CAP, BASE, 0, () -> 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(BASE, CAP, -1, () -> 0.5));
        ReconnectPolicy p = new ReconnectPolicy(BASE, CAP, 0, () -> 0.5);
        assertThrows(IllegalArgumentException.class, () -> p.delayForAttempt(0));
        assertThrows(IllegalStateException.class,
                () -> new ReconnectPolicy(BASE, CAP, 0, () -> 1.5).delayForAttempt(1));
        assertThrows(IllegalStateException.class,
                () -> new ReconnectPolicy(BASE, CAP, 0, () -> Double.NaN).delayForAttempt(1));
    }
}
