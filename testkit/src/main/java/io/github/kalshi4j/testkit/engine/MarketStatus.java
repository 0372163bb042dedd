package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/**
 * A market's lifecycle state, using the values of the {@code Market.status} enum in the Kalshi
 * OpenAPI spec 3.13. The engine moves markets through {@code initialized -> active <-> inactive ->
 * closed -> finalized}; the other values can be seeded and are reported as given.
 *
 * <p>The spec defines market status inline on {@code Market} only; the engine's own enum carries its trading rule
 * ({@link #isTradable()}).
 */
public enum MarketStatus {
    /** Created but not yet open for trading. */
    INITIALIZED,
    /** Open, but trading is paused. */
    INACTIVE,
    /** Open for trading. */
    ACTIVE,
    /** Trading has ended; waiting for the result. */
    CLOSED,
    /** The result is known; payouts not yet made. */
    DETERMINED,
    /** The result is disputed. */
    DISPUTED,
    /** The result was amended. */
    AMENDED,
    /** Settled: payouts made, positions cleared. */
    FINALIZED;

    /** Returns the spec's wire value, e.g. {@code "active"}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns true when orders may be placed or matched. */
    public boolean isTradable() {
        return this == ACTIVE;
    }

    /**
     * Parses a wire value (case-insensitive).
     *
     * @throws ExchangeException {@code invalid_parameters} for an unknown status
     */
    public static MarketStatus fromWire(String value) {
        return WireValues.named(values(), value, "unknown market status '" + value + "'");
    }
}
