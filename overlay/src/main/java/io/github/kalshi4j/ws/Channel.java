package io.github.kalshi4j.ws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data channels of Kalshi's WebSocket API (AsyncAPI 2.0.0), with what the client needs to know
 * about each: the envelope {@code type}s it sends, whether its {@code seq} is contiguous, and how a
 * pull subscription's buffer behaves by default when its consumer falls behind.
 *
 * <p>Channel names and envelope types differ for some channels: {@code user_orders} sends
 * {@code user_order}, {@code market_positions} sends {@code market_position}, {@code multivariate}
 * sends {@code multivariate_lookup}.
 */
public enum Channel {
    /** Order book snapshot then deltas for the given markets; contiguous {@code seq}. */
    ORDERBOOK_DELTA("orderbook_delta", true, OverflowPolicy.FAIL, "orderbook_snapshot", "orderbook_delta"),
    /** Price, volume and open interest updates. */
    TICKER("ticker", false, OverflowPolicy.DROP_OLDEST, "ticker"),
    /** Public trades. */
    TRADE("trade", false, OverflowPolicy.DROP_OLDEST, "trade"),
    /** Your fills. */
    FILL("fill", false, OverflowPolicy.FAIL, "fill"),
    /** Your positions; envelope type {@code market_position}. */
    MARKET_POSITIONS("market_positions", false, OverflowPolicy.FAIL, "market_position"),
    /** Market lifecycle changes and event creation. */
    MARKET_LIFECYCLE_V2("market_lifecycle_v2", false, OverflowPolicy.FAIL, "market_lifecycle_v2", "event_lifecycle"),
    /** Multivariate collection lookups; envelope type {@code multivariate_lookup}. */
    MULTIVARIATE("multivariate", false, OverflowPolicy.FAIL, "multivariate_lookup"),
    /** RFQs and quotes. */
    COMMUNICATIONS("communications", false, OverflowPolicy.FAIL,
            "rfq_created", "rfq_deleted", "quote_created", "quote_accepted", "quote_executed"),
    /** Your order groups; contiguous {@code seq}. */
    ORDER_GROUP_UPDATES("order_group_updates", true, OverflowPolicy.FAIL, "order_group_updates"),
    /** Your orders; envelope type {@code user_order}. */
    USER_ORDERS("user_orders", false, OverflowPolicy.FAIL, "user_order");

    private static final Map<String, Channel> BY_WIRE = new HashMap<>();
    private static final Map<String, Channel> BY_MESSAGE_TYPE = new HashMap<>();

    static {
        for (Channel c : values()) {
            BY_WIRE.put(c.wire, c);
            for (String type : c.messageTypes) {
                BY_MESSAGE_TYPE.put(type, c);
            }
        }
    }

    private final String wire;
    private final boolean sequenced;
    private final OverflowPolicy defaultOverflowPolicy;
    private final List<String> messageTypes;

    Channel(String wire, boolean sequenced, OverflowPolicy defaultOverflowPolicy, String... messageTypes) {
        this.wire = wire;
        this.sequenced = sequenced;
        this.defaultOverflowPolicy = defaultOverflowPolicy;
        this.messageTypes = List.of(messageTypes);
    }

    /**
     * Returns the channel name used in {@code subscribe} commands and {@code subscribed} replies.
     *
     * @return e.g. {@code "orderbook_delta"}
     */
    public String wire() {
        return wire;
    }

    /**
     * Returns the envelope {@code type}s this channel's data frames carry.
     *
     * @return an unmodifiable list, e.g. {@code [orderbook_snapshot, orderbook_delta]}
     */
    public List<String> messageTypes() {
        return messageTypes;
    }

    /**
     * Tells whether the channel numbers its frames contiguously per subscription, so a jump in
     * {@code seq} means lost frames.
     *
     * @return true for {@link #ORDERBOOK_DELTA} and {@link #ORDER_GROUP_UPDATES}
     */
    public boolean isSequenced() {
        return sequenced;
    }

    /**
     * Returns what a pull subscription's buffer does by default when its consumer falls behind:
     * {@link OverflowPolicy#DROP_OLDEST} where only recent data matters (ticker, trade),
     * {@link OverflowPolicy#FAIL} where every message counts.
     *
     * @return the default policy
     */
    public OverflowPolicy defaultOverflowPolicy() {
        return defaultOverflowPolicy;
    }

    /**
     * Looks a channel up by its wire name.
     *
     * @param wire e.g. {@code "ticker"}
     * @return the channel, or empty if this SDK version does not know it
     */
    public static Optional<Channel> fromWire(String wire) {
        return Optional.ofNullable(wire == null ? null : BY_WIRE.get(wire));
    }

    /**
     * Looks up the channel that sends an envelope {@code type}.
     *
     * @param type e.g. {@code "user_order"}
     * @return the channel ({@link #USER_ORDERS} here), or empty for an unknown type
     */
    public static Optional<Channel> forMessageType(String type) {
        return Optional.ofNullable(type == null ? null : BY_MESSAGE_TYPE.get(type));
    }
}
