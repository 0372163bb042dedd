package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import io.github.kalshi4j.internal.DaemonThreads;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery behind {@link KalshiWebSocket}, as collaborators on one actor thread:
 * <ul>
 *   <li>{@link Actor}: the thread, with a lane of its own for socket events;</li>
 *   <li>{@link Connection}: one connection at a time, heartbeat, reconnect backoff, refused keys;</li>
 *   <li>{@link Commands}: command ids, replies, timeouts;</li>
 *   <li>{@link Router}: inbound frames to replies, subscriptions and handlers, through the {@link SequenceGate};</li>
 *   <li>{@link BookSync}: local order books, stale marking and bounded resyncs;</li>
 *   <li>{@link Subscriptions} and {@link MarketUpdates}: the user's subscriptions on the server.</li>
 * </ul>
 * The engine wires them, turns public calls into actor tasks and ends everything in order.
 *
 * <p><b>Threading.</b> All mutable state is confined to the actor thread: Tyrus callbacks, public calls, timers and
 * reconnect attempts all post tasks to it. That keeps the ordering of frames, replies and state changes obvious and
 * needs no locks. Blocking work (the handshake, sending a close frame) runs on a separate I/O pool and posts its
 * outcome back.
 */
final class WsEngine {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final KalshiConfig config;
    final WebSocketOptions options;
    private final Listeners listeners = new Listeners();
    private final Actor actor;
    private final ExecutorService io;
    private final Connection connection;
    private final Commands commands;
    private final BookSync books;
    private final Router router;
    private final Subscriptions subscriptions;
    private final MarketUpdates marketUpdates;
    private final AtomicLong handleIds = new AtomicLong();
    private volatile KalshiException ending;

    WsEngine(KalshiConfig config, KalshiSigner signer, Clock clock, ObjectMapper mapper, WebSocketOptions options) {
        this.config = config;
        this.options = options;
        int n = INSTANCES.incrementAndGet();
        Consumer<Throwable> errors = listeners::error;
        actor = new Actor("kalshi4j-ws-" + n, errors);
        ScheduledThreadPoolExecutor heartbeat = new ScheduledThreadPoolExecutor(1,
                DaemonThreads.factory("kalshi4j-ws-" + n + "-heartbeat"));
        heartbeat.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        heartbeat.setRemoveOnCancelPolicy(true);
        io = Executors.newCachedThreadPool(DaemonThreads.factory("kalshi4j-ws-" + n + "-io"));
        connection = new Connection(new TyrusConnector(config.webSocketUrl(), signer, clock, config), options,
                config.connectTimeout(), actor, heartbeat, io, listeners, new ConnectionOwner());
        commands = new Commands(mapper, actor, connection, options.commandTimeout(), errors,
                this::orphanSubscribed);
        books = new BookSync(actor, connection, commands, options.reconnectPolicy(), options.commandTimeout(), errors,
                this::resubscribeForBooks);
        SequenceGate gate = new SequenceGate(event -> {
            if (Channel.ORDERBOOK_DELTA.equals(event.channel())) {
                books.sequenceBroken(event.subscription());
            }
            listeners.sequence(event);
        });
        router = new Router(mapper, new FrameDecoder(mapper, errors), commands, gate, books, errors);
        subscriptions = new Subscriptions(mapper, actor, connection, commands, router, books,
                options.reconnectPolicy(), errors, new Subscriptions.Host() {
                    @Override
                    public ConnectionState state() {
                        return connection.state();
                    }

                    @Override
                    public void reconnect(KalshiWebSocketException cause) {
                        connection.reconnect(cause);
                    }

                    @Override
                    public void healthChanged() {
                        connection.maybeHealthy();
                    }
                });
        marketUpdates = new MarketUpdates(commands, subscriptions.bookFeeds);
    }

    // Collaborators built before Subscriptions reach it through these.
    private void orphanSubscribed(long sid) {
        subscriptions.orphanSubscribed(sid);
    }

    private void resubscribeForBooks(Subscription<?> sub) {
        subscriptions.resubscribeForBooks(sub);
    }

