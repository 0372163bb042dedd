package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/** Kalshi order types. */
public enum OrderType {
    /** A limit order: trades at its price or better and may rest. */
    LIMIT,
    /**
     * A market order: trades against whatever the book offers (the limit is the most aggressive
     * valid price unless the caller gives one) and never rests.
     */
    MARKET;

    /** Returns Kalshi's wire value, {@code "limit"} or {@code "market"}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
