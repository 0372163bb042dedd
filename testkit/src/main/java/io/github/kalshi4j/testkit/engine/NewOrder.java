package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.model.SelfTradePreventionType;
import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to place an order (the domain form of Kalshi's {@code CreateOrderRequest}). Build one
 * with {@link #builder(String, Side, Action)}; the exchange validates it.
 *
 * <p>Give the limit price as {@code yesPrice} or {@code noPrice} (both only if they add up to
 * $1). A market order may omit it: it then trades up to the most aggressive valid price.
 *
 * @param ticker                  market ticker
 * @param clientOrderId           caller-chosen id for idempotency, or null
 * @param side                    side of the order
 * @param action                  buy or sell
 * @param type                    limit (default) or market
 * @param count                   contracts to trade
 * @param yesPrice                limit price as a YES price, or null
 * @param noPrice                 limit price as a NO price, or null
 * @param timeInForce             time in force, or null for good-till-canceled
 * @param expirationTime          when a resting order expires, or null; a time not after now makes
 *                                the order immediate-or-cancel, as on Kalshi
 * @param buyMaxCostCents         cost cap in integer cents (contract cost, fees excluded), or null;
 *                                implies fill-or-kill
 * @param postOnly                reject instead of trading on arrival
 * @param reduceOnly              cap the count at the position it reduces
 * @param selfTradePreventionType self-trade prevention, or null (taker_at_cross applies)
 * @param orderGroupId            order group, or null
 * @param cancelOrderOnPause      cancel the order when trading is paused
 */
public record NewOrder(
        String ticker,
        String clientOrderId,
        Side side,
        Action action,
        OrderType type,
        BigDecimal count,
        BigDecimal yesPrice,
        BigDecimal noPrice,
        TimeInForce timeInForce,
        Instant expirationTime,
        Long buyMaxCostCents,
        boolean postOnly,
        boolean reduceOnly,
        SelfTradePreventionType selfTradePreventionType,
        String orderGroupId,
        boolean cancelOrderOnPause) {

    /** Starts a limit order request; set at least a count and a price. */
    public static Builder builder(String ticker, Side side, Action action) {
        return new Builder(ticker, side, action);
    }

    /**
     * Shorthand for a good-till-canceled limit order; {@code sidePrice} is the price of the order's
     * own side (the YES price for a YES order, the NO price for a NO order).
     */
    public static NewOrder limit(String ticker, Side side, Action action, String count, String sidePrice) {
        return builder(ticker, side, action).count(count).price(sidePrice).build();
    }

    /** Builder for {@link NewOrder}. */
    public static final class Builder {
        private final String ticker;
        private final Side side;
        private final Action action;
        private String clientOrderId;
        private OrderType type = OrderType.LIMIT;
        private BigDecimal count;
        private BigDecimal yesPrice;
        private BigDecimal noPrice;
        private TimeInForce timeInForce;
        private Instant expirationTime;
        private Long buyMaxCostCents;
        private boolean postOnly;
        private boolean reduceOnly;
        private SelfTradePreventionType selfTradePreventionType;
        private String orderGroupId;
        private boolean cancelOrderOnPause;

        private Builder(String ticker, Side side, Action action) {
            this.ticker = ticker;
            this.side = Objects.requireNonNull(side, "side");
            this.action = Objects.requireNonNull(action, "action");
        }

        /** Sets the client order id. */
        public Builder clientOrderId(String value) {
            this.clientOrderId = value;
            return this;
        }

        /** Sets the order type. */
        public Builder type(OrderType value) {
            this.type = value;
            return this;
        }

        /** Sets the contract count. */
        public Builder count(BigDecimal value) {
            this.count = value;
            return this;
        }

        /** Sets the contract count from a decimal string such as {@code "10"} or {@code "2.50"}. */
        public Builder count(String value) {
            return count(new BigDecimal(value));
        }

        /** Sets the limit price of the order's own side (YES price for YES orders, NO price for NO). */
        public Builder price(BigDecimal value) {
            if (side == Side.YES) {
                this.yesPrice = value;
                this.noPrice = null;
            } else {
                this.noPrice = value;
                this.yesPrice = null;
            }
            return this;
        }

        /** Sets the own-side limit price from a dollar string such as {@code "0.56"}. */
        public Builder price(String value) {
            return price(new BigDecimal(value));
        }

        /** Sets the limit price as a YES price. */
        public Builder yesPrice(BigDecimal value) {
            this.yesPrice = value;
            return this;
        }

        /** Sets the limit price as a NO price. */
        public Builder noPrice(BigDecimal value) {
            this.noPrice = value;
            return this;
        }

        /** Sets the time in force. */
        public Builder timeInForce(TimeInForce value) {
            this.timeInForce = value;
            return this;
        }

        /** Sets the expiration time. */
        public Builder expirationTime(Instant value) {
            this.expirationTime = value;
            return this;
        }

        /** Sets the cost cap in integer cents. */
        public Builder buyMaxCostCents(Long value) {
            this.buyMaxCostCents = value;
            return this;
        }

        /** Sets post-only. */
        public Builder postOnly(boolean value) {
            this.postOnly = value;
            return this;
        }

        /** Sets reduce-only. */
        public Builder reduceOnly(boolean value) {
            this.reduceOnly = value;
            return this;
        }

        /** Sets the self-trade prevention type. */
        public Builder selfTradePreventionType(SelfTradePreventionType value) {
            this.selfTradePreventionType = value;
            return this;
        }

        /** Sets the order group. */
        public Builder orderGroupId(String value) {
            this.orderGroupId = value;
            return this;
        }

        /** Sets cancel-on-pause. */
        public Builder cancelOrderOnPause(boolean value) {
            this.cancelOrderOnPause = value;
            return this;
        }

        /** Builds the request (validation happens when the exchange receives it). */
        public NewOrder build() {
            return new NewOrder(ticker, clientOrderId, side, action, type, count, yesPrice, noPrice,
                    timeInForce, expirationTime, buyMaxCostCents, postOnly, reduceOnly,
                    selfTradePreventionType, orderGroupId, cancelOrderOnPause);
        }
    }
}
