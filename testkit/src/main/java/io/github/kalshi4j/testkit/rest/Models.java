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
import io.github.kalshi4j.ws.Side;

import io.github.kalshi4j.testkit.engine.FixedPoint;
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
    private static final String BID = "bid";
    private static final String ASK = "ask";

    /**
     * The exchange shard every object of the local exchange lives on: it models one event-contract shard, number 0,
     * which is also what a request that names no {@code exchange_index} defaults to.
     */
    public static final int EXCHANGE_INDEX = 0;

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

    /**
     * The outcome side an order or fill positions its member for: buying YES and selling NO give {@code yes}, buying NO
     * and selling YES give {@code no} (Kalshi's "Order direction").
     */
    public static Side outcomeSide(Side side, io.github.kalshi4j.testkit.engine.Action action) {
        return (side == Side.YES) == (action == io.github.kalshi4j.testkit.engine.Action.BUY) ? Side.YES : Side.NO;
    }

    /** The book side of an order: {@code bid} for outcome side yes, {@code ask} for no. */
    public static String bookSide(Side side, io.github.kalshi4j.testkit.engine.Action action) {
        return outcomeSide(side, action) == Side.YES ? BID : ASK;
    }

    /** Dollars as a legacy integer-cent field; the one rule is {@link FixedPoint#toCents}. */
    static long cents(BigDecimal dollars) {
        return FixedPoint.toCents(dollars);
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
                .result(m.result() == null ? "" : m.result().wire())
                .canCloseEarly(m.canCloseEarly())
                .expirationValue(m.settlementValue() == null ? "" : m.settlementValue().toPlainString())
                .rulesPrimary(orEmpty(m.rulesPrimary()))
                .rulesSecondary(orEmpty(m.rulesSecondary()))
                .priceLevelStructure(m.priceLevelStructure() == null ? "linear_cent" : m.priceLevelStructure())
                .priceRanges(m.priceRanges().stream().map(r -> PriceRange.builder().start(price(r.start()).toPlainString())
                        .end(price(r.end()).toPlainString()).step(price(r.step()).toPlainString()).build()).toList())
                .strikeType(m.strikeType())
                .floorStrike(m.floorStrike() == null ? null : m.floorStrike().doubleValue())
                .capStrike(m.capStrike() == null ? null : m.capStrike().doubleValue())
                .mveCollectionTicker(m.mveCollectionTicker())
                .exchangeIndex(EXCHANGE_INDEX);
        if (m.settlementValue() != null) {
            b.settlementValueDollars(price(m.settlementValue()));
        }
        if (m.settlementTime() != null) {
            b.settlementTs(time(m.settlementTime()));
        }
        if (m.mveSelectedLegs() != null) {
            b.mveSelectedLegs(m.mveSelectedLegs().stream().map(l -> MveSelectedLeg.builder().eventTicker(l.eventTicker())
                    .marketTicker(l.marketTicker()).side(l.side().wire()).build()).toList());
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
                .exchangeIndex(EXCHANGE_INDEX)
                .build();
    }

    /** An event as the spec's EventData, with or without its markets. */
    public static EventData event(io.github.kalshi4j.testkit.engine.Event e, List<Market> markets) {
        EventData.Builder b = EventData.builder()
                .eventTicker(e.eventTicker())
                .seriesTicker(e.seriesTicker())
                .subTitle(orEmpty(e.subTitle()))
                .title(e.title())
                .collateralReturnType(orEmpty(e.collateralReturnType()))
                .mutuallyExclusive(e.mutuallyExclusive())
                .category(e.category())
                .strikeDate(time(e.strikeDate()))
                .strikePeriod(e.strikePeriod())
                .productMetadata(Map.of())
                // The engine keeps result sources on the series; an event's are its series'.
                .settlementSources(e.settlementSources().stream()
                        .map(x -> SettlementSource.builder().name(x.name()).url(x.url()).build()).toList())
                .markets(markets)
                .exchangeIndex(EXCHANGE_INDEX);
        if (e.feeTypeOverride() != null) {
            b.feeTypeOverride(e.feeTypeOverride().wireValue());
        }
        if (e.feeMultiplierOverride() != null) {
            b.feeMultiplierOverride(e.feeMultiplierOverride().doubleValue());
        }
        return b.build();
    }

    /** An order as the spec's Order. */
    public static Order order(io.github.kalshi4j.testkit.engine.Order o) {
        return Order.builder()
                .orderId(o.orderId())
                .userId(o.userId())
                .clientOrderId(o.clientOrderId() == null ? "" : o.clientOrderId())
                .ticker(o.ticker())
                .side(o.side().wire())
                .action(o.action().wireValue())
                .outcomeSide(outcomeSide(o.side(), o.action()).wire())
                .bookSide(bookSide(o.side(), o.action()))
                .type(o.type().wireValue())
                .status(o.status().value())
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
                .selfTradePreventionType(o.selfTradePreventionType() == null ? null : o.selfTradePreventionType().value())
                .orderGroupId(o.orderGroupId())
                .cancelOrderOnPause(o.cancelOrderOnPause())
                .exchangeIndex(EXCHANGE_INDEX)
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
                .side(f.side().wire())
                .action(f.action().wireValue())
                .outcomeSide(f.purchasedSide().wire())
                .bookSide(f.purchasedSide() == Side.YES ? BID : ASK)
                .exchangeIndex(EXCHANGE_INDEX)
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
                .takerSide(t.takerSide().wire())
                .takerOutcomeSide(t.takerSide().wire())
                .takerBookSide(t.takerSide() == Side.YES ? BID : ASK)
                // Every trade of the local exchange matched on its order book.
                .isBlockTrade(false)
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
                .feesPaidDollars(money(p.feesPaid()))
                .lastUpdatedTs(time(p.lastUpdatedTime()))
                .exchangeIndex(EXCHANGE_INDEX)
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
                .exchangeIndex(EXCHANGE_INDEX)
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

    /** A deposit as the spec's Deposit (money in integer cents, times in Unix seconds). */
    public static io.github.kalshi4j.model.Deposit deposit(io.github.kalshi4j.testkit.engine.CashTransfer t) {
        return io.github.kalshi4j.model.Deposit.builder()
                .id(t.id())
                .status(t.status())
                .type(t.type())
                .amountCents(cents(t.amount()))
                .feeCents(cents(t.fee()))
                .createdTs(t.createdTime().getEpochSecond())
                .finalizedTs(t.finalizedTime() == null ? null : t.finalizedTime().getEpochSecond())
                .build();
    }

    /** A withdrawal as the spec's Withdrawal (money in integer cents, times in Unix seconds). */
    public static io.github.kalshi4j.model.Withdrawal withdrawal(io.github.kalshi4j.testkit.engine.CashTransfer t) {
        return io.github.kalshi4j.model.Withdrawal.builder()
                .id(t.id())
                .status(t.status())
                .type(t.type())
                .amountCents(cents(t.amount()))
                .feeCents(cents(t.fee()))
                .createdTs(t.createdTime().getEpochSecond())
                .finalizedTs(t.finalizedTime() == null ? null : t.finalizedTime().getEpochSecond())
                .build();
    }

    /**
     * An event fee change as the spec's EventFeeChange. Both overrides are required members that may be null (null
     * clears the override), so they are written as JSON nulls rather than left out.
     */
    public static io.github.kalshi4j.model.EventFeeChange eventFeeChange(io.github.kalshi4j.testkit.engine.EventFeeChange c) {
        io.github.kalshi4j.model.EventFeeChange.Builder b = io.github.kalshi4j.model.EventFeeChange.builder()
                .id(c.id())
                .eventTicker(c.eventTicker())
                .seriesTicker(c.seriesTicker())
                .scheduledTs(time(c.scheduledTime()));
        if (c.feeTypeOverride() != null) {
            b.feeTypeOverride(c.feeTypeOverride().wireValue());
        } else {
            b.additionalProperty("fee_type_override", null);
        }
        if (c.feeMultiplierOverride() != null) {
            b.feeMultiplierOverride(c.feeMultiplierOverride().doubleValue());
        } else {
            b.additionalProperty("fee_multiplier_override", null);
        }
        return b.build();
    }
}
