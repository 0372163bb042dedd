package io.github.kalshi4j.testkit.engine;

/**
 * Outcome of one order of a batch create: exactly one of {@code order} and {@code error} is set.
 *
 * @param clientOrderId the request's client order id, or null
 * @param order         the created order, or null on error
 * @param error         why the order was rejected, or null on success
 */
public record BatchCreateResult(String clientOrderId, Order order, ExchangeException error) {

    /** Returns true when the order was created. */
    public boolean isSuccess() {
        return error == null;
    }
}
