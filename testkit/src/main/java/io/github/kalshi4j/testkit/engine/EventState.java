package io.github.kalshi4j.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An event and its markets. */
final class EventState {
    final Seed.EventSpec spec;
    final SeriesState series;
    final Instant strikeDate;
    final List<MarketState> markets = new ArrayList<>();

    EventState(Seed.EventSpec spec, SeriesState series, Instant strikeDate) {
        this.spec = spec;
        this.series = series;
        this.strikeDate = strikeDate;
    }

    String ticker() {
        return spec.eventTicker();
    }

    MarketStatusFilter status() {
        boolean anyPaused = false;
        boolean allUnopened = true;
        boolean allSettled = true;
        for (MarketState market : markets) {
            MarketStatusFilter group = MarketStatusFilter.of(market.status);
            if (group == MarketStatusFilter.OPEN) {
                return MarketStatusFilter.OPEN;
            }
            anyPaused |= group == MarketStatusFilter.PAUSED;
            allUnopened &= group == MarketStatusFilter.UNOPENED;
            allSettled &= group == MarketStatusFilter.SETTLED;
        }
        if (anyPaused) {
            return MarketStatusFilter.PAUSED;
        }
        if (markets.isEmpty() || allUnopened) {
            return MarketStatusFilter.UNOPENED;
        }
        return allSettled ? MarketStatusFilter.SETTLED : MarketStatusFilter.CLOSED;
    }

    Event snapshot() {
        List<String> tickers = new ArrayList<>();
        for (MarketState market : markets) {
            tickers.add(market.ticker);
        }
        String category = spec.category() != null ? spec.category() : series.spec.category();
        return new Event(spec.eventTicker(), series.spec.ticker(), spec.title(), spec.subTitle(), category,
                spec.mutuallyExclusive(), strikeDate, spec.strikePeriod(), spec.collateralReturnType(),
                spec.mveCollectionTicker(), tickers, status());
    }
}