    /** What the connection's life means for commands, routes and subscriptions. */
    private final class ConnectionOwner implements Connection.Owner {
        @Override
        public void opened() {
            router.connectionOpened();
            subscriptions.opened();
            commands.opened();
        }

        @Override
        public void text(String frame) {
            router.onText(frame);
        }

        @Override
        public void framesDropped(int dropped, int capacity) {
            reportError(new KalshiWebSocketException("inbound queue full (" + capacity + " frames): dropped "
                    + dropped + " data frames while handlers caught up; order books resynchronize and pull "
                    + "subscriptions under FAIL get a KalshiStreamGapException"));
            subscriptions.framesDropped(capacity);
        }

        @Override
        public void lost(KalshiWebSocketException cause, Consumer<Runnable> step) {
            commands.connectionLost(cause, step);
            router.connectionLost();
            subscriptions.connectionLost(step);
        }

        @Override
        public void giveUp(KalshiException failure) {
            terminate(failure);
        }

        @Override
        public boolean subscriptionsLive() {
            return subscriptions.allLive();
        }
    }

    // ------------------------------------------------------------------ public-call plumbing

    ConnectionState state() {
        return connection.state();
    }

    List<Subscription<?>> subscriptions() {
        return subscriptions.view();
    }

    KalshiConfig config() {
        return config;
    }

    boolean isClosed() {
        return connection.isClosed();
    }

    /** Runs {@code body} on the actor once started; its future fails at once if the socket is closed. */
    private <R> CompletableFuture<R> submit(Consumer<CompletableFuture<R>> body) {
        CompletableFuture<R> f = new CompletableFuture<>();
        if (!actor.execute(() -> {
            if (connection.isClosed()) {
                f.completeExceptionally(endingException());
                return;
            }
            connection.start();
            try {
                body.accept(f);
            } catch (RuntimeException e) {
                // Whatever went wrong, the caller's future must not hang.
                f.completeExceptionally(e);
            }
        })) {
            f.completeExceptionally(endingException());
        }
        return f;
    }

    private KalshiException endingException() {
        KalshiException e = ending;
        return e != null ? e : new KalshiWebSocketException("the WebSocket is closed");
    }

    Registration onState(Consumer<? super ConnectionState> l) {
        return listeners.onState(l);
    }

    Registration onError(Consumer<? super Throwable> l) {
        return listeners.onError(l);
    }

    Registration onSequence(Consumer<? super SequenceEvent> l) {
        return listeners.onSequence(l);
    }

    Registration onMessage(Consumer<? super WsMessage> l) {
        return router.onMessage(l);
    }

    Registration on(Channel channel, Consumer<? super WsMessage> l) {
        return router.on(channel, l);
    }

    void reportError(Throwable error) {
        listeners.error(error);
    }

    // ------------------------------------------------------------------ connection lifecycle

    CompletableFuture<Void> connect() {
        return submit(started -> connection.firstOpen().whenComplete((v, e) -> {
            if (e != null) {
                started.completeExceptionally(e);
            } else {
                started.complete(null);
            }
        }));
    }

    /** Ends everything; {@code failure} null means a graceful close by the user or the client. */
    private void terminate(KalshiException failure) {
        if (connection.isClosed()) {
            return;
        }
        KalshiException end = failure != null ? failure
                : new KalshiWebSocketException("the WebSocket was closed by the client");
        ending = end;
        connection.close(failure);
        actor.shutdown();
        commands.end(end, listeners::step);
        subscriptions.endAll(failure, end, listeners::step);
        router.connectionLost();
        connection.firstOpen().completeExceptionally(end);
    }

