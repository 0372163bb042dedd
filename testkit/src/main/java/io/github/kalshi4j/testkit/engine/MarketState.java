package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mutable state of one market: lifecycle, book and trading statistics. */
final class MarketState {
    final Seed.MarketSpec spec;
    final String ticker;
    final EventState event;
    final List<PriceRange> priceRanges;
    final Instant createdTime;
    final Instant openTime;
    final Instant expirationTime;
    final Instant expectedExpirationTime;
    final BookSide yesBook = new BookSide(Side.YES);
    final BookSide noBook = new BookSide(Side.NO);
    /** Trades oldest first. */
    final List<Trade> trades = new ArrayList<>();

    MarketStatus status;
    Side result;
    Instant closeTime;
    Instant settlementTime;
    BigDecimal settlementValue;
    BigDecimal lastPrice;
    BigDecimal volume = FixedPoint.ZERO_COUNT;
    BigDecimal openInterest = FixedPoint.ZERO_COUNT;
    BigDecimal previousYesBid;
    BigDecimal previousYesAsk;
    BigDecimal previousPrice;

    MarketState(Seed.MarketSpec spec, EventState event, Instant start) {
        this.spec = spec;
        this.ticker = spec.ticker();
        this.event = event;
        this.priceRanges = PriceStructures.ranges(spec.priceLevelStructure());
        this.createdTime = spec.createdTime().resolve(start);
        this.openTime = spec.openTime().resolve(start);
        this.closeTime = spec.closeTime().resolve(start);
        this.expirationTime = spec.expirationTime().resolve(start);
        this.expectedExpirationTime = spec.expectedExpirationTime() == null ? null : spec.expectedExpirationTime().resolve(start);
        this.lastPrice = spec.lastPrice() == null ? FixedPoint.ZERO_MONEY : FixedPoint.price(spec.lastPrice());
        this.result = spec.result();
        this.status = spec.status() != null ? spec.status() : scheduledStatus(start);
        if (status == MarketStatus.FINALIZED) {
            settlementTime = closeTime;
            settlementValue = result == Side.YES ? FixedPoint.ONE_DOLLAR : FixedPoint.ZERO_MONEY;
        }
    }

    private MarketStatus scheduledStatus(Instant now) {
        if (now.isBefore(openTime)) {
            return MarketStatus.INITIALIZED;
        }
        return now.isBefore(closeTime) ? MarketStatus.ACTIVE : MarketStatus.CLOSED;
    }

    SeriesState series() {
        return event.series;
    }

    /** The fee structure the market charges now: its series', under any event fee override in effect. */
    FeeTerms feeTerms() {
        return event.feeTerms(event.clock.instant());
    }

    BookSide book(Side side) {
        return side == Side.YES ? yesBook : noBook;
    }

    /** True when {@code price} is strictly between 0 and 1 and on a tick of the market's structure. */
    boolean isValidPrice(BigDecimal price) {
        if (price.signum() <= 0 || price.compareTo(BigDecimal.ONE) >= 0) {
            return false;
        }
        for (PriceRange range : priceRanges) {
            if (range.accepts(price)) {
                return true;
            }
        }
        return false;
    }

    /** The most aggressive valid bid price: one tick below $1. */
    BigDecimal maxPrice() {
        PriceRange top = priceRanges.get(priceRanges.size() - 1);
        return FixedPoint.price(top.end().subtract(top.step()));
    }

    BigDecimal bestBid(Side side) {
        BookSide.Level best = book(side).best();
        return best == null ? FixedPoint.ZERO_MONEY : best.price;
    }

    BigDecimal bestBidSize(Side side) {
        BookSide.Level best = book(side).best();
        return best == null ? FixedPoint.ZERO_COUNT : best.total;
    }

    /** Records the "day ago" quote fields once the initial book is in place. */
    void capturePrevious() {
        previousYesBid = bestBid(Side.YES);
        previousYesAsk = FixedPoint.ONE_DOLLAR.subtract(bestBid(Side.NO));
        previousPrice = lastPrice;
    }

    Market snapshot(Instant now) {
        BigDecimal volume24h = FixedPoint.ZERO_COUNT;
        Instant dayAgo = now.minus(Duration.ofDays(1));
        for (int i = trades.size() - 1; i >= 0 && trades.get(i).createdTime().isAfter(dayAgo); i--) {
            volume24h = volume24h.add(trades.get(i).count());
        }
        BigDecimal yesBid = bestBid(Side.YES);
        BigDecimal noBid = bestBid(Side.NO);
        String title = spec.title() != null ? spec.title() : event.spec.title();
        return new Market(ticker, event.ticker(), event.series.spec.ticker(), "binary", title, spec.subtitle(),
                spec.yesSubTitle(), spec.noSubTitle(), spec.rulesPrimary(), spec.rulesSecondary(), status, result,
                createdTime, openTime, closeTime, expirationTime, expectedExpirationTime, settlementTime,
                settlementValue, spec.settlementTimerSeconds(), spec.canCloseEarly(), spec.fractionalTradingEnabled(),
                spec.priceLevelStructure(), priceRanges, spec.strikeType(), spec.floorStrike(), spec.capStrike(),
                yesBid, bestBidSize(Side.YES),
                FixedPoint.ONE_DOLLAR.subtract(noBid), bestBidSize(Side.NO),
                noBid, FixedPoint.ONE_DOLLAR.subtract(yesBid),
                lastPrice, previousYesBid, previousYesAsk, previousPrice,
                volume, volume24h, openInterest, FixedPoint.ONE_DOLLAR,
                spec.mveCollectionTicker(), spec.mveSelectedLegs());
    }
}
