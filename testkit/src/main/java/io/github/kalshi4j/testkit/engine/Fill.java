package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One account's part of a trade (Kalshi's {@code Fill}); every trade produces a taker fill and a
 * maker fill.
 *
 * <p>Kalshi's spec describes {@code trade_id} as a legacy alias of {@code fill_id}; the engine keeps
 * them apart ({@code tradeId} is the public {@link Trade}'s id) so both fills of a trade can be
 * joined to it. The mapping layer may send either.
 *
 * @param fillId        fill id
 * @param tradeId       id of the public trade
 * @param orderId       the account's order that filled
 * @param userId        member id of the account
 * @param clientOrderId that order's client order id, or null
 * @param ticker        market ticker
 * @param side          the order's side
 * @param action        the order's action
 * @param count         contracts filled
 * @param yesPrice      execution price as a YES price
 * @param noPrice       execution price as a NO price
 * @param taker         true when the order took liquidity
 * @param feeCost       fee charged for this fill (dollars, scale 4)
 * @param createdTime   execution time
 * @param postPosition  the account's signed position after the fill (positive = YES)
 * @param purchasedSide side of the contracts acquired on the book (a sell YES purchases NO)
 * @param sequence      exchange-wide sequence; larger is newer
 */
public record Fill(
        String fillId,
        String tradeId,
        String orderId,
        String userId,
        String clientOrderId,
        String ticker,
        Side side,
        Action action,
        BigDecimal count,
        BigDecimal yesPrice,
        BigDecimal noPrice,
        boolean taker,
        BigDecimal feeCost,
        Instant createdTime,
        BigDecimal postPosition,
        Side purchasedSide,
        long sequence) {
}
