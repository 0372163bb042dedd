package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.model.SelfTradePreventionType;
import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the account sees it (Kalshi's {@code Order}). Prices in dollars (scale 4), counts
 * scale 2, money scale 4 (6 with sub-cent prices).
 *
 * <p>Fill costs are valued at the order's own side: a buy YES order's fill cost is what it paid for
 * the YES contracts; a sell YES order's fill cost is what it received for them.
 *
 * @param orderId                 order id
 * @param userId                  member id of the owning account
 * @param clientOrderId           caller-chosen id, or null when none was given
 * @param ticker                  market ticker
 * @param side                    side of the order
 * @param action                  buy or sell
 * @param type                    limit or market
 * @param status                  resting, canceled or executed
 * @param yesPrice                limit price expressed as a YES price
 * @param noPrice                 limit price expressed as a NO price ({@code 1 - yesPrice})
 * @param initialCount            contracts ordered (after a reduce-only cap; amended counts replace it)
 * @param fillCount               contracts filled so far
 * @param remainingCount          contracts still resting (0 once canceled or executed)
 * @param takerFillCost           value of the contracts filled as taker
 * @param makerFillCost           value of the contracts filled as maker
 * @param takerFees               fees paid on taker fills
 * @param makerFees               fees paid on maker fills
 * @param createdTime             creation time
 * @param lastUpdateTime          last change (fill, amend, decrease, cancel)
 * @param expirationTime          when a resting order expires, or null
 * @param timeInForce             time in force as requested
 * @param selfTradePreventionType self-trade prevention as requested, or null (taker_at_cross applies)
 * @param orderGroupId            order group, or null
 * @param postOnly                whether the order was post-only
 * @param reduceOnly              whether the order was reduce-only
 * @param cancelOrderOnPause      whether a trading pause cancels the order
 * @param buyMaxCostCents         cost cap in integer cents, or null
 * @param sequence                exchange-wide creation sequence; larger is newer
 */
public record Order(
        String orderId,
        String userId,
        String clientOrderId,
        String ticker,
        Side side,
        Action action,
        OrderType type,
        OrderStatus status,
        BigDecimal yesPrice,
        BigDecimal noPrice,
        BigDecimal initialCount,
        BigDecimal fillCount,
        BigDecimal remainingCount,
        BigDecimal takerFillCost,
        BigDecimal makerFillCost,
        BigDecimal takerFees,
        BigDecimal makerFees,
        Instant createdTime,
        Instant lastUpdateTime,
        Instant expirationTime,
        TimeInForce timeInForce,
        SelfTradePreventionType selfTradePreventionType,
        String orderGroupId,
        boolean postOnly,
        boolean reduceOnly,
        boolean cancelOrderOnPause,
        Long buyMaxCostCents,
        long sequence) {

    /** Returns the limit price of the order's own side ({@code yesPrice} for YES orders). */
    public BigDecimal sidePrice() {
        return side == Side.YES ? yesPrice : noPrice;
    }
}
