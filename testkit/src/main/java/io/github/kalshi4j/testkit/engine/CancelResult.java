package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;

/**
 * Outcome of canceling an order.
 *
 * @param order     the order after cancellation
 * @param reducedBy contracts removed from the book (scale 2)
 */
public record CancelResult(Order order, BigDecimal reducedBy) {
}
