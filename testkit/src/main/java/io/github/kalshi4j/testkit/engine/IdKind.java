package io.github.kalshi4j.testkit.engine;

/** The kinds of identifiers the exchange generates. */
public enum IdKind {
    /** {@code order_id}. */
    ORDER,
    /** {@code fill_id}. */
    FILL,
    /** {@code trade_id}. */
    TRADE,
    /** Order group {@code id}. */
    ORDER_GROUP,
    /** Deposit {@code id}. */
    DEPOSIT
}
