package io.github.kalshi4j.testkit.engine;

import java.util.Set;

/**
 * Filter for an account's positions ({@code GET /portfolio/positions}); null fields and an empty
 * set match everything.
 *
 * @param ticker      positions in this market
 * @param eventTicker positions in markets of this event
 * @param nonZero     keep positions where at least one of these fields is non-zero
 *                    (Kalshi's {@code count_filter})
 */
public record PositionFilter(String ticker, String eventTicker, Set<Field> nonZero) {

    /** The fields {@code count_filter} can name. */
    public enum Field {
        /** {@code position}. */
        POSITION,
        /** {@code total_traded}. */
        TOTAL_TRADED
    }

    /** Copies the set so the filter stays immutable. */
    public PositionFilter {
        nonZero = nonZero == null ? Set.of() : Set.copyOf(nonZero);
    }

    /** Matches every position. */
    public static PositionFilter all() {
        return new PositionFilter(null, null, Set.of());
    }

    /** Returns a copy restricted to a market. */
    public PositionFilter withTicker(String value) {
        return new PositionFilter(value, eventTicker, nonZero);
    }

    /** Returns a copy restricted to an event. */
    public PositionFilter withEventTicker(String value) {
        return new PositionFilter(ticker, value, nonZero);
    }

    /** Returns a copy keeping positions with any of these fields non-zero. */
    public PositionFilter withNonZero(Set<Field> value) {
        return new PositionFilter(ticker, eventTicker, value);
    }

    boolean matches(MarketPosition position) {
        if (ticker != null && !ticker.equals(position.ticker())) {
            return false;
        }
        if (eventTicker != null && !eventTicker.equals(position.eventTicker())) {
            return false;
        }
        if (nonZero.isEmpty()) {
            return true;
        }
        return nonZero.contains(Field.POSITION) && position.position().signum() != 0
                || nonZero.contains(Field.TOTAL_TRADED) && position.totalTraded().signum() != 0;
    }
}
