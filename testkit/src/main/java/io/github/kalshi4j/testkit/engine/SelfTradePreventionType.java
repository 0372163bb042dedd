package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/**
 * What happens when an order would trade against a resting order of the same account. Kalshi
 * applies {@link #TAKER_AT_CROSS} when the order names none.
 */
public enum SelfTradePreventionType {
    /** Matching stops; fills already matched stand and the taker's remainder is canceled. */
    TAKER_AT_CROSS,
    /** The resting (maker) order is canceled and matching continues with the next order. */
    MAKER;

    /** Returns Kalshi's wire value, {@code "taker_at_cross"} or {@code "maker"}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire value (case-insensitive).
     *
     * @throws ExchangeException {@code invalid_parameters} for an unknown value
     */
    public static SelfTradePreventionType fromWire(String value) {
        if (value != null) {
            for (SelfTradePreventionType type : values()) {
                if (type.wireValue().equalsIgnoreCase(value.trim())) {
                    return type;
                }
            }
        }
        throw ExchangeException.invalid("unknown self_trade_prevention_type '" + value + "'");
    }
}
