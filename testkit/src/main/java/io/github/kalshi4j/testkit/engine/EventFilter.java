package io.github.kalshi4j.testkit.engine;

/**
 * Filter for event listings ({@code GET /events}, {@code GET /events/multivariate}); null fields
 * match everything.
 *
 * @param seriesTicker        events of this series
 * @param status              events whose derived status ({@link Event#status()}) is this
 * @param closeTime           events with at least one market closing within this range
 * @param mveFilter           only or no multivariate (combo) events
 * @param mveCollectionTicker combo events created from this collection
 */
public record EventFilter(
        String seriesTicker,
        MarketStatusFilter status,
        TimeRange closeTime,
        MveFilter mveFilter,
        String mveCollectionTicker) {

    /** Matches every event. */
    public static EventFilter all() {
        return new EventFilter(null, null, TimeRange.ANY, null, null);
    }

    /** Returns a copy restricted to a series. */
    public EventFilter withSeriesTicker(String value) {
        return new EventFilter(value, status, closeTime, mveFilter, mveCollectionTicker);
    }

    /** Returns a copy restricted to a status group. */
    public EventFilter withStatus(MarketStatusFilter value) {
        return new EventFilter(seriesTicker, value, closeTime, mveFilter, mveCollectionTicker);
    }

    /** Returns a copy restricted to events with a market closing in the range. */
    public EventFilter withCloseTime(TimeRange value) {
        return new EventFilter(seriesTicker, status, value, mveFilter, mveCollectionTicker);
    }

    /** Returns a copy keeping only or excluding combo events. */
    public EventFilter withMveFilter(MveFilter value) {
        return new EventFilter(seriesTicker, status, closeTime, value, mveCollectionTicker);
    }

    /** Returns a copy restricted to combo events of a collection. */
    public EventFilter withMveCollectionTicker(String value) {
        return new EventFilter(seriesTicker, status, closeTime, mveFilter, value);
    }
}
