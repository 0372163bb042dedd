package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;

/**
 * Outcome of one cancellation of a batch cancel: {@code order} or {@code error} is set.
 *
 * @param orderId   the order id as requested
 * @param order     the order after cancellation, or null on error
 * @param reducedBy contracts removed from the book (zero on error)
 * @param error     why the cancellation failed, or null on success
 */
public record BatchCancelResult(String orderId, Order order, BigDecimal reducedBy, ExchangeException error) {

    /** Returns true when the order was canceled. */
    public boolean isSuccess() {
        return error == null;
    }
}
