package io.github.kalshi4j.ws;

import io.github.kalshi4j.errors.KalshiBackpressureException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The user's stable handle to a subscription: it outlives reconnects, while the server's
 * {@code sid}s behind it change with every resubscribe.
 *
 * <p><b>Pull.</b> Unless the request had a listener, messages are buffered for {@link #poll},
 * {@link #iterator()} and {@link #stream()}, which block. The buffer is bounded: under
 * {@link OverflowPolicy#DROP_OLDEST} the oldest message is evicted (see {@link #droppedCount()});
 * under {@link OverflowPolicy#FAIL} the consumer gets a {@link KalshiBackpressureException} where
 * messages were lost, after the messages received before, and may go on consuming afterwards. On
 * {@link Channel#ORDERBOOK_DELTA} the client then asks the server for fresh snapshots and withholds
 * the affected markets' deltas until they arrive, so what follows the exception can be applied
 * from scratch.
 *
 * <p><b>Gaps.</b> The server does not replay what it sent while a subscription was down. So when a
 * pull subscription under {@link OverflowPolicy#FAIL} with a channel other than
 * {@link Channel#ORDERBOOK_DELTA} (fills, user orders, order group updates, positions...) is live again
 * after a reconnect (or after a resubscribe that resynchronized its books), and when the socket had to
 * drop inbound frames because its dispatch thread fell behind (see
 * {@link WebSocketOptions#inboundQueueCapacity()}), the consumer gets a
 * {@link io.github.kalshi4j.errors.KalshiStreamGapException} once, in stream order: after the messages
 * received before, before those received after. The subscription stays alive; the exception means
 * "reconcile over REST now", e.g. fetch fills and orders since the last one seen. Order books need no
 * such signal: they are rebuilt from the fresh snapshots that follow (a pull consumer of
 * {@code orderbook_delta} under FAIL still gets the signal after an inbound drop, and that market's
 * deltas are withheld until its snapshot). Under DROP_OLDEST no gap signal is given; on an
 * {@code orderbook_delta} subscription an evicted frame makes the client fetch a fresh snapshot for
 * its market and withhold that market's deltas until it arrives.
 *
 * <p><b>Endings.</b> {@link #close()} or {@link #unsubscribe()} end the stream cleanly (buffered
 * messages are still delivered, then iteration ends), as does closing the socket. If the server
 * rejects a resubscribe or the socket gives up reconnecting, the stream ends with that exception
 * (a {@link io.github.kalshi4j.errors.KalshiSubscriptionException} or a
 * {@link KalshiWebSocketException}) instead: never a silent end.
 *
 * <p>Thread-safe. One consumer per subscription; several consumers would each see a part of the
 * messages.
 *
 * @param <T> the element type of the pull stream: {@link WsMessage}, or the record type given to
 *     {@link KalshiWebSocket#subscribe(SubscribeRequest, Class)}
 */
public final class Subscription<T> implements Iterable<T>, AutoCloseable {

    private final WsEngine engine;
    private final long handleId;
    private final SubscribeRequest request;
    private final Class<T> elementType;
    private final Feed<T> feed;
    private final Consumer<? super WsMessage> listener;
    private final boolean internal;
    final CompletableFuture<Subscription<T>> ready = new CompletableFuture<>();

    // Visible to any thread; written on the dispatch thread.
    private volatile Map<Channel, Long> sidsView = Map.of();
    private volatile List<String> marketsView;
    private volatile boolean closed;

    // Dispatch-thread state.
    final Map<Channel, Long> sids = new LinkedHashMap<>();
    final Map<Long, SequenceTracker> trackers = new HashMap<>();
    final Map<String, LocalOrderbook> books = new LinkedHashMap<>();
    final Set<String> consumerAwaitingSnapshot = new HashSet<>();
    final LinkedHashSet<String> markets;
    /** Commands waiting for the subscribe in flight; failed with the subscription if it never binds. */
    final List<CompletableFuture<Void>> afterBound = new ArrayList<>();
    int pendingSubscribeId;
    boolean resyncInFlight;
    /** Resyncs asked for, each within the backoff cap of the one before; spaces out the next one (backoff). */
    int resyncAttempts;
    /** When the last resync was asked for; a cap's worth of quiet after it starts the backoff over. */
    long lastResyncNanos;
    long resyncNotBeforeNanos;
    boolean resyncTimerArmed;
    /** Until then, snapshots answering the last resync or subscribe may still be on their way. */
    long snapshotsDueNanos;
    /** Consecutive transient rejections of this subscription's resubscribe. */
    int transientRetries;
    /** Why the next confirmed resubscribe may have missed messages (for the gap signal). */
    String resubscribeReason = "a reconnect";
    BookFeed bookFeed;

    Subscription(WsEngine engine, long handleId, SubscribeRequest request, Class<T> elementType, int defaultCapacity,
            boolean internal) {
        this.engine = engine;
        this.handleId = handleId;
        this.request = request;
        this.elementType = elementType;
        this.internal = internal;
        this.listener = request.listener().orElse(null);
        this.feed = listener == null && !internal
                ? new Feed<>(request.bufferCapacity().orElse(defaultCapacity), request.overflowPolicy())
                : null;
        // Deadlines compare by subtraction from nanoTime, whose origin is arbitrary: start them at "now".
        this.resyncNotBeforeNanos = System.nanoTime();
        this.snapshotsDueNanos = resyncNotBeforeNanos;
        this.lastResyncNanos = resyncNotBeforeNanos;
        this.markets = new LinkedHashSet<>(request.marketTickers());
        this.marketsView = List.copyOf(markets);
    }

    /**
     * Returns the request this subscription was made with. Markets added or removed since are in
     * {@link #marketTickers()}.
     *
     * @return the original request
     */
    public SubscribeRequest request() {
        return request;
    }

    /**
     * Returns the subscribed channels.
     *
     * @return an unmodifiable list
     */
    public List<Channel> channels() {
        return request.channels();
    }

    /**
     * Returns the markets currently subscribed by ticker: the request's, changed by
     * {@link #addMarkets} and {@link #deleteMarkets} (and by the server's acknowledgements of them).
     *
     * @return an unmodifiable list, empty for all markets
     */
    public List<String> marketTickers() {
        return marketsView;
    }

    /**
     * Returns the server's subscription ids on the current connection, one per channel.
     *
     * @return an unmodifiable map; empty while not (yet, or no longer) subscribed on a live connection
     */
    public Map<Channel, Long> sids() {
        return sidsView;
    }

    /**
     * Returns the server's subscription id for one channel on the current connection.
     *
     * @param channel one of this subscription's channels
     * @return the sid, or empty while not subscribed on a live connection
     */
    public OptionalLong sid(Channel channel) {
        Long sid = sidsView.get(channel);
        return sid == null ? OptionalLong.empty() : OptionalLong.of(sid);
    }

    /**
     * Tells whether the subscription is still wanted: false after {@link #close()}, after the server
     * rejected it and after the socket closed.
     *
     * @return true until the subscription ends
     */
    public boolean isActive() {
        return !closed;
    }

    /**
     * Tells whether messages are pushed to a listener rather than buffered for pulling.
     *
     * @return true for a push subscription
     */
    public boolean isPush() {
        return feed == null;
    }

    /**
     * Takes the next message, waiting up to {@code timeout}.
     *
     * @param timeout how long to wait; zero or negative does not wait
     * @return the message, or null on timeout or once the subscription has ended cleanly and is drained
     * @throws InterruptedException if interrupted while waiting
     * @throws KalshiBackpressureException once where messages were lost under {@link OverflowPolicy#FAIL};
     *     polling again continues after the loss
     * @throws io.github.kalshi4j.errors.KalshiStreamGapException once where messages may be missing
     *     (reconnect, dropped inbound frames; see the class documentation); polling again continues
     * @throws io.github.kalshi4j.errors.KalshiException the terminal failure, once everything before it is consumed
     * @throws IllegalStateException for a push subscription
     */
    public T poll(Duration timeout) throws InterruptedException {
        return pull().poll(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Returns a blocking iterator: {@code hasNext()} waits for the next message, returns false after a
     * clean end and throws the terminal failure after a failed one. A
     * {@link KalshiBackpressureException} thrown by {@code hasNext()} marks lost messages, a
     * {@link io.github.kalshi4j.errors.KalshiStreamGapException} marks where messages may be missing;
     * the same iterator may be used on after catching either.
     *
     * @return an iterator consuming this subscription
     * @throws IllegalStateException for a push subscription
     */
    @Override
    public Iterator<T> iterator() {
        return pull().iterator();
    }

    /**
     * Returns a blocking, sequential stream of the messages, ending like {@link #iterator()}. Closing
     * the stream closes the subscription.
     *
     * @return a stream consuming this subscription
     * @throws IllegalStateException for a push subscription
     */
    public Stream<T> stream() {
        return pull().stream(this::close);
    }

    /**
     * Returns how many messages the buffer discarded: evictions under DROP_OLDEST, overflows under FAIL.
     *
     * @return the count, 0 for a push subscription
     */
    public long droppedCount() {
        return feed == null ? 0 : feed.droppedCount();
    }

    /**
     * Adds markets ({@code update_subscription} with {@code add_markets}), on every channel of this
     * subscription. While the subscription is not live on a connection the change is applied to the
     * request sent at the next (re)subscribe.
     *
     * @param marketTickers the markets to add, not empty
     * @return a future completed with the subscription's markets after the server's {@code ok}, or
     *     failed with a {@link io.github.kalshi4j.errors.KalshiSubscriptionException} or a timeout
     */
    public CompletableFuture<List<String>> addMarkets(Collection<String> marketTickers) {
        return engine.updateMarkets(this, "add_markets", checkTickers(marketTickers));
    }

    /**
     * Removes markets ({@code update_subscription} with {@code delete_markets}), on every channel of
     * this subscription.
     *
     * @param marketTickers the markets to remove, not empty
     * @return a future completed with the subscription's markets after the server's {@code ok}, or
     *     failed with a {@link io.github.kalshi4j.errors.KalshiSubscriptionException} or a timeout
     */
    public CompletableFuture<List<String>> deleteMarkets(Collection<String> marketTickers) {
        return engine.updateMarkets(this, "delete_markets", checkTickers(marketTickers));
    }

    /**
     * Asks the server to send fresh snapshots ({@code update_subscription} with {@code get_snapshot})
     * on this subscription's {@link Channel#ORDERBOOK_DELTA} channel. The client does this by itself
     * after a sequence gap or an overflow; this is for callers who want a snapshot anyway.
     *
     * @return a future completed on the server's {@code ok}
     * @throws IllegalStateException if this subscription has no orderbook channel
     */
    public CompletableFuture<Void> requestSnapshot() {
        if (!channels().contains(Channel.ORDERBOOK_DELTA)) {
            throw new IllegalStateException("requestSnapshot needs an orderbook_delta subscription, not " + channels());
        }
        return engine.requestSnapshot(this);
    }

    /**
     * Unsubscribes on the server and ends the stream cleanly (buffered messages remain readable).
     *
     * @return a future completed when the server confirmed every {@code unsubscribed} (at once if the
     *     subscription is not live on a connection)
     */
    public CompletableFuture<Void> unsubscribe() {
        return engine.unsubscribe(this);
    }

    /**
     * Unsubscribes without waiting for the server; a failure goes to the socket's error listeners.
     * Idempotent.
     */
    @Override
    public void close() {
        engine.unsubscribe(this).whenComplete((v, e) -> {
            // Nobody waits on this future, so a rejection must still be heard.
            if (e != null && !(e instanceof KalshiWebSocketException)) {
                engine.reportError(e);
            }
        });
    }

    /**
     * Describes the subscription for logs.
     *
     * @return handle id, channels, markets and current sids
     */
    @Override
    public String toString() {
        return "Subscription#" + handleId + "{" + request.channels() + (marketsView.isEmpty() ? "" : " " + marketsView)
                + (sidsView.isEmpty() ? "" : " sids=" + sidsView) + (closed ? " closed" : "") + "}";
    }

    // ---- dispatch-thread side, used by WsEngine

    private Feed<T> pull() {
        if (feed == null) {
            throw new IllegalStateException(internal ? "internal subscription" : "push subscription: messages go to its listener");
        }
        return feed;
    }

    private static List<String> checkTickers(Collection<String> tickers) {
        Objects.requireNonNull(tickers, "marketTickers");
        if (tickers.isEmpty()) {
            throw new IllegalArgumentException("marketTickers must not be empty");
        }
        List<String> out = new ArrayList<>();
        for (String t : tickers) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("marketTickers must not contain blank tickers");
            }
            out.add(t);
        }
        return Collections.unmodifiableList(out);
    }

    Feed<T> feed() {
        return feed;
    }

    Consumer<? super WsMessage> listener() {
        return listener;
    }

    Class<T> elementType() {
        return elementType;
    }

    boolean isInternal() {
        return internal;
    }

    boolean isClosed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    void bind(Channel channel, long sid) {
        sids.put(channel, sid);
        trackers.put(sid, new SequenceTracker());
        sidsView = Collections.unmodifiableMap(new LinkedHashMap<>(sids));
    }

    void unbindAll() {
        sids.clear();
        trackers.clear();
        resyncInFlight = false;
        consumerAwaitingSnapshot.clear();
        sidsView = Map.of();
    }

    void setMarkets(Collection<String> tickers) {
        markets.clear();
        markets.addAll(tickers);
        marketsView = List.copyOf(markets);
    }

    /** The request to send now: the original one with the current markets. */
    SubscribeRequest currentRequest() {
        if (markets.equals(new LinkedHashSet<>(request.marketTickers()))) {
            return request;
        }
        SubscribeRequest.Builder b = request.toBuilder();
        if (markets.size() == 1 && request.singleTicker()) {
            b.marketTicker(markets.iterator().next());
        } else {
            b.marketTickers(markets);
        }
        return b.build();
    }
}
