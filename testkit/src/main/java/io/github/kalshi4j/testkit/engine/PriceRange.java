package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;

/**
 * A band of valid prices with its tick (Kalshi's {@code PriceRange}).
 *
 * @param start lowest price of the band in dollars (scale 4)
 * @param end   highest price of the band in dollars (scale 4)
 * @param step  tick size in dollars (scale 4)
 */
public record PriceRange(BigDecimal start, BigDecimal end, BigDecimal step) {

    /** Returns true when {@code price} lies in the band on a tick. */
    public boolean accepts(BigDecimal price) {
        return price.compareTo(start) >= 0
                && price.compareTo(end) <= 0
                && price.subtract(start).remainder(step).signum() == 0;
    }
}
