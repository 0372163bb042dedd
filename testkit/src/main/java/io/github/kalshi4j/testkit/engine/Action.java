package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/**
 * Whether an order buys or sells contracts of its side.
 *
 * <p>The spec's {@code OrderAction} also lists {@code sell_partial}, {@code sell_to_close} and an empty action, which
 * orders of the local exchange never take, so the engine keeps its two.
 */
public enum Action {
    /** Buy contracts of the order's side. */
    BUY,
    /** Sell contracts of the order's side; on Kalshi's book this is a bid on the opposite side. */
    SELL;

    /** Returns Kalshi's wire value, {@code "buy"} or {@code "sell"}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code "buy"} or {@code "sell"} (case-insensitive).
     *
     * @throws ExchangeException {@code invalid_parameters} for anything else
     */
    public static Action fromWire(String value) {
        return WireValues.named(values(), value, "action must be 'buy' or 'sell', got '" + value + "'");
    }
}
