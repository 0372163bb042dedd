package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;

/**
 * How many contracts rest ahead of an order at its price level.
 *
 * @param orderId      order id
 * @param marketTicker market ticker
 * @param position     contracts ahead of the order at the same price (scale 2)
 */
public record QueuePosition(String orderId, String marketTicker, BigDecimal position) {
}
