package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/**
 * The {@code status} query values of {@code GET /markets} and {@code GET /events} ({@code unopened,
 * open, paused, closed, settled}), which group the finer {@link MarketStatus} values.
 */
public enum MarketStatusFilter {
    /** {@link MarketStatus#INITIALIZED}. */
    UNOPENED,
    /** {@link MarketStatus#ACTIVE}. */
    OPEN,
    /** {@link MarketStatus#INACTIVE}. */
    PAUSED,
    /** Trading over, not yet paid out: closed, determined, disputed or amended. */
    CLOSED,
    /** {@link MarketStatus#FINALIZED}. */
    SETTLED;

    /** Returns the query value, e.g. {@code "open"}. */
    public String queryValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns true when a market in {@code status} belongs to this group. */
    public boolean matches(MarketStatus status) {
        switch (this) {
            case UNOPENED:
                return status == MarketStatus.INITIALIZED;
            case OPEN:
                return status == MarketStatus.ACTIVE;
            case PAUSED:
                return status == MarketStatus.INACTIVE;
            case CLOSED:
                return status == MarketStatus.CLOSED || status == MarketStatus.DETERMINED
                        || status == MarketStatus.DISPUTED || status == MarketStatus.AMENDED;
            case SETTLED:
                return status == MarketStatus.FINALIZED;
            default:
                throw new AssertionError(this);
        }
    }

    /** Returns the group a market status belongs to. */
    public static MarketStatusFilter of(MarketStatus status) {
        for (MarketStatusFilter filter : values()) {
            if (filter.matches(status)) {
                return filter;
            }
        }
        throw new AssertionError(status);
    }

    /**
     * Parses a query value (case-insensitive).
     *
     * @throws ExchangeException {@code invalid_parameters} for an unknown value
     */
    public static MarketStatusFilter fromQueryValue(String value) {
        return WireValues.named(values(), value, "unknown status filter '" + value + "'");
    }
}
