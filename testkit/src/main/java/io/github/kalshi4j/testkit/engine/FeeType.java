package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/**
 * A series' fee structure ({@code Series.fee_type}); see {@link Fees} for the formulas.
 *
 * <p>The generated {@code FeeType} also lists {@code quadratic_with_combo_maker_fees}, which the local exchange does not
 * charge, so the engine keeps the three it models.
 */
public enum FeeType {
    /** General trading fee for takers; makers pay nothing. */
    QUADRATIC,
    /** General trading fee for takers plus the maker fee for resting orders that fill. */
    QUADRATIC_WITH_MAKER_FEES,
    /**
     * Kalshi's "Specific Trading Fees Table". The testkit charges the general taker formula for
     * it, which keeps fees realistic without reproducing that table.
     */
    FLAT;

    /** Returns the spec's wire value, e.g. {@code "quadratic"}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire value (case-insensitive).
     *
     * @throws ExchangeException {@code invalid_parameters} for an unknown value
     */
    public static FeeType fromWire(String value) {
        return WireValues.named(values(), value, "unknown fee_type '" + value + "'");
    }
}
