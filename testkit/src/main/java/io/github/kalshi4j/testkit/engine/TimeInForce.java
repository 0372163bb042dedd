package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/**
 * How long an order may live ({@code time_in_force}).
 *
 * <p>The spec defines time in force inline on the order request only, with no shared type to use here.
 */
public enum TimeInForce {
    /** Rests until filled, canceled, expired ({@code expiration_ts}) or the market closes. */
    GOOD_TILL_CANCELED,
    /** Trades what it can immediately; the remainder is canceled. */
    IMMEDIATE_OR_CANCEL,
    /** Fills its whole count immediately or is rejected without any state change. */
    FILL_OR_KILL;

    /** Returns Kalshi's wire value, e.g. {@code "good_till_canceled"}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire value (case-insensitive).
     *
     * @throws ExchangeException {@code invalid_parameters} for an unknown value
     */
    public static TimeInForce fromWire(String value) {
        return WireValues.named(values(), value, "unknown time_in_force '" + value + "'");
    }
}
