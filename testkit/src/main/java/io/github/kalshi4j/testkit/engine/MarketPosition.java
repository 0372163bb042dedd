package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An account's position in one market (Kalshi's {@code MarketPosition}). Holding YES and NO of
 * the same market nets to a single signed position, as on Kalshi: a YES and a NO contract together
 * pay out $1 for sure and are redeemed on the spot.
 *
 * @param userId              member id of the account
 * @param ticker              market ticker
 * @param eventTicker         event ticker of the market
 * @param position            signed contracts: positive = YES held, negative = NO held (scale 2)
 * @param marketExposure      cost basis of the current position (dollars)
 * @param realizedPnl         profit locked in by closing contracts and by settlement, before fees
 * @param feesPaid            fees paid in this market
 * @param totalTraded         value of all fills at each order's own side price
 * @param volume              contracts filled in this market (both directions)
 * @param restingOrdersCount  number of the account's resting orders in this market
 * @param lastUpdatedTime     last fill or settlement touching the position
 */
public record MarketPosition(
        String userId,
        String ticker,
        String eventTicker,
        BigDecimal position,
        BigDecimal marketExposure,
        BigDecimal realizedPnl,
        BigDecimal feesPaid,
        BigDecimal totalTraded,
        BigDecimal volume,
        int restingOrdersCount,
        Instant lastUpdatedTime) {
}
