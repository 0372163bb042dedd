package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/** The two outcomes of a binary market; also the two sides of its bid-only order book. */
public enum Side {
    /** The YES outcome ({@code "yes"} on the wire). */
    YES,
    /** The NO outcome ({@code "no"} on the wire). */
    NO;

    /** Returns the other side. */
    public Side opposite() {
        return this == YES ? NO : YES;
    }

    /** Returns Kalshi's lower-case wire value, {@code "yes"} or {@code "no"}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code "yes"} or {@code "no"} (case-insensitive).
     *
     * @throws ExchangeException {@code invalid_parameters} for anything else
     */
    public static Side fromWire(String value) {
        if (value != null) {
            for (Side side : values()) {
                if (side.wireValue().equalsIgnoreCase(value.trim())) {
                    return side;
                }
            }
        }
        throw ExchangeException.invalid("side must be 'yes' or 'no', got '" + value + "'");
    }
}
