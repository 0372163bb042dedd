package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/** Kalshi's order status values ({@code OrderStatus} in the spec). */
public enum OrderStatus {
    /** On the book with a positive remaining count. */
    RESTING,
    /** Removed before filling completely (cancel, IOC remainder, expiry, group trigger, close). */
    CANCELED,
    /** Filled completely. */
    EXECUTED;

    /** Returns Kalshi's wire value, e.g. {@code "resting"}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire value (case-insensitive).
     *
     * @throws ExchangeException {@code invalid_parameters} for an unknown status
     */
    public static OrderStatus fromWire(String value) {
        if (value != null) {
            for (OrderStatus status : values()) {
                if (status.wireValue().equalsIgnoreCase(value.trim())) {
                    return status;
                }
            }
        }
        throw ExchangeException.invalid("unknown order status '" + value + "'");
    }
}
