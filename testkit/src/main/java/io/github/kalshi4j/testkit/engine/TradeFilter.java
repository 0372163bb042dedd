package io.github.kalshi4j.testkit.engine;

/**
 * Filter for public trades ({@code GET /markets/trades}); null fields match everything.
 *
 * @param ticker      trades in this market
 * @param createdTime trades executed within this inclusive range ({@code min_ts} / {@code max_ts})
 */
public record TradeFilter(String ticker, TimeRange createdTime) {

    /** Normalises a null range to {@link TimeRange#ANY}. */
    public TradeFilter {
        createdTime = createdTime == null ? TimeRange.ANY : createdTime;
    }

    /** Matches every trade. */
    public static TradeFilter all() {
        return new TradeFilter(null, TimeRange.ANY);
    }

    /** Returns a copy restricted to a market. */
    public TradeFilter withTicker(String value) {
        return new TradeFilter(value, createdTime);
    }

    /** Returns a copy restricted to trades in the range. */
    public TradeFilter withCreatedTime(TimeRange value) {
        return new TradeFilter(ticker, value);
    }

    boolean matches(Trade trade) {
        return (ticker == null || ticker.equals(trade.ticker())) && createdTime.contains(trade.createdTime());
    }
}
