package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;

/**
 * A request to shrink a resting order without losing queue priority (Kalshi's
 * {@code DecreaseOrderRequest}). Exactly one of {@code reduceBy} and {@code reduceTo} is required.
 *
 * @param reduceBy contracts to remove from the remaining count (more than remain cancels the order)
 * @param reduceTo remaining count to keep (zero cancels the order)
 */
public record OrderDecrease(BigDecimal reduceBy, BigDecimal reduceTo) {

    /** Decrease by {@code count} contracts. */
    public static OrderDecrease by(String count) {
        return new OrderDecrease(new BigDecimal(count), null);
    }

    /** Decrease to {@code count} remaining contracts. */
    public static OrderDecrease to(String count) {
        return new OrderDecrease(null, new BigDecimal(count));
    }
}
