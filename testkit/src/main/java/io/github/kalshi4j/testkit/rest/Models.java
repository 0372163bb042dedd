package io.github.kalshi4j.testkit.rest;

import io.github.kalshi4j.model.EventData;
import io.github.kalshi4j.model.EventPosition;
import io.github.kalshi4j.model.Fill;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.MarketPosition;
import io.github.kalshi4j.model.MveSelectedLeg;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.model.OrderGroup;
import io.github.kalshi4j.model.PriceRange;
import io.github.kalshi4j.model.Series;
import io.github.kalshi4j.model.Settlement;
import io.github.kalshi4j.model.SettlementSource;
import io.github.kalshi4j.model.Trade;
import io.github.kalshi4j.testkit.engine.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Engine snapshots to the generated Kalshi models, so every body the exchange serves is spec-shaped: money and
 * counts as fixed-point strings (4 decimals for prices, 2 for counts), times as RFC 3339.
 */
public final class Models {

    private static final BigDecimal ZERO_PRICE = new BigDecimal("0.0000");
    private static final BigDecimal ZERO_COUNT = new BigDecimal("0.00");

    private Models() {
    }

    /** A price as Kalshi writes it: dollars with at least 4 decimals ({@code 0.5600}); null reads as zero. */
    public static BigDecimal price(BigDecimal v) {
        return v == null ? ZERO_PRICE : v.setScale(Math.max(4, v.scale()), RoundingMode.UNNECESSARY);
    }

    /** A contract count as Kalshi writes it: at least 2 decimals ({@code 10.00}); null reads as zero. */
    public static BigDecimal count(BigDecimal v) {
        return v == null ? ZERO_COUNT : v.setScale(Math.max(2, v.scale()), RoundingMode.UNNECESSARY);
    }

    /** A money amount: dollars with at least 4 decimals (6 where sub-cent precision exists); null reads as zero. */
    public static BigDecimal money(BigDecimal v) {
        return v == null ? ZERO_PRICE : v.setScale(Math.max(4, v.scale()), RoundingMode.UNNECESSARY);
    }

