package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An event: a question made of one or more binary markets (Kalshi's {@code EventData}).
 *
 * @param eventTicker          event ticker, e.g. {@code KXFED-26JUN}
 * @param seriesTicker         ticker of the series the event belongs to
 * @param title                full title
 * @param subTitle             short title
 * @param category             category (the series' unless the seed overrides it)
 * @param mutuallyExclusive    true when at most one of its markets can resolve YES
 * @param strikeDate           the date the event is about, or null
 * @param strikePeriod         the period the event covers (e.g. "week"), or null
 * @param collateralReturnType how collateral is returned at settlement (e.g. "MECNET", or "")
 * @param mveCollectionTicker  the multivariate collection a combo event was created from, or null
 * @param marketTickers        tickers of the event's markets in seed order (never null)
 * @param status               the event's status group, derived from its markets: OPEN if any
 *                             market is active, PAUSED if none is active but one is paused,
 *                             UNOPENED if all are unopened, SETTLED if all are settled, else CLOSED
 * @param settlementSources    where results come from (the series' sources)
 * @param feeTypeOverride      the fee structure an event fee change put in effect, or null
 * @param feeMultiplierOverride the fee multiplier an event fee change put in effect, or null
 */
public record Event(
        String eventTicker,
        String seriesTicker,
        String title,
        String subTitle,
        String category,
        boolean mutuallyExclusive,
        Instant strikeDate,
        String strikePeriod,
        String collateralReturnType,
        String mveCollectionTicker,
        List<String> marketTickers,
        MarketStatusFilter status,
        List<SettlementSource> settlementSources,
        FeeType feeTypeOverride,
        BigDecimal feeMultiplierOverride) {

    /** Copies the lists so the snapshot stays immutable. */
    public Event {
        marketTickers = List.copyOf(marketTickers);
        settlementSources = List.copyOf(settlementSources);
    }

    /** Returns true for combo events created from a multivariate collection. */
    public boolean isMultivariate() {
        return mveCollectionTicker != null;
    }
}
