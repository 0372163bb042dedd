// Generated from spec/materialized/asyncapi.yaml by kalshi4j; edit generator-templates/java/ws/Channel.mustache, not this file.
package io.github.kalshi4j.ws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A data channel of Kalshi's WebSocket API: the channel catalogue of the pinned AsyncAPI spec, with what the
 * client needs to know about each channel: the envelope {@code type}s it sends, whether its {@code seq} is
 * contiguous, whether it carries the member's own data, how it treats a subscription's markets, and how a pull
 * subscription's buffer behaves by default when its consumer falls behind.
 *
 * <p>The channels this SDK version knows are constants ({@link #ORDERBOOK_DELTA}, {@link #TICKER}, ...). A channel
 * newer than the SDK is still usable: {@link #of(String) Channel.of("new_channel")} subscribes to it, and its frames
 * arrive in order as {@link WsMessage.Unknown} (raw JSON), sequence-checked when they carry {@code seq}.
 *
 * <pre>{@code
 * SubscribeRequest request = SubscribeRequest.builder(Channel.TICKER).marketTickers("FED-23DEC-T3.00").build();
 * SubscribeRequest newer = SubscribeRequest.builder(Channel.of("some_new_channel")).build();
 * }</pre>
 *
 * <p>Channels are equal when their wire names are. Generated from the AsyncAPI spec; what the spec does not say
 * (default overflow policies, which channels carry the member's own data) comes from
 * {@code spec/overlays/asyncapi-corrections.overlay.yaml}.
 */
public final class Channel {

    /** How a channel treats the markets ({@code market_ticker(s)}) of a subscription. */
    public enum MarketFilter {
        /** A subscription must name markets. */
        REQUIRED,
        /** Markets narrow the subscription; none means every market. */
        OPTIONAL,
        /** Markets are ignored; the subscription covers everything. */
        IGNORED
    }

    /**
     * Book changes for the markets you name: envelope {@code book_snapshot}, {@code book_delta}; contiguous {@code seq}; markets REQUIRED; default overflow FAIL.
     */
    public static final Channel BOOK = new Channel("book", "BOOK", true, false,
            MarketFilter.REQUIRED, OverflowPolicy.FAIL, List.of("book_snapshot", "book_delta"), true);

    /**
     * Your orders &amp; lifecycle &lt;events&gt;: envelope {@code my_order}, {@code lifecycle}; the member's own data; markets OPTIONAL; default overflow DROP_OLDEST.
     */
    public static final Channel MINE = new Channel("mine", "MINE", false, true,
            MarketFilter.OPTIONAL, OverflowPolicy.DROP_OLDEST, List.of("my_order", "lifecycle"), true);

    /**
     * Index values: envelope {@code lifecycle}, {@code index_value_5hz}; contiguous {@code seq}; markets IGNORED; default overflow FAIL.
     */
    public static final Channel INDEX_VALUE_5HZ = new Channel("index_value_5hz", "INDEX_VALUE_5HZ", true, false,
            MarketFilter.IGNORED, OverflowPolicy.FAIL, List.of("lifecycle", "index_value_5hz"), true);

    private static final List<Channel> KNOWN = List.of(BOOK, MINE, INDEX_VALUE_5HZ);
    private static final Map<String, Channel> BY_WIRE = new LinkedHashMap<>();
    private static final Map<String, Channel> BY_MESSAGE_TYPE = new LinkedHashMap<>();

    static {
        for (Channel c : KNOWN) {
            BY_WIRE.put(c.wire, c);
            for (String type : c.messageTypes) {
                // A type several channels send (event_lifecycle) maps to the first of them in the spec.
                BY_MESSAGE_TYPE.putIfAbsent(type, c);
            }
        }
    }

    private final String wire;
    private final String name;
    private final boolean sequenced;
    private final boolean userData;
    private final MarketFilter marketFilter;
    private final OverflowPolicy defaultOverflowPolicy;
    private final List<String> messageTypes;
    private final boolean known;

    private Channel(String wire, String name, boolean sequenced, boolean userData, MarketFilter marketFilter,
            OverflowPolicy defaultOverflowPolicy, List<String> messageTypes, boolean known) {
        this.wire = wire;
        this.name = name;
        this.sequenced = sequenced;
        this.userData = userData;
        this.marketFilter = marketFilter;
        this.defaultOverflowPolicy = defaultOverflowPolicy;
        this.messageTypes = messageTypes;
        this.known = known;
    }

    /**
     * Returns the channel of a wire name: the constant when this SDK version knows it, else a channel newer than
     * the SDK, whose frames arrive as {@link WsMessage.Unknown}.
     *
     * @param wire the channel name as Kalshi spells it in {@code subscribe}, e.g. {@code "ticker"}
     * @return the channel, never null
     * @throws IllegalArgumentException if {@code wire} is blank or contains white space or control characters
     */
    public static Channel of(String wire) {
        Objects.requireNonNull(wire, "wire");
        Channel c = BY_WIRE.get(wire);
        if (c != null) {
            return c;
        }
        if (wire.isBlank() || wire.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp))) {
            throw new IllegalArgumentException("not a channel name: \"" + wire + "\"");
        }
        return new Channel(wire, wire.toUpperCase(java.util.Locale.ROOT), false, false, MarketFilter.OPTIONAL,
                OverflowPolicy.FAIL, List.of(), false);
    }

    /**
     * Looks a known channel up by its wire name.
     *
     * @param wire e.g. {@code "ticker"}
     * @return the channel, or empty if this SDK version does not know it (use {@link #of(String)} to subscribe anyway)
     */
    public static Optional<Channel> fromWire(String wire) {
        return Optional.ofNullable(wire == null ? null : BY_WIRE.get(wire));
    }

    /**
     * Looks up the known channel that sends an envelope {@code type}; where several do, the first in the spec.
     *
     * @param type e.g. {@code "user_order"}
     * @return the channel, or empty for a type no known channel sends
     */
    public static Optional<Channel> forMessageType(String type) {
        return Optional.ofNullable(type == null ? null : BY_MESSAGE_TYPE.get(type));
    }

    /**
     * Returns the channels this SDK version knows, in the spec's order.
     *
     * @return an unmodifiable list
     */
    public static List<Channel> known() {
        return KNOWN;
    }

    /**
     * Returns the channels this SDK version knows, in the spec's order, as the enum this class replaced did.
     *
     * @return a new array
     */
    public static Channel[] values() {
        return KNOWN.toArray(new Channel[0]);
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
     * Returns the constant's name, e.g. {@code "ORDERBOOK_DELTA"}; for a channel newer than the SDK, its wire name
     * in upper case.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the envelope {@code type}s this channel's data frames carry.
     *
     * @return an unmodifiable list, e.g. {@code [orderbook_snapshot, orderbook_delta]}; empty for a channel newer
     *         than the SDK
     */
    public List<String> messageTypes() {
        return messageTypes;
    }

    /**
     * Tells whether the channel numbers its frames contiguously per subscription (the spec puts {@code seq} in its
     * envelopes), so a jump in {@code seq} means lost frames. Frames of a channel newer than the SDK are checked
     * whenever they carry a {@code seq}.
     *
     * @return true for a sequenced known channel
     */
    public boolean isSequenced() {
        return sequenced;
    }

    /**
     * Tells whether the channel carries the member's own data (fills, orders, positions, ...) rather than public
     * market data.
     *
     * @return true for a channel of the member's own data
     */
    public boolean isUserData() {
        return userData;
    }

    /**
     * Returns how the channel treats a subscription's markets.
     *
     * @return the filter; {@link MarketFilter#OPTIONAL} for a channel newer than the SDK (the server decides)
     */
    public MarketFilter marketFilter() {
        return marketFilter;
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
     * Tells whether this SDK version knows the channel (one of the constants).
     *
     * @return false for a channel made by {@link #of(String)} that is newer than the SDK
     */
    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Channel && ((Channel) o).wire.equals(wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    /**
     * Returns the wire name.
     *
     * @return e.g. {@code "ticker"}
     */
    @Override
    public String toString() {
        return wire;
    }
}
