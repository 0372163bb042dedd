package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change of one price level of a market's book (maps to {@code orderbook_delta}).
 *
 * @param ticker        market ticker
 * @param side          side of the bids that changed
 * @param price         the level's price in dollars (scale 4)
 * @param delta         signed change in contracts (scale 2): positive added, negative removed
 * @param levelTotal    contracts at the level after the change; zero means the level is gone
 * @param userId        member id of the account whose order changed
 * @param clientOrderId that order's client order id, or null (Kalshi sends it only to its owner)
 * @param time          when the change happened
 */
public record OrderbookDelta(
        String ticker,
        Side side,
        BigDecimal price,
        BigDecimal delta,
        BigDecimal levelTotal,
        String userId,
        String clientOrderId,
        Instant time) {
}
