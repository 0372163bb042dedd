package io.github.kalshi4j.ws;

import io.github.kalshi4j.transport.KalshiJson;
import java.math.BigDecimal;

/**
 * Exact mapping between dollar prices and integer ticks of $0.0001.
 *
 * <p>Kalshi prices carry at most four decimals and lie in [0, 1], so the whole price axis is
 * 10,001 ticks. Keying the book by tick turns every lookup into an array index while staying
 * exact: a price that does not land on the grid is rejected rather than rounded.
 */
final class PriceTicks {

    /** Decimal places of one tick. */
    static final int SCALE = 4;

    /** Tick of $1.0000. */
    static final int MAX_TICK = 10_000;

    /** Marker returned by {@link #toTick} for prices that are off the grid. */
    static final int INVALID = -1;

    // One shared instance per tick: views hand out the same BigDecimal objects, so building a
    // view allocates no prices and every published price has the wire's 4-decimal scale.
    private static final BigDecimal[] PRICES = new BigDecimal[MAX_TICK + 1];

    static {
        for (int t = 0; t <= MAX_TICK; t++) {
            PRICES[t] = BigDecimal.valueOf(t, SCALE);
        }
    }

    private PriceTicks() {
    }

    /**
     * Converts a price to its tick.
     *
     * @param price a dollar price such as {@code 0.5600}
     * @return the tick in [0, {@link #MAX_TICK}], or {@link #INVALID} if the price is null, has
     *     more than four significant decimals, or lies outside [0, 1]
     */
    static int toTick(BigDecimal price) {
        // The bounds check first: it costs nothing, and 1e-999999999 or 1E+2147483647 never reach the arithmetic.
        if (price == null || !KalshiJson.isFixedPoint(price) || price.signum() < 0) {
            return INVALID;
        }
        try {
            int tick = price.movePointRight(SCALE).intValueExact();
            return tick <= MAX_TICK ? tick : INVALID;
        } catch (ArithmeticException offGridOrHuge) {
            return INVALID;
        }
    }

    /**
     * Returns the canonical price of a tick, at scale 4.
     *
     * @param tick a tick in [0, {@link #MAX_TICK}]
     * @return the price
     */
    static BigDecimal price(int tick) {
        return PRICES[tick];
    }
}
