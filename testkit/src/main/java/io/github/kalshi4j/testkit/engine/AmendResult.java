package io.github.kalshi4j.testkit.engine;

/**
 * Outcome of amending an order.
 *
 * @param oldOrder the order before the amendment
 * @param order    the order after it (including any fills the new price caused)
 */
public record AmendResult(Order oldOrder, Order order) {
}
