package io.github.kalshi4j.testkit.engine;

/**
 * A change to one of an account's orders (maps to {@code user_order}).
 *
 * @param type  what happened
 * @param order the order after the change
 */
public record OrderUpdate(OrderUpdateType type, Order order) {
}