    /** Graceful close from any thread: close frame, pending futures failed, streams ended. */
    void close() {
        if (actor.onActor()) {
            terminate(null);
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (actor.execute(() -> {
            terminate(null);
            done.complete(null);
        })) {
            try {
                done.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("kalshi4j WebSocket close did not finish in time", e);
            }
        }
        try {
            // Let the close frame go out before returning.
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ subscriptions

    <T> CompletableFuture<Subscription<T>> subscribe(SubscribeRequest request, Class<T> type) {
        CompletableFuture<Subscription<T>> out = new CompletableFuture<>();
        Subscription<T> sub = new Subscription<>(this, handleIds.incrementAndGet(), request, type,
                options.bufferCapacity(), false);
        sub.ready.whenComplete((s, e) -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(s);
            }
        });
        if (!actor.execute(() -> add(sub))) {
            out.completeExceptionally(endingException());
        }
        return out;
    }

    private void add(Subscription<?> sub) {
        if (connection.isClosed()) {
            sub.markClosed();
            sub.ready.completeExceptionally(endingException());
            return;
        }
        if (subscriptions.add(sub)) {
            connection.start();
        }
    }

    CompletableFuture<Void> unsubscribe(Subscription<?> sub) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!actor.execute(() -> subscriptions.unsubscribe(sub, f))) {
            f.complete(null);
        }
        return f;
    }

    CompletableFuture<List<String>> updateMarkets(Subscription<?> sub, String action, List<String> tickers) {
        return submit(f -> marketUpdates.update(sub, action, tickers, f));
    }

    CompletableFuture<Void> requestSnapshot(Subscription<?> sub) {
        return submit(f -> {
            Long sid = sub.sids.get(Channel.ORDERBOOK_DELTA);
            if (sub.isClosed()) {
                f.completeExceptionally(new KalshiWebSocketException("the subscription is closed"));
            } else if (sid == null) {
                // Not live: the subscribe that makes it live starts with snapshots anyway.
                f.complete(null);
            } else {
                books.getSnapshot(sub, sid, f);
            }
        });
    }

    CompletableFuture<List<ServerSubscription>> listSubscriptions() {
        return submit(commands::listSubscriptions);
    }

    // ------------------------------------------------------------------ order book handles

    CompletableFuture<OrderbookHandle> orderbook(String marketTicker) {
        return submit(f -> {
            BookFeed feed = subscriptions.bookFeeds.get(marketTicker);
            Subscription<?> holder = feed == null ? subscriptions.userBookSubscription(marketTicker) : null;
            if (holder != null) {
                f.completeExceptionally(new IllegalStateException("orderbook(\"" + marketTicker + "\"): " + holder
                        + " already subscribes orderbook_delta for " + marketTicker + ", and Kalshi allows one "
                        + "orderbook_delta subscription per market and connection: read the snapshots and deltas of "
                        + "that subscription, or remove the market from it (deleteMarkets, close) first"));
                return;
            }
            if (feed == null) {
                // One internal subscription per market, shared by every handle of it.
                SubscribeRequest request = SubscribeRequest.builder(Channel.ORDERBOOK_DELTA).marketTicker(marketTicker)
                        .build();
                Subscription<WsMessage> sub = new Subscription<>(this, handleIds.incrementAndGet(), request,
                        WsMessage.class, 1, true);
                LocalOrderbook book = new LocalOrderbook(marketTicker);
                sub.books.put(marketTicker, book);
                feed = new BookFeed(marketTicker, sub, book);
                sub.bookFeed = feed;
                subscriptions.bookFeeds.put(marketTicker, feed);
                add(sub);
            }
            OrderbookHandle handle = new OrderbookHandle(this, feed, options.viewBufferCapacity());
            feed.handles.add(handle);
            if (!feed.book.isStale()) {
                handle.offer(feed.book.snapshot());
            }
            feed.subscription.ready.whenComplete((s, e) -> {
                if (e != null) {
                    f.completeExceptionally(e);
                } else {
                    f.complete(handle);
                }
            });
        });
    }

    void closeHandle(OrderbookHandle handle) {
        actor.execute(() -> {
            BookFeed feed = handle.bookFeed();
            handle.end(null);
            if (feed.handles.remove(handle) && feed.handles.isEmpty()) {
                subscriptions.bookFeeds.remove(feed.marketTicker, feed);
                unsubscribe(feed.subscription);
            }
        });
    }
}
