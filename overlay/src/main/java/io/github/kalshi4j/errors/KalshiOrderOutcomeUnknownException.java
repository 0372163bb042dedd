package io.github.kalshi4j.errors;

/**
 * Safe order retry could not tell whether a CreateOrder landed, so it did not send the order again: the attempt
 * failed in a way that may have left an order behind (a 5xx answer, a timeout, a dropped connection) and the
 * follow-up lookup by {@code client_order_id} could not give a trustworthy answer (Kalshi's user data never
 * caught up with the attempt, or the lookup itself failed).
 *
 * <p>The order may or may not exist. Reconcile with {@link #clientOrderId()} (for instance
 * {@code GetOrders} on {@link #ticker()}, or the {@code user_orders} WebSocket channel) before placing it again.
 * {@link #getCause()} is the failure of the last CreateOrder attempt; a failed lookup is attached as a suppressed
 * exception.
 */
public final class KalshiOrderOutcomeUnknownException extends KalshiNetworkException {

    private static final long serialVersionUID = 1L;

    private final String clientOrderId;
    private final String ticker;

    /**
     * Creates the exception.
     *
     * @param operationId the operation, {@code CreateOrder}
     * @param attempts CreateOrder attempts sent
     * @param clientOrderId the order's client_order_id
     * @param ticker the order's market
     * @param reason why the outcome could not be determined
     * @param cause the failure of the last attempt
     */
    public KalshiOrderOutcomeUnknownException(String operationId, int attempts, String clientOrderId, String ticker,
            String reason, Throwable cause) {
        super(operationId, attempts, "order outcome unknown",
                "client_order_id " + clientOrderId + " on " + ticker + ": " + reason + "; not sent again", cause);
        this.clientOrderId = clientOrderId;
        this.ticker = ticker;
    }

    /** The client_order_id of the order whose outcome is unknown. */
    public String clientOrderId() {
        return clientOrderId;
    }

    /** The order's market ticker. */
    public String ticker() {
        return ticker;
    }
}
