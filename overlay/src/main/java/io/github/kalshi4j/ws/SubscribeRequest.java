package io.github.kalshi4j.ws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * What to subscribe to (the {@code params} of a {@code subscribe} command) and how the resulting
 * {@link Subscription} delivers messages. Immutable; the same request is sent again, with the
 * subscription's current markets, whenever the client resubscribes after a reconnect.
 *
 * <pre>{@code
 * SubscribeRequest tickers = SubscribeRequest.builder(Channel.TICKER)
 *         .marketTickers("FED-23DEC-T3.00", "CORIVER-2024-T1030")
 *         .sendInitialSnapshot(true)
 *         .build();
 * }</pre>
 *
 * <p><b>Pull or push.</b> Without a {@link Builder#listener listener} the subscription buffers
 * messages for {@link Subscription#poll}, iteration and streams, bounded by the buffer capacity and
 * governed by the overflow policy (default: the channels' {@link Channel#defaultOverflowPolicy()}, FAIL
 * if any channel's is). With a listener, messages are pushed to it on the client's dispatch thread and
 * nothing is buffered.
 */
public final class SubscribeRequest {

    private final List<Channel> channels;
    private final List<String> marketTickers;
    private final boolean singleTicker;
    private final List<String> marketIds;
    private final boolean singleId;
    private final Boolean sendInitialSnapshot;
    private final Boolean skipTickerAck;
    private final Integer shardFactor;
    private final Integer shardKey;
    private final Map<String, Object> extraParams;
    private final OverflowPolicy overflowPolicy;
    private final Integer bufferCapacity;
    private final Consumer<? super WsMessage> listener;

    private SubscribeRequest(Builder b) {
        this.channels = List.copyOf(b.channels);
        this.marketTickers = List.copyOf(b.marketTickers);
        this.singleTicker = b.singleTicker && marketTickers.size() == 1;
        this.marketIds = List.copyOf(b.marketIds);
        this.singleId = b.singleId && marketIds.size() == 1;
        this.sendInitialSnapshot = b.sendInitialSnapshot;
        this.skipTickerAck = b.skipTickerAck;
        this.shardFactor = b.shardFactor;
        this.shardKey = b.shardKey;
        this.extraParams = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraParams));
        this.overflowPolicy = b.overflowPolicy;
        this.bufferCapacity = b.bufferCapacity;
        this.listener = b.listener;
    }

    /**
     * Starts a request for one or more channels.
     *
     * @param channel the first channel, not null
     * @param more further channels (one server subscription, with its own {@code sid}, each)
     * @return a builder
     */
    public static Builder builder(Channel channel, Channel... more) {
        return new Builder(channel, more);
    }

    /**
     * Shortcut for a single-channel pull subscription to some markets.
     *
     * @param channel the channel, not null
     * @param marketTickers the markets; none means all markets where the channel allows it
     * @return the request
     */
    public static SubscribeRequest of(Channel channel, String... marketTickers) {
        return builder(channel).marketTickers(marketTickers).build();
    }

    /**
     * Returns a builder holding this request.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(channels.get(0), channels.subList(1, channels.size()).toArray(new Channel[0]));
        b.marketTickers.addAll(marketTickers);
        b.singleTicker = singleTicker;
        b.marketIds.addAll(marketIds);
        b.singleId = singleId;
        b.sendInitialSnapshot = sendInitialSnapshot;
        b.skipTickerAck = skipTickerAck;
        b.shardFactor = shardFactor;
        b.shardKey = shardKey;
        b.extraParams.putAll(extraParams);
        b.overflowPolicy = overflowPolicy;
        b.bufferCapacity = bufferCapacity;
        b.listener = listener;
        return b;
    }

    /**
     * Returns the channels, in the order given.
     *
     * @return an unmodifiable, non-empty list without duplicates
     */
    public List<Channel> channels() {
        return channels;
    }

    /**
     * Returns the market tickers ({@code market_ticker} when exactly one was given that way,
     * {@code market_tickers} otherwise).
     *
     * @return an unmodifiable list, empty for all markets
     */
    public List<String> marketTickers() {
        return marketTickers;
    }

    /**
     * Returns the market UUIDs ({@code market_id} / {@code market_ids}; the ticker channel only).
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<String> marketIds() {
        return marketIds;
    }

    /**
     * Returns {@code send_initial_snapshot}, if set.
     *
     * @return the flag, or empty to leave the server's default
     */
    public Optional<Boolean> sendInitialSnapshot() {
        return Optional.ofNullable(sendInitialSnapshot);
    }

    /**
     * Returns {@code skip_ticker_ack}, if set.
     *
     * @return the flag, or empty to leave the server's default
     */
    public Optional<Boolean> skipTickerAck() {
        return Optional.ofNullable(skipTickerAck);
    }

    /**
     * Returns {@code shard_factor}, if set (communications fan-out).
     *
     * @return the shard factor, or empty
     */
    public OptionalInt shardFactor() {
        return shardFactor == null ? OptionalInt.empty() : OptionalInt.of(shardFactor);
    }

    /**
     * Returns {@code shard_key}, if set (communications fan-out).
     *
     * @return the shard key, or empty
     */
    public OptionalInt shardKey() {
        return shardKey == null ? OptionalInt.empty() : OptionalInt.of(shardKey);
    }

    /**
     * Returns further {@code params} members sent as given, such as {@code user_filter}.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> extraParams() {
        return extraParams;
    }

    /**
     * Returns the overflow policy of the pull buffer: the one set, else FAIL if any channel's
     * {@link Channel#defaultOverflowPolicy()} is FAIL, else DROP_OLDEST.
     *
     * @return the effective policy
     */
    public OverflowPolicy overflowPolicy() {
        if (overflowPolicy != null) {
            return overflowPolicy;
        }
        for (Channel c : channels) {
            if (c.defaultOverflowPolicy() == OverflowPolicy.FAIL) {
                return OverflowPolicy.FAIL;
            }
        }
        return OverflowPolicy.DROP_OLDEST;
    }

    /**
     * Returns the pull buffer capacity, if set here.
     *
     * @return the capacity, or empty for {@link WebSocketOptions#bufferCapacity()}
     */
    public OptionalInt bufferCapacity() {
        return bufferCapacity == null ? OptionalInt.empty() : OptionalInt.of(bufferCapacity);
    }

    /**
     * Returns the push listener, if any.
     *
     * @return the listener, or empty for a pull subscription
     */
    public Optional<Consumer<? super WsMessage>> listener() {
        return Optional.ofNullable(listener);
    }

    boolean singleTicker() {
        return singleTicker;
    }

    boolean singleId() {
        return singleId;
    }

    /**
     * Describes the request for logs.
     *
     * @return channels, markets and options
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SubscribeRequest{channels=").append(channels);
        if (!marketTickers.isEmpty()) {
            sb.append(", marketTickers=").append(marketTickers);
        }
        if (!marketIds.isEmpty()) {
            sb.append(", marketIds=").append(marketIds);
        }
        if (sendInitialSnapshot != null) {
            sb.append(", sendInitialSnapshot=").append(sendInitialSnapshot);
        }
        if (skipTickerAck != null) {
            sb.append(", skipTickerAck=").append(skipTickerAck);
        }
        if (shardFactor != null) {
            sb.append(", shardFactor=").append(shardFactor);
        }
        if (shardKey != null) {
            sb.append(", shardKey=").append(shardKey);
        }
        if (!extraParams.isEmpty()) {
            sb.append(", extraParams=").append(extraParams.keySet());
        }
        return sb.append(", ").append(listener != null ? "push" : "pull " + overflowPolicy()).append('}').toString();
    }

    /** Builds {@link SubscribeRequest}s. Not thread-safe. */
    public static final class Builder {
        private final LinkedHashSet<Channel> channels = new LinkedHashSet<>();
        private final List<String> marketTickers = new ArrayList<>();
        private boolean singleTicker;
        private final List<String> marketIds = new ArrayList<>();
        private boolean singleId;
        private Boolean sendInitialSnapshot;
        private Boolean skipTickerAck;
        private Integer shardFactor;
        private Integer shardKey;
        private final Map<String, Object> extraParams = new LinkedHashMap<>();
        private OverflowPolicy overflowPolicy;
        private Integer bufferCapacity;
        private Consumer<? super WsMessage> listener;

        private Builder(Channel channel, Channel... more) {
            channels.add(Objects.requireNonNull(channel, "channel"));
            for (Channel c : Objects.requireNonNull(more, "more")) {
                channels.add(Objects.requireNonNull(c, "channel"));
            }
        }

        /**
         * Subscribes to one market, sent as {@code market_ticker}. Replaces earlier tickers.
         *
         * @param marketTicker the ticker, not blank
         * @return this builder
         */
        public Builder marketTicker(String marketTicker) {
            marketTickers.clear();
            marketTickers.add(nonBlank("marketTicker", marketTicker));
            singleTicker = true;
            return this;
        }

        /**
         * Subscribes to these markets, sent as {@code market_tickers}. Replaces earlier tickers.
         *
         * @param tickers the tickers, none blank
         * @return this builder
         */
        public Builder marketTickers(String... tickers) {
            return marketTickers(List.of(Objects.requireNonNull(tickers, "tickers")));
        }

        /**
         * Subscribes to these markets, sent as {@code market_tickers}. Replaces earlier tickers.
         *
         * @param tickers the tickers, none blank
         * @return this builder
         */
        public Builder marketTickers(Collection<String> tickers) {
            marketTickers.clear();
            for (String t : Objects.requireNonNull(tickers, "tickers")) {
                String ticker = nonBlank("marketTickers", t);
                if (!marketTickers.contains(ticker)) {
                    marketTickers.add(ticker);
                }
            }
            singleTicker = false;
            return this;
        }

        /**
         * Subscribes to one market by UUID, sent as {@code market_id} (ticker channel only). Replaces
         * earlier ids.
         *
         * @param marketId the UUID, not blank
         * @return this builder
         */
        public Builder marketId(String marketId) {
            marketIds.clear();
            marketIds.add(nonBlank("marketId", marketId));
            singleId = true;
            return this;
        }

        /**
         * Subscribes to markets by UUID, sent as {@code market_ids} (ticker channel only). Replaces
         * earlier ids.
         *
         * @param ids the UUIDs, none blank
         * @return this builder
         */
        public Builder marketIds(Collection<String> ids) {
            marketIds.clear();
            for (String id : Objects.requireNonNull(ids, "ids")) {
                String value = nonBlank("marketIds", id);
                if (!marketIds.contains(value)) {
                    marketIds.add(value);
                }
            }
            singleId = false;
            return this;
        }

        /**
         * Sets {@code send_initial_snapshot}: the ticker channel then starts with the current values.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder sendInitialSnapshot(boolean value) {
            this.sendInitialSnapshot = value;
            return this;
        }

        /**
         * Sets {@code skip_ticker_ack}: {@code ok} replies then omit the market lists.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder skipTickerAck(boolean value) {
            this.skipTickerAck = value;
            return this;
        }

        /**
         * Sets {@code shard_factor} (communications fan-out, 1 to 100). Checked by the server.
         *
         * @param value the shard factor
         * @return this builder
         */
        public Builder shardFactor(int value) {
            this.shardFactor = value;
            return this;
        }

        /**
         * Sets {@code shard_key} (0 &le; key &lt; shard factor). Checked by the server.
         *
         * @param value the shard key
         * @return this builder
         */
        public Builder shardKey(int value) {
            this.shardKey = value;
            return this;
        }

        /**
         * Adds a {@code params} member this builder has no method for, e.g. {@code user_filter}.
         * It is written with the client's JSON mapper.
         *
         * @param name the member name, not one of the members set by the other methods
         * @param value the value, not null
         * @return this builder
         */
        public Builder param(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (List.of("channels", "market_ticker", "market_tickers", "market_id", "market_ids", "send_initial_snapshot",
                    "skip_ticker_ack", "shard_factor", "shard_key").contains(name)) {
                throw new IllegalArgumentException(name + " has its own builder method");
            }
            extraParams.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the pull buffer's overflow policy, overriding the channels' default.
         *
         * @param policy not null
         * @return this builder
         */
        public Builder overflowPolicy(OverflowPolicy policy) {
            this.overflowPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the pull buffer's capacity, overriding {@link WebSocketOptions#bufferCapacity()}.
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder bufferCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("bufferCapacity must be >= 1, got " + capacity);
            }
            this.bufferCapacity = capacity;
            return this;
        }

        /**
         * Makes this a push subscription: every message goes to {@code listener} on the client's
         * dispatch thread, in arrival order, and nothing is buffered. The listener must not block; an
         * exception it throws goes to the socket's error listeners.
         *
         * @param listener not null
         * @return this builder
         */
        public Builder listener(Consumer<? super WsMessage> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public SubscribeRequest build() {
            return new SubscribeRequest(this);
        }

        private static String nonBlank(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
