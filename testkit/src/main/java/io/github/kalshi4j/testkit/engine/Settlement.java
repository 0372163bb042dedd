package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The payout of one account's position when a market settles (Kalshi's {@code Settlement}).
 *
 * @param userId        member id of the account
 * @param ticker        market ticker
 * @param eventTicker   event ticker
 * @param marketResult  the market's result
 * @param yesCount      YES contracts held at settlement
 * @param yesTotalCost  cost basis of those YES contracts
 * @param noCount       NO contracts held at settlement
 * @param noTotalCost   cost basis of those NO contracts
 * @param revenue       payout in dollars ($1 per winning contract)
 * @param value         payout of one YES contract in dollars (1.0000 or 0.0000)
 * @param feeCost       fees the account paid in this market
 * @param settledTime   settlement time
 * @param sequence      exchange-wide sequence; larger is newer
 */
public record Settlement(
        String userId,
        String ticker,
        String eventTicker,
        Side marketResult,
        BigDecimal yesCount,
        BigDecimal yesTotalCost,
        BigDecimal noCount,
        BigDecimal noTotalCost,
        BigDecimal revenue,
        BigDecimal value,
        BigDecimal feeCost,
        Instant settledTime,
        long sequence) {

    /** Returns {@link #revenue()} in integer cents, the unit of Kalshi's {@code revenue} field. */
    public long revenueCents() {
        return FixedPoint.toCents(revenue);
    }

    /** Returns {@link #value()} in integer cents, the unit of Kalshi's {@code value} field. */
    public long valueCents() {
        return FixedPoint.toCents(value);
    }
}
