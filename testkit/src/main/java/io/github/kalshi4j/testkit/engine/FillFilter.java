package io.github.kalshi4j.testkit.engine;

/**
 * Filter for an account's fills ({@code GET /portfolio/fills}); null fields match everything.
 *
 * @param ticker      fills in this market
 * @param orderId     fills of this order
 * @param createdTime fills executed within this inclusive range ({@code min_ts} / {@code max_ts})
 */
public record FillFilter(String ticker, String orderId, TimeRange createdTime) {

    /** Normalises a null range to {@link TimeRange#ANY}. */
    public FillFilter {
        createdTime = createdTime == null ? TimeRange.ANY : createdTime;
    }

    /** Matches every fill. */
    public static FillFilter all() {
        return new FillFilter(null, null, TimeRange.ANY);
    }

    /** Returns a copy restricted to a market. */
    public FillFilter withTicker(String value) {
        return new FillFilter(value, orderId, createdTime);
    }

    /** Returns a copy restricted to an order. */
    public FillFilter withOrderId(String value) {
        return new FillFilter(ticker, value, createdTime);
    }

    /** Returns a copy restricted to fills in the range. */
    public FillFilter withCreatedTime(TimeRange value) {
        return new FillFilter(ticker, orderId, value);
    }

    boolean matches(Fill fill) {
        return (ticker == null || ticker.equals(fill.ticker()))
                && (orderId == null || orderId.equals(fill.orderId()))
                && createdTime.contains(fill.createdTime());
    }
}
