package io.github.kalshi4j.testkit.engine;

/**
 * Receives everything that changes on the exchange, for the WebSocket layer. All methods default to
 * doing nothing.
 *
 * <p>Callbacks run synchronously on the thread that made the change, while it still holds the
 * exchange lock, strictly in the order the changes happened and only after the whole operation
 * succeeded (a rejected request produces no callbacks). A listener may call back into the exchange;
 * the events of that nested call are delivered after the ones already queued. An exception thrown
 * by a listener is logged and does not affect the exchange or other listeners.
 *
 * <p>Order of events for one new order: self-trade cancellations; then per fill the maker's level
 * delta, the trade, the taker's fill, the maker's fill, the maker's order update and both position
 * changes; then the delta for the taker's resting remainder, the taker's {@link OrderUpdateType#CREATED}
 * update, and finally the cancellations and update of any order group that hit its limit.
 */
public interface ExchangeListener {

    /** A price level of a book changed (maps to {@code orderbook_delta}). */
    default void onOrderbookDelta(OrderbookDelta delta) {
    }

    /** A trade happened (maps to {@code trade}). */
    default void onTrade(Trade trade) {
    }

    /** An account's order filled (maps to {@code fill}; deliver to {@link Fill#userId()} only). */
    default void onFill(Fill fill) {
    }

    /** An account's order changed (maps to {@code user_order}; deliver to its owner only). */
    default void onOrderUpdate(OrderUpdate update) {
    }

    /** An account's position changed (maps to {@code market_position}; deliver to its owner only). */
    default void onPositionChange(MarketPosition position) {
    }

    /** An order group changed (maps to {@code order_group_updates}; deliver to its owner only). */
    default void onOrderGroupUpdate(OrderGroupUpdate update) {
    }

    /** A market opened, paused, closed or settled (maps to {@code market_lifecycle_v2}). */
    default void onMarketLifecycle(MarketLifecycleEvent event) {
    }
}
