package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.model.SelfTradePreventionType;
import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;

/** Mutable state of one order; only touched under the exchange lock. */
final class OrderState {
    final String orderId;
    final AccountState account;
    final MarketState market;
    final Side side;
    final Action action;
    final OrderType type;
    final Instant createdTime;
    final Instant expirationTime;
    final TimeInForce timeInForce;
    final SelfTradePreventionType selfTradePreventionType;
    final OrderGroupState group;
    final boolean postOnly;
    final boolean reduceOnly;
    final boolean cancelOrderOnPause;
    final Long buyMaxCostCents;
    final long sequence;

    String clientOrderId;
    OrderStatus status = OrderStatus.RESTING;
    /** Limit price as a YES price; the NO price is always {@code 1 - yesPrice}. */
    BigDecimal yesPrice;
    BigDecimal initialCount;
    BigDecimal fillCount = FixedPoint.ZERO_COUNT;
    BigDecimal remainingCount;
    BigDecimal takerFillCost = FixedPoint.ZERO_MONEY;
    BigDecimal makerFillCost = FixedPoint.ZERO_MONEY;
    BigDecimal takerFees = FixedPoint.ZERO_MONEY;
    BigDecimal makerFees = FixedPoint.ZERO_MONEY;
    /** Unrounded taker fees of the order's fills so far (exact): fees round up per order, not per fill. */
    BigDecimal takerFeeAccrued = BigDecimal.ZERO;
    /** Unrounded maker fees of the order's fills so far (exact). */
    BigDecimal makerFeeAccrued = BigDecimal.ZERO;
    Instant lastUpdateTime;

    OrderState(String orderId, AccountState account, MarketState market, NewOrder request, Side side, Action action,
            OrderType type, BigDecimal yesPrice, BigDecimal count, TimeInForce timeInForce, OrderGroupState group,
            Instant now, long sequence) {
        this.orderId = orderId;
        this.account = account;
        this.market = market;
        this.side = side;
        this.action = action;
        this.type = type;
        this.createdTime = now;
        this.lastUpdateTime = now;
        this.expirationTime = request.expirationTime();
        this.timeInForce = timeInForce;
        this.selfTradePreventionType = request.selfTradePreventionType();
        this.group = group;
        this.postOnly = request.postOnly();
        this.reduceOnly = request.reduceOnly();
        this.cancelOrderOnPause = request.cancelOrderOnPause();
        this.buyMaxCostCents = request.buyMaxCostCents();
        this.sequence = sequence;
        this.clientOrderId = request.clientOrderId();
        this.yesPrice = yesPrice;
        this.initialCount = count;
        this.remainingCount = count;
    }

    /** The side of the book the order bids on: a sell is a bid for the opposite side. */
    Side bookSide() {
        return bookSide(side, action);
    }

    static Side bookSide(Side side, Action action) {
        return action == Action.BUY ? side : side.opposite();
    }

    /** The order's bid price on its book side. */
    BigDecimal bookPrice() {
        return bookSide() == Side.YES ? yesPrice : noPrice();
    }

    BigDecimal noPrice() {
        return FixedPoint.ONE_DOLLAR.subtract(yesPrice);
    }

    /** The limit price of the order's own side, which values its fills. */
    BigDecimal sidePrice() {
        return side == Side.YES ? yesPrice : noPrice();
    }

    boolean isResting() {
        return status == OrderStatus.RESTING;
    }

    SelfTradePreventionType effectiveSelfTradePrevention() {
        return selfTradePreventionType == null ? SelfTradePreventionType.TAKER_AT_CROSS : selfTradePreventionType;
    }

    Order snapshot() {
        return new Order(orderId, account.userId(), clientOrderId, market.ticker, side, action, type, status,
                yesPrice, noPrice(), initialCount, fillCount, remainingCount,
                FixedPoint.money(takerFillCost), FixedPoint.money(makerFillCost),
                FixedPoint.money(takerFees), FixedPoint.money(makerFees),
                createdTime, lastUpdateTime, expirationTime, timeInForce, selfTradePreventionType,
                group == null ? null : group.id, postOnly, reduceOnly, cancelOrderOnPause, buyMaxCostCents, sequence);
    }
}
