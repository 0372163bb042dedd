package io.github.kalshi4j.testkit.engine;

/** What happened to an order in an {@link OrderUpdate}. */
public enum OrderUpdateType {
    /** The order was placed; the snapshot shows its state after any immediate fills. */
    CREATED,
    /** A resting order was partially filled, amended or decreased and is still resting. */
    UPDATED,
    /** The order left the book without filling completely. */
    CANCELED,
    /** A resting order filled completely. */
    EXECUTED
}
