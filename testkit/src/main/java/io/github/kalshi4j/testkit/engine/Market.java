package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A binary market and its live statistics (Kalshi's {@code Market}). Prices are dollars (scale 4),
 * counts scale 2.
 *
 * <p>Quotes follow the bid-only book: {@code yesAsk = 1 - best NO bid} and {@code noAsk = 1 - best
 * YES bid}. With no bids on a side the bid is {@code 0.0000} and the opposite ask {@code 1.0000}, as
 * Kalshi reports.
 *
 * @param ticker                 market ticker, e.g. {@code KXFED-26JUN-T4.00}
 * @param eventTicker            event the market belongs to
 * @param seriesTicker           series of that event
 * @param marketType             "binary"
 * @param title                  title (deprecated on Kalshi, still sent)
 * @param subtitle               subtitle (deprecated on Kalshi, still sent)
 * @param yesSubTitle            short title of the YES side
 * @param noSubTitle             short title of the NO side
 * @param rulesPrimary           main settlement rule
 * @param rulesSecondary         secondary rules
 * @param status                 lifecycle status
 * @param result                 the settled result, null until the market is determined
 * @param createdTime            when the market was created
 * @param openTime               when trading opens
 * @param closeTime              when trading closes (moved to the actual time on early close)
 * @param expirationTime         latest expiration time
 * @param expectedExpirationTime expected expiration, or null
 * @param settlementTime         when the market settled, null before
 * @param settlementValue        payout of one YES contract (1.0000 or 0.0000), null before settlement
 * @param settlementTimerSeconds delay between determination and settlement on Kalshi
 * @param canCloseEarly          whether the market may close before its close time
 * @param fractionalTradingEnabled whether counts with cents of a contract are accepted
 * @param priceLevelStructure    price structure name, e.g. "linear_cent"
 * @param priceRanges            valid price bands (never null)
 * @param strikeType             strike type (e.g. "greater"), or null
 * @param floorStrike            floor strike, or null
 * @param capStrike              cap strike, or null
 * @param yesBid                 best YES bid
 * @param yesBidSize             contracts at the best YES bid
 * @param yesAsk                 best YES ask ({@code 1 - best NO bid})
 * @param yesAskSize             contracts at the best YES ask (the best NO bid's size)
 * @param noBid                  best NO bid
 * @param noAsk                  best NO ask ({@code 1 - best YES bid})
 * @param lastPrice              YES price of the last trade (0.0000 before any)
 * @param previousYesBid         YES bid when the exchange was built (the "day ago" value)
 * @param previousYesAsk         YES ask when the exchange was built
 * @param previousPrice          last price when the exchange was built
 * @param volume                 contracts traded
 * @param volume24h              contracts traded in the 24 hours before now
 * @param openInterest           YES contracts held across all accounts
 * @param notionalValue          value of one contract at settlement (1.0000)
 * @param mveCollectionTicker    collection a combo market came from, or null
 * @param mveSelectedLegs        legs of a combo market (empty otherwise)
 */
public record Market(
        String ticker,
        String eventTicker,
        String seriesTicker,
        String marketType,
        String title,
        String subtitle,
        String yesSubTitle,
        String noSubTitle,
        String rulesPrimary,
        String rulesSecondary,
        MarketStatus status,
        Side result,
        Instant createdTime,
        Instant openTime,
        Instant closeTime,
        Instant expirationTime,
        Instant expectedExpirationTime,
        Instant settlementTime,
        BigDecimal settlementValue,
        int settlementTimerSeconds,
        boolean canCloseEarly,
        boolean fractionalTradingEnabled,
        String priceLevelStructure,
        List<PriceRange> priceRanges,
        String strikeType,
        BigDecimal floorStrike,
        BigDecimal capStrike,
        BigDecimal yesBid,
        BigDecimal yesBidSize,
        BigDecimal yesAsk,
        BigDecimal yesAskSize,
        BigDecimal noBid,
        BigDecimal noAsk,
        BigDecimal lastPrice,
        BigDecimal previousYesBid,
        BigDecimal previousYesAsk,
        BigDecimal previousPrice,
        BigDecimal volume,
        BigDecimal volume24h,
        BigDecimal openInterest,
        BigDecimal notionalValue,
        String mveCollectionTicker,
        List<MveLeg> mveSelectedLegs) {

    /** Copies the lists so the snapshot stays immutable. */
    public Market {
        priceRanges = List.copyOf(priceRanges);
        mveSelectedLegs = List.copyOf(mveSelectedLegs);
    }

    /** Returns true for combo markets of a multivariate collection. */
    public boolean isMultivariate() {
        return mveCollectionTicker != null;
    }
}