    /** A time as an RFC 3339 UTC date-time; null stays null. */
    public static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static long cents(BigDecimal dollars) {
        return dollars.movePointRight(2).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** A market as the spec's Market. */
    public static Market market(io.github.kalshi4j.testkit.engine.Market m, Instant now) {
        Market.Builder b = Market.builder()
                .ticker(m.ticker())
                .eventTicker(m.eventTicker())
                .marketType(m.marketType() == null ? "binary" : m.marketType())
                .title(m.title())
                .subtitle(m.subtitle())
                .yesSubTitle(orEmpty(m.yesSubTitle()))
                .noSubTitle(orEmpty(m.noSubTitle()))
                .createdTime(time(m.createdTime()))
                .updatedTime(time(now))
                .openTime(time(m.openTime()))
                .closeTime(time(m.closeTime()))
                .expirationTime(time(m.expirationTime()))
                .expectedExpirationTime(time(m.expectedExpirationTime()))
                .latestExpirationTime(time(m.expirationTime() != null ? m.expirationTime() : m.closeTime()))
                .settlementTimerSeconds(m.settlementTimerSeconds())
                .status(m.status().wireValue())
                .responsePriceUnits("usd_cent")
                .notionalValueDollars(price(m.notionalValue() == null ? BigDecimal.ONE : m.notionalValue()))
                .yesBidDollars(price(m.yesBid()))
                .yesAskDollars(price(m.yesAsk()))
                .noBidDollars(price(m.noBid()))
                .noAskDollars(price(m.noAsk()))
                .yesBidSizeFp(count(m.yesBidSize()))
                .yesAskSizeFp(count(m.yesAskSize()))
                .lastPriceDollars(price(m.lastPrice()))
                .previousYesBidDollars(price(m.previousYesBid()))
                .previousYesAskDollars(price(m.previousYesAsk()))
                .previousPriceDollars(price(m.previousPrice()))
                .volumeFp(count(m.volume()))
                .volume24hFp(count(m.volume24h()))
                .liquidityDollars(ZERO_PRICE)
                .openInterestFp(count(m.openInterest()))
                .result(m.result() == null ? "" : m.result().wireValue())
                .canCloseEarly(m.canCloseEarly())
                .fractionalTradingEnabled(m.fractionalTradingEnabled())
                .expirationValue(m.settlementValue() == null ? "" : m.settlementValue().toPlainString())
                .rulesPrimary(orEmpty(m.rulesPrimary()))
                .rulesSecondary(orEmpty(m.rulesSecondary()))
                .priceLevelStructure(m.priceLevelStructure() == null ? "linear_cent" : m.priceLevelStructure())
                .priceRanges(m.priceRanges().stream().map(r -> PriceRange.builder().start(price(r.start()).toPlainString())
                        .end(price(r.end()).toPlainString()).step(price(r.step()).toPlainString()).build()).toList())
                .strikeType(m.strikeType())
                .floorStrike(m.floorStrike() == null ? null : m.floorStrike().doubleValue())
                .capStrike(m.capStrike() == null ? null : m.capStrike().doubleValue())
                .mveCollectionTicker(m.mveCollectionTicker());
        if (m.settlementValue() != null) {
            b.settlementValueDollars(price(m.settlementValue()));
        }
        if (m.settlementTime() != null) {
            b.settlementTs(time(m.settlementTime()));
        }
        if (m.mveSelectedLegs() != null) {
            b.mveSelectedLegs(m.mveSelectedLegs().stream().map(l -> MveSelectedLeg.builder().eventTicker(l.eventTicker())
                    .marketTicker(l.marketTicker()).side(l.side().wireValue()).build()).toList());
        }
        return b.build();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A series as the spec's Series. */
    public static Series series(io.github.kalshi4j.testkit.engine.Series s) {
        return Series.builder()
                .ticker(s.ticker())
                .frequency(orEmpty(s.frequency()))
                .title(s.title())
                .category(orEmpty(s.category()))
                .tags(s.tags())
                .settlementSources(s.settlementSources().stream()
                        .map(x -> SettlementSource.builder().name(x.name()).url(x.url()).build()).toList())
                .contractUrl(orEmpty(s.contractUrl()))
                .contractTermsUrl(orEmpty(s.contractTermsUrl()))
                .feeType(s.feeType().wireValue())
                .feeMultiplier(s.feeMultiplier().doubleValue())
                .additionalProhibitions(List.of())
                .volumeFp(count(s.volume()))
                .build();
    }

    /** An event as the spec's EventData, with or without its markets. */
    public static EventData event(io.github.kalshi4j.testkit.engine.Event e, List<Market> markets) {
        return EventData.builder()
                .eventTicker(e.eventTicker())
                .seriesTicker(e.seriesTicker())
                .subTitle(orEmpty(e.subTitle()))
                .title(e.title())
                .collateralReturnType(orEmpty(e.collateralReturnType()))
                .mutuallyExclusive(e.mutuallyExclusive())
                .category(e.category())
                .strikeDate(time(e.strikeDate()))
                .strikePeriod(e.strikePeriod())
                .availableOnBrokers(Boolean.FALSE)
                .productMetadata(Map.of())
                .markets(markets)
                .build();
    }

    /** An order as the spec's Order. */
    public static Order order(io.github.kalshi4j.testkit.engine.Order o) {
        return Order.builder()
                .orderId(o.orderId())
                .userId(o.userId())
                .clientOrderId(o.clientOrderId() == null ? "" : o.clientOrderId())
                .ticker(o.ticker())
                .side(o.side().wireValue())
                .action(o.action().wireValue())
                .type(o.type().wireValue())
                .status(o.status().wireValue())
                .yesPriceDollars(price(o.yesPrice()))
                .noPriceDollars(price(o.noPrice()))
                .fillCountFp(count(o.fillCount()))
                .remainingCountFp(count(o.remainingCount()))
                .initialCountFp(count(o.initialCount()))
                .takerFillCostDollars(money(o.takerFillCost()))
                .makerFillCostDollars(money(o.makerFillCost()))
                .takerFeesDollars(money(o.takerFees()))
                .makerFeesDollars(money(o.makerFees()))
                .expirationTime(time(o.expirationTime()))
                .createdTime(time(o.createdTime()))
                .lastUpdateTime(time(o.lastUpdateTime()))
                .selfTradePreventionType(o.selfTradePreventionType() == null ? null : o.selfTradePreventionType().wireValue())
                .orderGroupId(o.orderGroupId())
                .cancelOrderOnPause(o.cancelOrderOnPause())
                .build();
    }

    /** A fill as the spec's Fill. */
    public static Fill fill(io.github.kalshi4j.testkit.engine.Fill f) {
        return Fill.builder()
                .fillId(f.fillId())
                .tradeId(f.tradeId())
                .orderId(f.orderId())
                .ticker(f.ticker())
                .marketTicker(f.ticker())
                .side(f.side().wireValue())
                .action(f.action().wireValue())
                .countFp(count(f.count()))
                .yesPriceDollars(price(f.yesPrice()))
                .noPriceDollars(price(f.noPrice()))
                .isTaker(f.taker())
                .feeCost(money(f.feeCost()))
                .createdTime(time(f.createdTime()))
                .ts(f.createdTime().getEpochSecond())
                .build();
    }

    /** A public trade as the spec's Trade. */
    public static Trade trade(io.github.kalshi4j.testkit.engine.Trade t) {
        return Trade.builder()
                .tradeId(t.tradeId())
                .ticker(t.ticker())
                .countFp(count(t.count()))
                .yesPriceDollars(price(t.yesPrice()))
                .noPriceDollars(price(t.noPrice()))
                .takerSide(t.takerSide().wireValue())
                .createdTime(time(t.createdTime()))
                .build();
    }

    /** A market position as the spec's MarketPosition. */
    public static MarketPosition position(io.github.kalshi4j.testkit.engine.MarketPosition p) {
        return MarketPosition.builder()
                .ticker(p.ticker())
                .totalTradedDollars(money(p.totalTraded()))
                .positionFp(count(p.position()))
                .marketExposureDollars(money(p.marketExposure()))
                .realizedPnlDollars(money(p.realizedPnl()))
                .restingOrdersCount(p.restingOrdersCount())
                .feesPaidDollars(money(p.feesPaid()))
                .lastUpdatedTs(time(p.lastUpdatedTime()))
                .build();
    }

    /** An event position as the spec's EventPosition. */
    public static EventPosition eventPosition(io.github.kalshi4j.testkit.engine.EventPosition p) {
        return EventPosition.builder()
                .eventTicker(p.eventTicker())
                .totalCostDollars(money(p.totalCost()))
                .totalCostSharesFp(count(p.totalCostShares()))
                .eventExposureDollars(money(p.eventExposure()))
                .realizedPnlDollars(money(p.realizedPnl()))
                .feesPaidDollars(money(p.feesPaid()))
                .build();
    }

    /** A settlement as the spec's Settlement. */
    public static Settlement settlement(io.github.kalshi4j.testkit.engine.Settlement s) {
        return Settlement.builder()
                .ticker(s.ticker())
                .eventTicker(s.eventTicker())
                .marketResult(s.marketResult() == Side.YES ? "yes" : "no")
                .yesCountFp(count(s.yesCount()))
                .yesTotalCostDollars(money(s.yesTotalCost()))
                .noCountFp(count(s.noCount()))
                .noTotalCostDollars(money(s.noTotalCost()))
                .revenue((int) cents(s.revenue()))
                .value(s.value() == null ? null : (int) cents(s.value()))
                .settledTime(time(s.settledTime()))
                .feeCost(money(s.feeCost()))
                .build();
    }

    /** A multivariate event collection as the spec's MultivariateEventCollection. */
    public static io.github.kalshi4j.model.MultivariateEventCollection collection(
            io.github.kalshi4j.testkit.engine.MultivariateCollection m) {
        return io.github.kalshi4j.model.MultivariateEventCollection.builder()
                .collectionTicker(m.collectionTicker())
                .seriesTicker(m.seriesTicker())
                .title(m.title())
                .description(orEmpty(m.description()))
                .openDate(time(m.openDate()))
                .closeDate(time(m.closeDate()))
                .associatedEvents(m.associatedEventTickers().stream().map(t -> io.github.kalshi4j.model.AssociatedEvent
                        .builder().ticker(t).isYesOnly(m.allYes()).activeQuoters(List.of()).build()).toList())
                .associatedEventTickers(m.associatedEventTickers())
                .isOrdered(m.ordered())
                .isSingleMarketPerEvent(m.singleMarketPerEvent())
                .isAllYes(m.allYes())
                .sizeMin(m.sizeMin())
                .sizeMax(m.sizeMax())
                .functionalDescription(orEmpty(m.functionalDescription()))
                .build();
    }

    /** An order group as the spec's OrderGroup. */
    public static OrderGroup orderGroup(io.github.kalshi4j.testkit.engine.OrderGroup g) {
        return OrderGroup.builder()
                .id(g.id())
                .contractsLimitFp(count(g.contractsLimit()))
                .isAutoCancelEnabled(g.autoCancelEnabled())
                .build();
    }
}
