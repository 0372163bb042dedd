package io.github.kalshi4j.testkit.engine;

/**
 * Filter for an account's settlements ({@code GET /portfolio/settlements}); null fields match
 * everything.
 *
 * @param ticker      settlements of this market
 * @param eventTicker settlements of markets of this event
 * @param settledTime settlements within this inclusive range ({@code min_ts} / {@code max_ts})
 */
public record SettlementFilter(String ticker, String eventTicker, TimeRange settledTime) {

    /** Normalises a null range to {@link TimeRange#ANY}. */
    public SettlementFilter {
        settledTime = settledTime == null ? TimeRange.ANY : settledTime;
    }

    /** Matches every settlement. */
    public static SettlementFilter all() {
        return new SettlementFilter(null, null, TimeRange.ANY);
    }

    /** Returns a copy restricted to a market. */
    public SettlementFilter withTicker(String value) {
        return new SettlementFilter(value, eventTicker, settledTime);
    }

    /** Returns a copy restricted to an event. */
    public SettlementFilter withEventTicker(String value) {
        return new SettlementFilter(ticker, value, settledTime);
    }

    /** Returns a copy restricted to settlements in the range. */
    public SettlementFilter withSettledTime(TimeRange value) {
        return new SettlementFilter(ticker, eventTicker, value);
    }

    boolean matches(Settlement settlement) {
        return (ticker == null || ticker.equals(settlement.ticker()))
                && (eventTicker == null || eventTicker.equals(settlement.eventTicker()))
                && settledTime.contains(settlement.settledTime());
    }
}
