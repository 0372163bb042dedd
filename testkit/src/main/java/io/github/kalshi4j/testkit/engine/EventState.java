package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An event and its markets. */
final class EventState {
    final Seed.EventSpec spec;
    final SeriesState series;
    final Instant strikeDate;
    /** The exchange's clock, so fee terms can be read at the current time wherever fees are computed. */
    final Clock clock;
    final List<MarketState> markets = new ArrayList<>();
    /** Fee changes of this event, earliest scheduled first. */
    final List<EventFeeChange> feeChanges = new ArrayList<>();

    EventState(Seed.EventSpec spec, SeriesState series, Instant strikeDate, Clock clock) {
        this.spec = spec;
        this.clock = clock;
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

    /** The latest fee change in effect at {@code now}, or null when none is. */
    private EventFeeChange feeChangeAt(Instant now) {
        EventFeeChange current = null;
        for (EventFeeChange change : feeChanges) {
            if (change.scheduledTime().isAfter(now)) {
                break;
            }
            current = change;
        }
        return current;
    }

    /** The fee structure its markets charge at {@code now}: the series' under any override in effect. */
    FeeTerms feeTerms(Instant now) {
        EventFeeChange change = feeChangeAt(now);
        FeeType type = change == null || change.feeTypeOverride() == null ? series.spec.feeType() : change.feeTypeOverride();
        BigDecimal multiplier = change == null || change.feeMultiplierOverride() == null
                ? series.spec.feeMultiplier() : change.feeMultiplierOverride();
        return new FeeTerms(type, multiplier);
    }

    Event snapshot(Instant now) {
        List<String> tickers = new ArrayList<>();
        for (MarketState market : markets) {
            tickers.add(market.ticker);
        }
        String category = spec.category() != null ? spec.category() : series.spec.category();
        EventFeeChange change = feeChangeAt(now);
        return new Event(spec.eventTicker(), series.spec.ticker(), spec.title(), spec.subTitle(), category,
                spec.mutuallyExclusive(), strikeDate, spec.strikePeriod(), spec.collateralReturnType(),
                spec.mveCollectionTicker(), tickers, status(), series.spec.settlementSources(),
                change == null ? null : change.feeTypeOverride(), change == null ? null : change.feeMultiplierOverride());
    }
}
