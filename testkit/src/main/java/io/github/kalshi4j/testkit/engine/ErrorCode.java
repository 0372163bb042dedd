package io.github.kalshi4j.testkit.engine;

/**
 * Kalshi-style error codes the engine raises, each with the HTTP status the REST layer should
 * answer with. The body is Kalshi's {@code {"code", "message", "details", "service"}}.
 */
public enum ErrorCode {
    /** A request field is missing, malformed or contradicts another (400). */
    INVALID_PARAMETERS(400, "invalid_parameters"),
    /** The account cannot pay for the order, its fees and its resting reserve (400). */
    INSUFFICIENT_BALANCE(400, "insufficient_balance"),
    /** A post-only order would have crossed the book (400). */
    POST_ONLY_CROSS(400, "post_only_cross"),
    /** A reduce-only order has no position of the sold side to reduce (400). */
    REDUCE_ONLY_WOULD_INCREASE_POSITION(400, "reduce_only_would_increase_position"),
    /** No account with that member id or API key (404). */
    ACCOUNT_NOT_FOUND(404, "account_not_found"),
    /** No series with that ticker (404). */
    SERIES_NOT_FOUND(404, "series_not_found"),
    /** No event with that ticker (404). */
    EVENT_NOT_FOUND(404, "event_not_found"),
    /** No market with that ticker (404). */
    MARKET_NOT_FOUND(404, "market_not_found"),
    /** No multivariate event collection with that ticker (404). */
    MULTIVARIATE_COLLECTION_NOT_FOUND(404, "multivariate_event_collection_not_found"),
    /** The account has no order with that id (404). */
    ORDER_NOT_FOUND(404, "order_not_found"),
    /** The account has no order group with that id (404). */
    ORDER_GROUP_NOT_FOUND(404, "order_group_not_found"),
    /** The market is not open for trading: unopened, closed or settled (409). */
    MARKET_CLOSED(409, "market_closed"),
    /** Trading is paused on the market or the whole exchange (409). */
    TRADING_PAUSED(409, "trading_is_paused"),
    /** A fill-or-kill order (or one with {@code buy_max_cost}) cannot fill completely (409). */
    FILL_OR_KILL_INSUFFICIENT_RESTING_VOLUME(409, "fill_or_kill_insufficient_resting_volume"),
    /** The account already has an order with that {@code client_order_id} (409). */
    ORDER_ALREADY_EXISTS(409, "order_already_exists"),
    /** The order is canceled or executed and can no longer be changed (409). */
    ORDER_NOT_RESTING(409, "order_not_resting"),
    /** The order group hit its limit (or was triggered) and takes no orders until reset (409). */
    ORDER_GROUP_TRIGGERED(409, "order_group_triggered");

    private final int httpStatus;
    private final String code;

    ErrorCode(int httpStatus, String code) {
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** Returns the HTTP status the REST layer should use. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Returns the Kalshi-style {@code code} string, e.g. {@code "insufficient_balance"}. */
    public String code() {
        return code;
    }
}
