package io.github.kalshi4j.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The testkit's one money convention: every legacy integer field is rounded one way, down. */
final class FixedPointTest {

    private static Settlement paying(String revenue) {
        return new Settlement("u", "T", "E", Side.YES, new BigDecimal("1"), new BigDecimal("0.50"), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal(revenue), new BigDecimal("1.0000"), BigDecimal.ZERO, Instant.EPOCH, 1);
    }

    @Test
    void wholeCentsConvertExactly() {
        assertEquals(56L, FixedPoint.toCents(new BigDecimal("0.5600")));
        assertEquals(1000L, FixedPoint.toCents(new BigDecimal("10.00")));
        assertEquals(new BigDecimal("0.5600"), FixedPoint.fromCents(56));
    }

    @Test
    void aHalfCentIsRoundedDownNeverClaimingMoneyThatDoesNotExist() {
        // Half-even would make 13.5 cents 14 and half-up too: more than was paid.
        assertEquals(13L, FixedPoint.toCents(new BigDecimal("0.135")));
        assertEquals(12L, FixedPoint.toCents(new BigDecimal("0.125")));
        assertEquals(-1L, FixedPoint.toCents(new BigDecimal("-0.005")));
    }

    @Test
    void settlementRevenueInCentsFollowsTheSameRuleAsEveryOtherCentField() {
        assertEquals(13L, paying("0.135").revenueCents());
        Balance b = new Balance("u", new BigDecimal("0.135"), BigDecimal.ZERO, new BigDecimal("0.135"),
                new BigDecimal("0.135"), Instant.EPOCH);
        assertEquals(13L, b.availableCents());
        assertEquals(13L, b.portfolioValueCents());
    }

    @Test
    void centiCentsKeepFourDecimalsAndRoundDownBeyond() {
        assertEquals(5600L, FixedPoint.toCentiCents(new BigDecimal("0.56")));
        assertEquals(1234L, FixedPoint.toCentiCents(new BigDecimal("0.123456")));
    }

    @Test
    void legacyIntegerUnitsBecomeDollarsExactly() {
        assertEquals(new BigDecimal("5.80"), FixedPoint.fromUnits(BigInteger.valueOf(580), 2));
        assertEquals(new BigDecimal("12"), FixedPoint.fromUnits(BigInteger.valueOf(12), 0));
    }
}
