package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.model.OrderStatus;
import java.util.Set;

/**
 * Filter for an account's orders ({@code GET /portfolio/orders}); null fields and empty sets match
 * everything.
 *
 * @param ticker       orders in this market
 * @param eventTickers orders in markets of these events
 * @param status       orders in this status
 * @param createdTime  orders created within this inclusive range ({@code min_ts} / {@code max_ts})
 */
public record OrderFilter(String ticker, Set<String> eventTickers, OrderStatus status, TimeRange createdTime) {

    /** Copies the set so the filter stays immutable. */
    public OrderFilter {
        eventTickers = eventTickers == null ? Set.of() : Set.copyOf(eventTickers);
        createdTime = createdTime == null ? TimeRange.ANY : createdTime;
    }

    /** Matches every order. */
    public static OrderFilter all() {
        return new OrderFilter(null, Set.of(), null, TimeRange.ANY);
    }

    /** Returns a copy restricted to a market. */
    public OrderFilter withTicker(String value) {
        return new OrderFilter(value, eventTickers, status, createdTime);
    }

    /** Returns a copy restricted to markets of these events. */
    public OrderFilter withEventTickers(Set<String> value) {
        return new OrderFilter(ticker, value, status, createdTime);
    }

    /** Returns a copy restricted to a status. */
    public OrderFilter withStatus(OrderStatus value) {
        return new OrderFilter(ticker, eventTickers, value, createdTime);
    }

    /** Returns a copy restricted to orders created in the range. */
    public OrderFilter withCreatedTime(TimeRange value) {
        return new OrderFilter(ticker, eventTickers, status, value);
    }
}
