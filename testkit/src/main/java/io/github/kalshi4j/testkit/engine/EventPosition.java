package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;

/**
 * An account's positions in one event, aggregated over its markets (Kalshi's {@code EventPosition}).
 *
 * @param userId          member id of the account
 * @param eventTicker     event ticker
 * @param totalCost       sum of the markets' {@code totalTraded}
 * @param totalCostShares sum of the markets' traded contracts
 * @param eventExposure   sum of the markets' exposure
 * @param realizedPnl     sum of the markets' realized P&amp;L
 * @param feesPaid        sum of the markets' fees
 */
public record EventPosition(
        String userId,
        String eventTicker,
        BigDecimal totalCost,
        BigDecimal totalCostShares,
        BigDecimal eventExposure,
        BigDecimal realizedPnl,
        BigDecimal feesPaid) {
}
