package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.kalshi4j.transport.KalshiJson;
import io.github.kalshi4j.ws.model.SubscribeCommandPayloadParams;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What to subscribe to (the {@code params} of a {@code subscribe} command) and how the resulting
 * {@link Subscription} delivers messages. Immutable; the same request is sent again, with the
 * subscription's current markets, whenever the client resubscribes after a reconnect.
 *
 * <pre>{@code
 * SubscribeRequest tickers = SubscribeRequest.builder(Channel.TICKER)
 *         .marketTickers("FED-23DEC-T3.00", "CORIVER-2024-T1030")
 *         .params(p -> p.sendInitialSnapshot(true))
 *         .build();
 * }</pre>
 *
 * <p><b>Parameters.</b> The channels and the markets have their own methods, because the client keeps them up to
 * date across {@code add_markets}/{@code delete_markets} and reconnects. Every other parameter of the spec's
 * {@code subscribe} command ({@code send_initial_snapshot}, {@code market_ids}, {@code shard_factor}, ...) is set
 * through the generated {@link SubscribeCommandPayloadParams.Builder} in {@link Builder#params params(...)}, so a
 * spec bump that adds one makes it available here with no change to this class; {@link Builder#param param(name,
 * value)} sends a parameter newer than the SDK.
 *
 * <p><b>Pull or push.</b> Without a {@link Builder#listener listener} the subscription buffers
 * messages for {@link Subscription#poll}, iteration and streams, bounded by the buffer capacity and
 * governed by the overflow policy (default: the channels' {@link Channel#defaultOverflowPolicy()}, FAIL
 * if any channel's is). With a listener, messages are pushed to it on the client's dispatch thread and
 * nothing is buffered.
 */
public final class SubscribeRequest {

    /** The JSON names of the spec's subscribe parameters, read off the generated model. */
    private static final Set<String> SPEC_PARAMS = specParams();
    /** The parameters with a method of their own here: the client maintains them. */
    private static final Set<String> OWN_PARAMS = Set.of("channels", "market_ticker", "market_tickers");

    private final List<Channel> channels;
    private final List<String> marketTickers;
    private final boolean singleTicker;
    private final SubscribeCommandPayloadParams params;
    private final OverflowPolicy overflowPolicy;
    private final Integer bufferCapacity;
    private final Consumer<? super WsMessage> listener;

    private SubscribeRequest(Builder b, SubscribeCommandPayloadParams params) {
        this.channels = List.copyOf(b.channels);
        this.marketTickers = List.copyOf(b.marketTickers);
        this.singleTicker = b.singleTicker && marketTickers.size() == 1;
        this.params = params;
        this.overflowPolicy = b.overflowPolicy;
        this.bufferCapacity = b.bufferCapacity;
        this.listener = b.listener;
    }

    /**
     * Starts a request for one or more channels.
     *
     * @param channel the first channel, not null; a constant, or {@link Channel#of(String)} for a channel newer
     *        than the SDK
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
        b.params = params.toBuilder();
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
     * Returns the other {@code subscribe} parameters: those set through {@link Builder#params params(...)}, and those
     * newer than the SDK (set with {@link Builder#param param(...)}) in
     * {@link SubscribeCommandPayloadParams#additionalProperties()}. Its channels and markets are always empty: they
     * are {@link #channels()} and {@link #marketTickers()}.
     *
     * @return the parameters, never null
     */
    public SubscribeCommandPayloadParams params() {
        return params;
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

    /**
     * Describes the request for logs: channels, markets, the names of the other parameters set, and the delivery.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SubscribeRequest{channels=").append(channels);
        if (!marketTickers.isEmpty()) {
            sb.append(", marketTickers=").append(marketTickers);
        }
        Set<String> set = setParams(params);
        if (!set.isEmpty()) {
            sb.append(", params=").append(set);
        }
        return sb.append(", ").append(listener != null ? "push" : "pull " + overflowPolicy()).append('}').toString();
    }

    private static Set<String> setParams(SubscribeCommandPayloadParams params) {
        ObjectMapper mapper = Mappers.MAPPER;
        Set<String> names = new LinkedHashSet<>();
        mapper.valueToTree(params).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> specParams() {
        ObjectMapper mapper = Mappers.MAPPER;
        BeanDescription bean = mapper.getSerializationConfig()
                .introspect(mapper.constructType(SubscribeCommandPayloadParams.class));
        return bean.findProperties().stream().map(BeanPropertyDefinition::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** One mapper for the introspection and the descriptions above, made when first needed. */
    private static final class Mappers {
        static final ObjectMapper MAPPER = KalshiJson.newMapper();
    }

    /** Builds {@link SubscribeRequest}s. Not thread-safe. */
    public static final class Builder {
        private final LinkedHashSet<Channel> channels = new LinkedHashSet<>();
        private final List<String> marketTickers = new ArrayList<>();
        private boolean singleTicker;
        private SubscribeCommandPayloadParams.Builder params = SubscribeCommandPayloadParams.builder();
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
         * Sets the spec's other {@code subscribe} parameters on the generated parameter builder, e.g.
         * {@code params(p -> p.sendInitialSnapshot(true))} or {@code params(p -> p.shardFactor(4).shardKey(1))}.
         * Channels and markets are set with this builder's own methods, not here. Called again, it edits the same
         * parameters.
         *
         * @param edit changes the parameters, not null
         * @return this builder
         */
        public Builder params(Consumer<SubscribeCommandPayloadParams.Builder> edit) {
            Objects.requireNonNull(edit, "edit").accept(params);
            return this;
        }

        /**
         * Adds a {@code params} member newer than this SDK version, written with the client's JSON mapper. A
         * parameter the spec defines is set with {@link #params params(...)} instead.
         *
         * @param name the member name, not one the spec defines
         * @param value the value, not null
         * @return this builder
         * @throws IllegalArgumentException if the spec defines {@code name}
         */
        public Builder param(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (OWN_PARAMS.contains(name)) {
                throw new IllegalArgumentException(name + " has its own builder method (channels: builder(...);"
                        + " markets: marketTicker(s)(...))");
            }
            if (SPEC_PARAMS.contains(name)) {
                throw new IllegalArgumentException(name + " is a parameter of the spec: set it with params(p -> ...)");
            }
            params.additionalProperty(name, Objects.requireNonNull(value, "value"));
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
         * Builds the request, checking the parameters against the spec's ranges.
         *
         * @return the request
         * @throws IllegalArgumentException if a parameter is out of the spec's range, or channels or markets were
         *         set through {@link #params params(...)}
         */
        public SubscribeRequest build() {
            SubscribeCommandPayloadParams built;
            try {
                built = params.build();
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("invalid subscribe parameters: " + e.getMessage(), e);
            }
            if (!built.channels().isEmpty() || built.marketTicker() != null || !built.marketTickers().isEmpty()) {
                throw new IllegalArgumentException("channels and markets are set with builder(...) and"
                        + " marketTicker(s)(...), not through params(...): the client keeps them up to date");
            }
            return new SubscribeRequest(this, built);
        }

        private static String nonBlank(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
