package io.github.kalshi4j.testkit.engine;

/** A market lifecycle transition, with the {@code market_lifecycle_v2} event type it maps to. */
public enum MarketLifecycleType {
    /** Trading opened or resumed after a pause ({@code activated}). */
    ACTIVATED("activated"),
    /** Trading paused ({@code deactivated}, {@code is_deactivated: true}). */
    DEACTIVATED("deactivated"),
    /**
     * Trading closed. The v2 channel has no "closed" event; Kalshi reports a close as
     * {@code close_date_updated} carrying the actual {@code close_ts}.
     */
    CLOSED("close_date_updated"),
    /** The result is known ({@code determined}, with {@code result} and {@code settlement_value}). */
    DETERMINED("determined"),
    /** Payouts made ({@code settled}, with {@code settled_ts}). */
    SETTLED("settled");

    private final String wireEventType;

    MarketLifecycleType(String wireEventType) {
        this.wireEventType = wireEventType;
    }

    /** Returns the {@code event_type} value of {@code market_lifecycle_v2} for this transition. */
    public String wireEventType() {
        return wireEventType;
    }
}
