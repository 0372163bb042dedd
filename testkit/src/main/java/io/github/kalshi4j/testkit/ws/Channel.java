package io.github.kalshi4j.testkit.ws;

import java.util.Locale;

/**
 * The channels of Kalshi's WebSocket API (the {@code channels} enum of the AsyncAPI subscribe command), with what a
 * subscription to each needs and whether its frames carry a contiguous {@code seq}.
 */
enum Channel {
    /** Book snapshot, then level deltas; needs markets; sequenced. */
    ORDERBOOK_DELTA(false, MarketScope.REQUIRED, true),
    /** Price, quotes, volume and open interest whenever one of them changes. */
    TICKER(false, MarketScope.OPTIONAL, false),
    /** Public trades. */
    TRADE(false, MarketScope.OPTIONAL, false),
    /** The member's own fills. */
    FILL(true, MarketScope.OPTIONAL, false),
    /** The member's position changes (frames of type {@code market_position}). */
    MARKET_POSITIONS(true, MarketScope.OPTIONAL, false),
    /** The member's order changes (frames of type {@code user_order}). */
    USER_ORDERS(true, MarketScope.OPTIONAL, false),
    /** The member's order group changes; sequenced. */
    ORDER_GROUP_UPDATES(true, MarketScope.IGNORED, true),
    /** Market lifecycle transitions of every market (Kalshi does not filter this channel by market). */
    MARKET_LIFECYCLE_V2(false, MarketScope.IGNORED, false),
    /** Multivariate lookups; the local exchange records none, so the channel stays quiet. */
    MULTIVARIATE(false, MarketScope.IGNORED, false),
    /** RFQs and quotes; the local exchange models none, so the channel stays quiet. */
    COMMUNICATIONS(true, MarketScope.IGNORED, false);

    /** How a channel treats {@code market_ticker(s)} / {@code market_id(s)}. */
    enum MarketScope {
        /** A subscription must name markets (error 14 otherwise). */
        REQUIRED,
        /** Markets narrow the subscription; none means every market. */
        OPTIONAL,
        /** Markets are ignored; the subscription covers everything. */
        IGNORED
    }

    private final String wireName;
    private final boolean requiresAuth;
    private final MarketScope marketScope;
    private final boolean sequenced;

    Channel(boolean requiresAuth, MarketScope marketScope, boolean sequenced) {
        this.wireName = name().toLowerCase(Locale.ROOT);
        this.requiresAuth = requiresAuth;
        this.marketScope = marketScope;
        this.sequenced = sequenced;
    }

    /** The channel's name in commands and replies, e.g. {@code orderbook_delta}. */
    String wireName() {
        return wireName;
    }

    /** True for channels carrying a member's own data: they need a signed handshake (error 9 otherwise). */
    boolean requiresAuth() {
        return requiresAuth;
    }

    MarketScope marketScope() {
        return marketScope;
    }

    /** True when the channel's data frames carry a {@code seq} that is contiguous per subscription. */
    boolean sequenced() {
        return sequenced;
    }

    /** The channel with this wire name, or null. */
    static Channel fromWire(String name) {
        for (Channel c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
