package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An account's money, in dollars (scale 4, 6 with sub-cent prices).
 *
 * <p>{@code cash} is everything the account holds; {@code reserved} is held back for its resting
 * orders (limit price times the contracts not covered by an opposite position, plus any maker
 * fees); {@code available = cash - reserved} is what new orders may spend and corresponds to
 * Kalshi's {@code balance}.
 *
 * @param userId         member id
 * @param cash           total cash
 * @param reserved       cash held for resting orders
 * @param available      cash free for trading (Kalshi's {@code balance})
 * @param portfolioValue value of open positions: each marked at the market's last trade price, or
 *                       at cost before the market has traded (Kalshi's {@code portfolio_value})
 * @param updatedTime    last change to the account's cash
 */
public record Balance(
        String userId,
        BigDecimal cash,
        BigDecimal reserved,
        BigDecimal available,
        BigDecimal portfolioValue,
        Instant updatedTime) {

    /** Returns {@link #available()} in integer cents, the unit of Kalshi's {@code balance}. */
    public long availableCents() {
        return FixedPoint.toCents(available);
    }

    /** Returns {@link #portfolioValue()} in integer cents, the unit of {@code portfolio_value}. */
    public long portfolioValueCents() {
        return FixedPoint.toCents(portfolioValue);
    }
}
