package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** One account's position in one market, plus its resting orders there. */
final class PositionState {
    final MarketState market;
    /** Signed contracts: positive YES, negative NO. */
    BigDecimal position = FixedPoint.ZERO_COUNT;
    /** Cost basis of the current position. */
    BigDecimal cost = FixedPoint.ZERO_MONEY;
    BigDecimal realizedPnl = FixedPoint.ZERO_MONEY;
    BigDecimal feesPaid = FixedPoint.ZERO_MONEY;
    BigDecimal totalTraded = FixedPoint.ZERO_MONEY;
    BigDecimal volume = FixedPoint.ZERO_COUNT;
    /** Cash held back for the resting orders below. */
    BigDecimal reserve = FixedPoint.ZERO_MONEY;
    final Set<OrderState> resting = new LinkedHashSet<>();
    Instant lastUpdated;

    PositionState(MarketState market, Instant now) {
        this.market = market;
        this.lastUpdated = now;
    }

    /** Contracts held of {@code side} (zero when the position is on the other side). */
    BigDecimal holdings(Side side) {
        return Ledger.holdings(position, side);
    }

    MarketPosition snapshot(String userId) {
        return new MarketPosition(userId, market.ticker, market.event.ticker(), position,
                FixedPoint.money(cost), FixedPoint.money(realizedPnl), FixedPoint.money(feesPaid),
                FixedPoint.money(totalTraded), volume, resting.size(), lastUpdated);
    }
}
