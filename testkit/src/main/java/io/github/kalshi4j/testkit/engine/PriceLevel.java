package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;

/**
 * Aggregate resting bids at one price.
 *
 * @param price bid price in dollars (scale 4)
 * @param count contracts bid at that price (scale 2)
 */
public record PriceLevel(BigDecimal price, BigDecimal count) {
}
