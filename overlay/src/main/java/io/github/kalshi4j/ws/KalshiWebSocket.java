package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.client.KalshiConfig;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Kalshi's WebSocket API over one connection (Tyrus), from {@code client.ws()} of a
 * {@link io.github.kalshi4j.client.KalshiClient} or {@link io.github.kalshi4j.client.KalshiAsyncClient}.
 *
 * <pre>{@code
 * try (KalshiClient client = KalshiClient.fromEnv();
 *      OrderbookHandle book = client.ws().orderbook("KXGOLD15M-26AUG102130-30").join()) {
 *     for (OrderbookView v : book) {
 *         System.out.println(v.bestYesBid().orElse(null) + " / " + v.yesAsk().orElse(null));
 *     }
 * }
 * }</pre>
 *
 * <p><b>Connection.</b> The socket connects on first use (or {@link #connect()}) to
 * {@link KalshiConfig#webSocketUrl()}, signing the handshake ({@code GET /trade-api/ws/v2}) afresh for
 * every attempt when the client has credentials; without them it connects unsigned, which only
 * public channels accept. It pings the server every {@link WebSocketOptions#pingInterval()} and
 * treats a connection silent for longer than {@link WebSocketOptions#heartbeatTimeout()} as dead.
 * A handshake refused with 401 is an authentication failure, reported at once and not retried for
 * minutes (see {@link #connect()}).
 * A lost connection is reconnected with the {@link WebSocketOptions#reconnectPolicy()}'s backoff;
 * every live subscription is then subscribed again, with new server {@code sid}s behind the same
 * {@link Subscription} handles, and order books are re-snapshotted. When the policy gives up, the
 * socket closes and every stream ends with a {@link io.github.kalshi4j.errors.KalshiWebSocketException};
 * state and error listeners hear of it (CLOSED, then the exception) before any consumer does.
 *
 * <p><b>Commands.</b> {@link #subscribe}, {@link Subscription#unsubscribe()},
 * {@link Subscription#addMarkets}, {@link Subscription#deleteMarkets},
 * {@link Subscription#requestSnapshot()} and {@link #listSubscriptions()} return futures completed by
 * the server's reply to the command's {@code id}. An {@code error} reply fails the future with a
 * {@link io.github.kalshi4j.errors.KalshiSubscriptionException} carrying Kalshi's code and message; no
 * reply within {@link WebSocketOptions#commandTimeout()} fails it with a
 * {@link io.github.kalshi4j.errors.KalshiTimeoutException}. Data frames keep flowing while commands are
 * pending.
 *
 * <p><b>Consuming.</b> Pull ({@link Subscription} is an {@code Iterable} with bounded buffering) or
 * push (a {@link SubscribeRequest.Builder#listener listener}, or {@link #on(Channel, Consumer)} for
 * everything on a channel). Listeners and handlers run on the socket's single dispatch thread, in
 * arrival order: they must not block, and must not wait on this socket's futures (that would stall
 * the thread that completes them). An exception a listener throws goes to the
 * {@link #onError(Consumer) error listeners}.
 *
 * <p><b>Sequence.</b> On sequenced channels ({@link Channel#isSequenced()}) a repeated {@code seq} is
 * dropped, a gap or a step back is reported to {@link #onSequenceEvent(Consumer)} listeners, and
 * order books resynchronize by themselves ({@code get_snapshot}, or a fresh subscribe if the server
 * refuses it), backing off when they have to ask again and again. A snapshot is the new baseline
 * of its sid whatever the {@code seq} before it, so one absurd {@code seq} costs one snapshot. A book
 * frame that does not decode, or holds a row or amount outside the bounds of a fixed-point value,
 * makes its book stale and asks for a snapshot the same way. Orderbook deltas that cannot be applied
 * (the local book is stale) are withheld from every consumer until the next snapshot.
 *
 * <p>Thread-safe. {@link #close()} sends a close frame, fails pending futures and ends every stream
 * cleanly; the owning client closes its socket with itself.
 */
public final class KalshiWebSocket implements AutoCloseable {

    private final WsEngine engine;

    private KalshiWebSocket(WsEngine engine) {
        this.engine = engine;
    }

    /**
     * Creates a socket; the clients do this for {@code ws()}. Nothing connects until first use.
     *
     * @param config the client's settings (URL, connect timeout, User-Agent, extra headers)
     * @param signer the signer, or null for an unauthenticated connection
     * @param clock time source for handshake signatures
     * @param mapper the client's JSON mapper
     * @param options WebSocket behaviour
     * @return the socket
     */
    public static KalshiWebSocket create(KalshiConfig config, KalshiSigner signer, Clock clock, ObjectMapper mapper,
            WebSocketOptions options) {
        return new KalshiWebSocket(new WsEngine(Objects.requireNonNull(config, "config"), signer,
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(mapper, "mapper"),
                Objects.requireNonNull(options, "options")));
    }

    /**
     * Connects now instead of on first use.
     *
     * <p>A handshake the server refuses with 401 (a key id it does not know, a private key that is not that
     * key's, a clock far off) is not a network failure and is not retried: the future fails at once with a
     * {@link io.github.kalshi4j.errors.KalshiAuthException} naming the key id (never the key), the error listeners
     * hear of it, and the socket closes. On a socket that has been open before, a refused reconnect is reported the
     * same way and tried at most twice more before the socket closes with that exception.
     *
     * @return a future completed when the connection first opens, or failed when the socket closes
     *     (the handshake was refused with 401, reconnecting gave up, or {@link #close()}) before that
     */
    public CompletableFuture<Void> connect() {
        return engine.connect();
    }

    /**
     * Subscribes; the returned handle delivers {@link WsMessage}s (pull, unless the request has a listener).
     *
     * <p>Kalshi allows one {@code orderbook_delta} subscription per market and connection. An
     * {@code orderbook_delta} request naming a market that an open {@link #orderbook(String)} handle
     * holds therefore fails at once with an {@link IllegalStateException} naming the market (nothing
     * is sent); so does {@link Subscription#addMarkets} of such a market.
     *
     * @param request what to subscribe to, not null
     * @return a future completed with the handle once the server confirmed every channel
     *     ({@code subscribed}, with a sid each), or failed with a
     *     {@link io.github.kalshi4j.errors.KalshiSubscriptionException}, a timeout, or the
     *     {@link IllegalStateException} above
     */
    public CompletableFuture<Subscription<WsMessage>> subscribe(SubscribeRequest request) {
        return engine.subscribe(Objects.requireNonNull(request, "request"), WsMessage.class);
    }

    /**
     * Subscribes with a typed pull stream that holds only messages of {@code type}, e.g.
     * {@code WsMessage.Ticker.class}. Other messages (such as {@link WsMessage.Unknown}) still reach
     * {@link #on(Channel, Consumer)} and {@link #onMessage(Consumer)} handlers.
     *
     * @param request what to subscribe to, not null
     * @param type the record type to keep, not null
     * @param <T> the element type
     * @return a future completed with the handle once the server confirmed every channel
     */
    public <T extends WsMessage> CompletableFuture<Subscription<T>> subscribe(SubscribeRequest request, Class<T> type) {
        return engine.subscribe(Objects.requireNonNull(request, "request"), Objects.requireNonNull(type, "type"));
    }

    /**
     * Streams one market's order book: subscribes to {@code orderbook_delta} for it (once, however many
     * handles are open for the market) and maintains a {@link LocalOrderbook}.
     *
     * <p>Kalshi allows one {@code orderbook_delta} subscription per market and connection, so a handle
     * cannot share a market with a {@link #subscribe(SubscribeRequest) user subscription} to
     * {@code orderbook_delta} on this socket: if one covers the market (by ticker), the future fails
     * at once with an {@link IllegalStateException} naming that subscription. Read that
     * subscription's snapshots and deltas instead, or remove the market from it first. (A
     * subscription made by {@code market_id} cannot be recognized; the server then rejects the
     * handle's subscribe with error 6, "Already subscribed".)
     *
     * @param marketTicker the market, not blank
     * @return a future completed with the handle once the server confirmed the subscription; the book
     *     is stale until its snapshot arrives (see {@link OrderbookHandle#awaitFresh})
     */
    public CompletableFuture<OrderbookHandle> orderbook(String marketTicker) {
        if (marketTicker == null || marketTicker.isBlank()) {
            throw new IllegalArgumentException("marketTicker must not be blank");
        }
        return engine.orderbook(marketTicker);
    }

    /**
     * Asks the server which subscriptions this connection has ({@code list_subscriptions}). While the
     * socket is reconnecting the command waits for the next connection (its timeout starts when it is sent).
     *
     * @return a future completed with the server's list (sids of the current connection)
     */
    public CompletableFuture<List<ServerSubscription>> listSubscriptions() {
        return engine.listSubscriptions();
    }

    /**
     * Returns the live subscriptions made through {@link #subscribe} (not the internal ones behind
     * order book handles).
     *
     * @return an unmodifiable snapshot
     */
    public List<Subscription<?>> subscriptions() {
        return engine.subscriptions();
    }

    /**
     * Returns the connection state.
     *
     * @return the state; CONNECTING before first use
     */
    public ConnectionState state() {
        return engine.state();
    }

    /**
     * Registers a handler for every message on a channel, from every subscription (and frames whose
     * sid is not one of ours, by envelope type). Runs on the dispatch thread; must not block.
     *
     * @param channel the channel, not null
     * @param handler the handler, not null
     * @return the registration; close it to remove the handler
     */
    public Registration on(Channel channel, Consumer<? super WsMessage> handler) {
        return engine.on(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Registers a handler for every data message, including {@link WsMessage.Unknown} ones.
     *
     * @param handler the handler, not null
     * @return the registration
     */
    public Registration onMessage(Consumer<? super WsMessage> handler) {
        return engine.onMessage(Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Registers a listener for state changes (CONNECTING, OPEN, RECONNECTING, CLOSED).
     *
     * @param listener the listener, not null
     * @return the registration
     */
    public Registration onStateChange(Consumer<? super ConnectionState> listener) {
        return engine.onState(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Registers a listener for problems that belong to no future: lost connections, exceptions thrown
     * by listeners and handlers, undecodable frames, rejected resubscribes, unsolicited {@code error}
     * replies, and the final exception when reconnecting gives up. Without any error listener these are
     * logged at WARN.
     *
     * @param listener the listener, not null
     * @return the registration
     */
    public Registration onError(Consumer<? super Throwable> listener) {
        return engine.onError(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Registers a listener for sequence gaps and regressions on sequenced channels.
     *
     * @param listener the listener, not null
     * @return the registration
     */
    public Registration onSequenceEvent(Consumer<? super SequenceEvent> listener) {
        return engine.onSequence(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Returns the options this socket runs with.
     *
     * @return the options
     */
    public WebSocketOptions options() {
        return engine.options;
    }

    /**
     * Tells whether the socket has closed for good.
     *
     * @return true in state CLOSED
     */
    public boolean isClosed() {
        return engine.isClosed();
    }

    /**
     * Closes gracefully: sends a close frame, fails pending command futures, ends every subscription
     * and order book stream cleanly (buffered messages remain readable) and stops the socket's threads.
     * Idempotent; blocks for at most a few seconds.
     */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * Describes the socket for logs.
     *
     * @return URL, state and number of subscriptions
     */
    @Override
    public String toString() {
        return "KalshiWebSocket{" + engine.config().webSocketUrl() + ", " + state() + ", " + subscriptions().size()
                + " subscriptions}";
    }
}
