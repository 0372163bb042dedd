package io.github.kalshi4j.testkit.engine;

import java.util.Set;

/**
 * Filter for market listings ({@code GET /markets}); null fields and empty sets match everything.
 * Time ranges are inclusive.
 *
 * @param tickers      markets with one of these tickers
 * @param eventTickers markets of one of these events
 * @param seriesTicker markets of this series
 * @param status       markets in this status group
 * @param closeTime    markets closing within this range
 * @param createdTime  markets created within this range
 * @param settledTime  markets settled within this range (unsettled markets never match a bounded range)
 * @param mveFilter    only or no multivariate (combo) markets
 */
public record MarketFilter(
        Set<String> tickers,
        Set<String> eventTickers,
        String seriesTicker,
        MarketStatusFilter status,
        TimeRange closeTime,
        TimeRange createdTime,
        TimeRange settledTime,
        MveFilter mveFilter) {

    /** Copies the sets so the filter stays immutable. */
    public MarketFilter {
        tickers = tickers == null ? Set.of() : Set.copyOf(tickers);
        eventTickers = eventTickers == null ? Set.of() : Set.copyOf(eventTickers);
        closeTime = closeTime == null ? TimeRange.ANY : closeTime;
        createdTime = createdTime == null ? TimeRange.ANY : createdTime;
        settledTime = settledTime == null ? TimeRange.ANY : settledTime;
    }

    /** Matches every market. */
    public static MarketFilter all() {
        return new MarketFilter(Set.of(), Set.of(), null, null, TimeRange.ANY, TimeRange.ANY, TimeRange.ANY, null);
    }

    /** Returns a copy restricted to these tickers. */
    public MarketFilter withTickers(Set<String> value) {
        return new MarketFilter(value, eventTickers, seriesTicker, status, closeTime, createdTime, settledTime, mveFilter);
    }

    /** Returns a copy restricted to one event. */
    public MarketFilter withEventTicker(String value) {
        return withEventTickers(Set.of(value));
    }

    /** Returns a copy restricted to these events. */
    public MarketFilter withEventTickers(Set<String> value) {
        return new MarketFilter(tickers, value, seriesTicker, status, closeTime, createdTime, settledTime, mveFilter);
    }

    /** Returns a copy restricted to a series. */
    public MarketFilter withSeriesTicker(String value) {
        return new MarketFilter(tickers, eventTickers, value, status, closeTime, createdTime, settledTime, mveFilter);
    }

    /** Returns a copy restricted to a status group. */
    public MarketFilter withStatus(MarketStatusFilter value) {
        return new MarketFilter(tickers, eventTickers, seriesTicker, value, closeTime, createdTime, settledTime, mveFilter);
    }

    /** Returns a copy restricted to markets closing in the range. */
    public MarketFilter withCloseTime(TimeRange value) {
        return new MarketFilter(tickers, eventTickers, seriesTicker, status, value, createdTime, settledTime, mveFilter);
    }

    /** Returns a copy restricted to markets created in the range. */
    public MarketFilter withCreatedTime(TimeRange value) {
        return new MarketFilter(tickers, eventTickers, seriesTicker, status, closeTime, value, settledTime, mveFilter);
    }

    /** Returns a copy restricted to markets settled in the range. */
    public MarketFilter withSettledTime(TimeRange value) {
        return new MarketFilter(tickers, eventTickers, seriesTicker, status, closeTime, createdTime, value, mveFilter);
    }

    /** Returns a copy keeping only or excluding combo markets. */
    public MarketFilter withMveFilter(MveFilter value) {
        return new MarketFilter(tickers, eventTickers, seriesTicker, status, closeTime, createdTime, settledTime, value);
    }

    boolean matches(Market market) {
        if (!tickers.isEmpty() && !tickers.contains(market.ticker())) {
            return false;
        }
        if (!eventTickers.isEmpty() && !eventTickers.contains(market.eventTicker())) {
            return false;
        }
        if (seriesTicker != null && !seriesTicker.equals(market.seriesTicker())) {
            return false;
        }
        if (status != null && !status.matches(market.status())) {
            return false;
        }
        if (mveFilter == MveFilter.ONLY && !market.isMultivariate()
                || mveFilter == MveFilter.EXCLUDE && market.isMultivariate()) {
            return false;
        }
        return closeTime.contains(market.closeTime())
                && createdTime.contains(market.createdTime())
                && settledTime.contains(market.settlementTime());
    }
}
