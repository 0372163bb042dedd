package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;

/**
 * Reads request and seed values into the SDK's own types, the exchange's way: an unknown value is Kalshi's
 * {@code invalid_parameters}, not the SDK's {@link IllegalArgumentException}.
 */
public final class WireValues {

    private WireValues() {
    }

    /**
     * Parses {@code "yes"} or {@code "no"} (case-insensitive, surrounding blanks ignored).
     *
     * @param value the wire value
     * @return the side
     * @throws ExchangeException {@code invalid_parameters} for anything else
     */
    public static Side side(String value) {
        try {
            return Side.fromWire(value == null ? null : value.trim());
        } catch (IllegalArgumentException e) {
            throw ExchangeException.invalid("side must be 'yes' or 'no', got '" + value + "'");
        }
    }
}
