package io.github.kalshi4j.ws;

import io.github.kalshi4j.internal.DaemonThreads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.errors.KalshiAuthException;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiStreamGapException;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiTimeoutException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import io.github.kalshi4j.ws.model.ListSubscriptionsCommandPayload;
import io.github.kalshi4j.ws.model.UnsubscribeCommandPayload;
import io.github.kalshi4j.ws.model.UnsubscribeCommandPayloadParams;
import io.github.kalshi4j.ws.model.UpdateSubscriptionCommandPayload;
import io.github.kalshi4j.ws.model.UpdateSubscriptionCommandPayloadParams;
import jakarta.websocket.CloseReason;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery behind {@link KalshiWebSocket}: one connection at a time, command/reply correlation,
 * routing by {@code sid}, sequence checks, local books, buffering, liveness and reconnects.
 *
 * <p><b>Threading.</b> All mutable state is confined to one dispatch thread (an actor): Tyrus
 * callbacks, public calls, timers and reconnect attempts all post tasks to it. That keeps the
 * ordering of frames, replies and state changes obvious and needs no locks. Blocking work (the
 * handshake, sending a close frame) runs on a separate I/O pool and posts its outcome back. Every
 * connection gets a generation number; events of an older connection are ignored.
 */
final class WsEngine {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final int RETIRED_LIMIT = 1024;
    private static final Duration STABLE_AT_MOST = Duration.ofSeconds(10);
    /**
     * How long a subscription's books must go without a resync before the resync backoff starts over. Long enough
     * that a server poisoning the stream continuously climbs to the cap; short enough that bad frames a few
     * seconds apart are each repaired at once (found by the reliability suite's poisoned-books scenarios: with the
     * whole cap, 30 s, here, a book poisoned once every second or two stayed stale for tens of seconds).
     */
    private static final Duration BOOKS_QUIET = Duration.ofSeconds(1);
    /** Transient rejections of one resubscribe retried before it fails like a permanent one. */
    private static final int TRANSIENT_RETRY_LIMIT = 5;
    /**
     * Handshakes refused with 401 tried again, one after another, on a socket that has been open before with the same
     * key, before it closes. A key that never got in is refused for good at once; one that worked may have met a
     * passing refusal (a gateway restarting, a clock just corrected), which is worth two more tries, not minutes.
     */
    static final int AUTH_RETRY_LIMIT = 2;

    private final KalshiConfig config;
    final WebSocketOptions options;
    private final ObjectMapper mapper;
    private final TyrusConnector connector;
    private final FrameDecoder decoder;
    private final ScheduledExecutorService actor;
    private final ScheduledExecutorService heartbeat;
    private final ExecutorService io;
    private volatile Thread actorThread;
    private final AtomicInteger commandIds = new AtomicInteger();
    private final AtomicLong handleIds = new AtomicLong();

    private final CopyOnWriteArrayList<Consumer<? super ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<? super Throwable>> errorListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<? super SequenceEvent>> sequenceListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<? super WsMessage>> messageHandlers = new CopyOnWriteArrayList<>();
    // Channels newer than the SDK get their list on first registration.
    private final Map<Channel, CopyOnWriteArrayList<Consumer<? super WsMessage>>> channelHandlers =
            new java.util.concurrent.ConcurrentHashMap<>();

    // Readable from any thread, written on the dispatch thread.
    private volatile ConnectionState state;
    private volatile KalshiException ending;
    private volatile List<Subscription<?>> subscriptionsView = List.of();

    // Dispatch-thread state.
    private TyrusConnector.Link link;
    private long generation;
    private int attempt;
    /** Handshakes refused with 401 since the last one that opened. */
    private int authRefusals;
    private boolean connectionStable;
    private final List<ScheduledFuture<?>> connectionTimers = new ArrayList<>();
    private final CompletableFuture<Void> firstOpen = new CompletableFuture<>();
    private final Map<Integer, Pending> pending = new HashMap<>();
    private final Set<Integer> retiredIds = boundedSet();
    private final Set<Long> retiredSids = boundedSet();
    private final LinkedHashSet<Subscription<?>> subscriptions = new LinkedHashSet<>();
    private final Map<Long, Route> routes = new HashMap<>();
    private final Map<String, BookFeed> bookFeeds = new HashMap<>();
    private final List<Deferred> whenOpen = new ArrayList<>();
    private boolean getSnapshotUnsupported;

    private record Route(Subscription<?> subscription, Channel channel) {
    }

    private record Deferred(Runnable run, Consumer<Throwable> fail) {
    }

    /** Socket events waiting for the dispatch thread, in arrival order; see {@link #inbound}. */
    private final ConcurrentLinkedQueue<Runnable> inboundEvents = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean inboundDraining = new AtomicBoolean();
    private static final int INBOUND_BATCH = 256;

    WsEngine(KalshiConfig config, KalshiSigner signer, Clock clock, ObjectMapper mapper, WebSocketOptions options) {
        this.config = config;
        this.options = options;
        this.mapper = mapper;
        this.connector = new TyrusConnector(config.webSocketUrl(), signer, clock, config);
        this.decoder = new FrameDecoder(mapper, this::reportError);
        int n = INSTANCES.incrementAndGet();
        ScheduledThreadPoolExecutor dispatch = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kalshi4j-ws-" + n);
            t.setDaemon(true);
            actorThread = t;
            return t;
        });
        // After the end nothing scheduled may run: timers belong to a socket that no longer exists.
        dispatch.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        dispatch.setRemoveOnCancelPolicy(true);
        this.actor = dispatch;
        ScheduledThreadPoolExecutor beat = new ScheduledThreadPoolExecutor(1,
                DaemonThreads.factory("kalshi4j-ws-" + n + "-heartbeat"));
        beat.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        beat.setRemoveOnCancelPolicy(true);
        this.heartbeat = beat;
        this.io = Executors.newCachedThreadPool(DaemonThreads.factory("kalshi4j-ws-" + n + "-io"));
    }


    private static <E> Set<E> boundedSet() {
        // Remembers recent ids only: late replies to abandoned commands come within seconds.
        return java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<E, Boolean> eldest) {
                return size() > RETIRED_LIMIT;
            }
        });
    }

    // ------------------------------------------------------------------ public-call plumbing

    ConnectionState state() {
        ConnectionState s = state;
        return s == null ? ConnectionState.CONNECTING : s;
    }

    List<Subscription<?>> subscriptions() {
        return subscriptionsView;
    }

    KalshiConfig config() {
        return config;
    }

    private boolean onActor() {
        return Thread.currentThread() == actorThread;
    }

    /** Runs {@code task} on the dispatch thread (inline if already there); false once the engine has stopped. */
    private boolean run(Runnable task) {
        if (onActor()) {
            guarded(task);
            return true;
        }
        try {
            actor.execute(() -> guarded(task));
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    /**
     * Runs a socket event (a frame, open, close, failure) on the dispatch thread, after every socket event that came
     * before it. The events wait in a lock-free lane that one dispatch task drains, so a burst of frames costs a
     * queue offer each instead of an executor task each (the scheduled executor's queue is a locked heap); the
     * drain yields to other dispatch work every {@value #INBOUND_BATCH} events. False once the engine has stopped.
     */
    private boolean inbound(Runnable event) {
        if (actor.isShutdown()) {
            return false;
        }
        inboundEvents.offer(event);
        if (inboundDraining.compareAndSet(false, true)) {
            try {
                actor.execute(this::drainInbound);
            } catch (RejectedExecutionException stopped) {
                inboundDraining.set(false);
                return false;
            }
        }
        return true;
    }

    private void drainInbound() {
        int done = 0;
        while (true) {
            Runnable event;
            while ((event = inboundEvents.poll()) != null) {
                guarded(event);
                if (++done == INBOUND_BATCH && !inboundEvents.isEmpty()) {
                    try {
                        actor.execute(this::drainInbound);
                    } catch (RejectedExecutionException stopped) {
                        inboundDraining.set(false);
                    }
                    return;
                }
            }
            inboundDraining.set(false);
            // An event offered after the poll above and before the flag dropped found the flag still set and
            // scheduled nothing: this task takes it.
            if (inboundEvents.isEmpty() || !inboundDraining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            // A bug here must not kill the dispatch thread silently.
            LOG.error("kalshi4j WebSocket dispatch task failed", t);
            reportError(t);
        }
    }

    private void schedule(Runnable task, Duration delay, List<ScheduledFuture<?>> into) {
        try {
            ScheduledFuture<?> f = actor.schedule(() -> guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            if (into != null) {
                into.add(f);
            }
        } catch (RejectedExecutionException stopped) {
            // Shutting down.
        }
    }

    private <R> CompletableFuture<R> submit(Consumer<CompletableFuture<R>> body) {
        CompletableFuture<R> f = new CompletableFuture<>();
        if (!run(() -> {
            if (state == ConnectionState.CLOSED) {
                f.completeExceptionally(endingException());
                return;
            }
            ensureStarted();
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

    // ------------------------------------------------------------------ listeners

    Registration onState(Consumer<? super ConnectionState> l) {
        stateListeners.add(l);
        return () -> stateListeners.remove(l);
    }

    Registration onError(Consumer<? super Throwable> l) {
        errorListeners.add(l);
        return () -> errorListeners.remove(l);
    }

    Registration onSequence(Consumer<? super SequenceEvent> l) {
        sequenceListeners.add(l);
        return () -> sequenceListeners.remove(l);
    }

    Registration onMessage(Consumer<? super WsMessage> l) {
        messageHandlers.add(l);
        return () -> messageHandlers.remove(l);
    }

    Registration on(Channel channel, Consumer<? super WsMessage> l) {
        List<Consumer<? super WsMessage>> list = channelHandlers.computeIfAbsent(channel,
                c -> new CopyOnWriteArrayList<>());
        list.add(l);
        return () -> list.remove(l);
    }

    void reportError(Throwable error) {
        if (errorListeners.isEmpty()) {
            LOG.warn("kalshi4j WebSocket: {}", error.toString(), error);
            return;
        }
        for (Consumer<? super Throwable> l : errorListeners) {
            try {
                l.accept(error);
            } catch (Throwable t) {
                LOG.warn("kalshi4j WebSocket error listener threw", t);
            }
        }
    }

    private void setState(ConnectionState next) {
        if (state == next) {
            return;
        }
        state = next;
        LOG.debug("kalshi4j WebSocket {} -> {}", config.webSocketUrl(), next);
        for (Consumer<? super ConnectionState> l : stateListeners) {
            try {
                l.accept(next);
            } catch (Throwable t) {
                reportError(t);
            }
        }
    }

    // ------------------------------------------------------------------ connection lifecycle

    CompletableFuture<Void> connect() {
        CompletableFuture<Void> f = submit(started -> firstOpen.whenComplete((v, e) -> {
            if (e != null) {
                started.completeExceptionally(e);
            } else {
                started.complete(null);
            }
        }));
        return f;
    }

    private void ensureStarted() {
        if (state == null) {
            setState(ConnectionState.CONNECTING);
            connectNow();
        }
    }

    /**
     * What arrived on one connection, written on Tyrus threads: liveness is judged by the socket, not by how far
     * the dispatch thread has got, so a slow handler never makes a healthy connection look dead.
     */
    private static final class Inbound {
        volatile long lastNanos = System.nanoTime();
        /** Frames handed to the dispatch thread and not yet processed. */
        final AtomicInteger queued = new AtomicInteger();
        /** Data frames dropped since the last overflow marker was queued. */
        final AtomicInteger dropped = new AtomicInteger();
        /** True from the first drop until the dispatch thread reaches the marker; everything but replies is dropped. */
        final AtomicBoolean overflowing = new AtomicBoolean();
    }

    private void connectNow() {
        long gen = ++generation;
        Inbound inbound = new Inbound();
        int capacity = options.inboundQueueCapacity();
        TyrusConnector.Events events = new TyrusConnector.Events() {
            @Override
            public void opened(TyrusConnector.Link l) {
                inbound.lastNanos = System.nanoTime();
                if (!inbound(() -> onOpened(gen, l, inbound))) {
                    l.close(CloseReason.CloseCodes.GOING_AWAY, "client closed");
                }
            }

            @Override
            public void text(String frame) {
                inbound.lastNanos = System.nanoTime();
                // Replies are never dropped: a lost one would leave a command hanging until its timeout. A data frame
                // that happens to carry an "id" key is kept too, which costs nothing but queue space.
                boolean reply = frame.contains("\"id\"");
                if (!reply && (inbound.overflowing.get() || inbound.queued.get() >= capacity)) {
                    inbound.dropped.incrementAndGet();
                    if (inbound.overflowing.compareAndSet(false, true)) {
                        // Queued behind everything received before the first drop, ahead of everything after it.
                        inbound(() -> onInboundOverflow(gen, inbound, capacity));
                    }
                    return;
                }
                inbound.queued.incrementAndGet();
                if (!inbound(() -> {
                    inbound.queued.decrementAndGet();
                    onText(gen, frame);
                })) {
                    inbound.queued.decrementAndGet();
                }
            }

            @Override
            public void pong() {
                inbound.lastNanos = System.nanoTime();
            }

            @Override
            public void closed(int code, String reason) {
                inbound(() -> connectionLost(gen, new KalshiWebSocketException("connection closed by the server (code "
                        + code + (reason == null || reason.isEmpty() ? "" : ", " + reason) + ")")));
            }

            @Override
            public void failed(Throwable error) {
                inbound(() -> connectionLost(gen, new KalshiWebSocketException("connection failed: " + error, error)));
            }
        };
        // Tyrus normally fails a handshake the peer abandons, but not always promptly: the attempt gets a deadline
        // of its own, after which it counts as failed and whatever Tyrus reports later is ignored.
        Duration deadline = config.connectTimeout();
        schedule(() -> {
            if (gen == generation && link == null && state != ConnectionState.CLOSED) {
                connectionLost(gen, new KalshiWebSocketException("no WebSocket handshake within the connect timeout "
                        + deadline));
            }
        }, deadline, connectionTimers);
        try {
            io.execute(() -> {
                try {
                    connector.connect(events);
                } catch (Exception | Error e) {
                    KalshiAuthException refused = connector.refusedAuthentication(e);
                    run(() -> {
                        if (refused != null) {
                            handshakeRefused(gen, refused);
                        } else {
                            connectionLost(gen, new KalshiWebSocketException("could not connect to "
                                    + connector.url() + ": " + e.getMessage(), e));
                        }
                    });
                }
            });
        } catch (RejectedExecutionException stopped) {
            // Closing.
        }
    }

    private void onOpened(long gen, TyrusConnector.Link opened, Inbound inbound) {
        if (gen != generation || state == ConnectionState.CLOSED) {
            closeLink(opened, CloseReason.CloseCodes.GOING_AWAY, "superseded", null);
            return;
        }
        link = opened;
        authRefusals = 0;
        // The attempt count is not reset here: a server that accepts and drops at once would get retried forever
        // at the shortest delay. It resets once the connection has proven healthy (see maybeHealthy).
        connectionStable = false;
        schedule(() -> {
            if (gen == generation && link != null) {
                connectionStable = true;
                maybeHealthy();
            }
        }, stablePeriod(), connectionTimers);
        // Sids number the subscriptions of one connection; the old connection's mean nothing now.
        retiredSids.clear();
        setState(ConnectionState.OPEN);
        startHeartbeat(gen, opened, inbound);
        firstOpen.complete(null);
        for (Subscription<?> sub : new ArrayList<>(subscriptions)) {
            if (!sub.isClosed() && sub.pendingSubscribeId == 0) {
                sendSubscribe(sub);
            }
        }
        List<Deferred> queued = new ArrayList<>(whenOpen);
        whenOpen.clear();
        queued.forEach(d -> d.run().run());
    }

    /** How long a connection must stay up, all subscriptions confirmed, before reconnect backoff starts over. */
    private Duration stablePeriod() {
        Duration hb = options.heartbeatTimeout();
        return hb.compareTo(STABLE_AT_MOST) < 0 ? hb : STABLE_AT_MOST;
    }

    /** Resets the reconnect attempt count once the connection is stable and every subscription is live on it. */
    private void maybeHealthy() {
        if (!connectionStable || attempt == 0 || link == null) {
            return;
        }
        for (Subscription<?> sub : subscriptions) {
            if (!sub.isClosed() && (sub.pendingSubscribeId != 0 || sub.sids.isEmpty())) {
                return;
            }
        }
        LOG.debug("kalshi4j WebSocket connection healthy; reconnect backoff starts over (was attempt {})", attempt);
        attempt = 0;
    }

    /**
     * Pings and the silence watchdog run on a timer thread of their own: on the dispatch thread a slow handler
     * would hold back the pings (so no pongs come) and the check, and then the connection looks dead.
     */
    private void startHeartbeat(long gen, TyrusConnector.Link target, Inbound inbound) {
        long ping = options.pingInterval().toNanos();
        long timeout = options.heartbeatTimeout().toNanos();
        long check = Math.max(TimeUnit.MILLISECONDS.toNanos(10), timeout / 5);
        try {
            connectionTimers.add(heartbeat.scheduleAtFixedRate(target::ping, ping, ping, TimeUnit.NANOSECONDS));
            AtomicInteger reported = new AtomicInteger();
            connectionTimers.add(heartbeat.scheduleAtFixedRate(() -> {
                if (System.nanoTime() - inbound.lastNanos > timeout && reported.getAndIncrement() == 0) {
                    run(() -> connectionLost(gen, new KalshiWebSocketException("no frame or pong for longer than the "
                            + "heartbeat timeout " + options.heartbeatTimeout() + "; reconnecting")));
                }
            }, check, check, TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException stopped) {
            // Shutting down.
        }
    }

    /** Runs when the dispatch thread reaches the point where the first inbound frame was dropped. */
    private void onInboundOverflow(long gen, Inbound inbound, int capacity) {
        // Cleared first: a drop from now on queues a marker of its own, after the frames queued behind this one.
        inbound.overflowing.set(false);
        int dropped = inbound.dropped.getAndSet(0);
        if (gen != generation) {
            // That connection is gone; the reconnect resubscribes, re-snapshots and signals gaps by itself.
            return;
        }
        reportError(new KalshiWebSocketException("inbound queue full (" + capacity + " frames): dropped " + dropped
                + " data frames while handlers caught up; order books resynchronize and pull subscriptions under FAIL"
                + " get a KalshiStreamGapException"));
        for (Subscription<?> sub : new ArrayList<>(subscriptions)) {
            if (sub.isClosed()) {
                continue;
            }
            if (sub.channels().contains(Channel.ORDERBOOK_DELTA)) {
                staleBooks(sub);
                awaitSnapshot(sub, null);
                resyncSoon(sub, true);
            }
            Feed<?> feed = sub.feed();
            if (feed != null && feed.policy() == OverflowPolicy.FAIL) {
                feed.gap(new KalshiStreamGapException(sub + ": the socket dropped inbound frames while its dispatch "
                        + "thread was behind (inbound queue of " + capacity + " full); messages may be missing"));
            }
        }
    }

    /**
     * The server answered the handshake with 401. Retrying cannot help a key that never got in, so a socket that
     * never opened closes at once, failing {@link #connect()} and everything waiting with {@code refused}; one that
     * has been open tries {@value #AUTH_RETRY_LIMIT} more times on its usual backoff. Every refusal is reported at
     * once either way, whatever the reconnect policy would allow.
     */
    private void handshakeRefused(long gen, KalshiAuthException refused) {
        if (gen != generation || state == ConnectionState.CLOSED) {
            return;
        }
        authRefusals++;
        if (!firstOpen.isDone() || authRefusals > AUTH_RETRY_LIMIT) {
            KalshiAuthException end = new KalshiAuthException(refused.getMessage() + "; not retrying: the socket is "
                    + "closed", refused.getCause());
            LOG.warn("kalshi4j WebSocket: {}", end.getMessage());
            terminate(end);
            return;
        }
        int left = AUTH_RETRY_LIMIT + 1 - authRefusals;
        KalshiAuthException once = new KalshiAuthException(refused.getMessage() + "; trying " + left + " more time"
                + (left == 1 ? "" : "s") + " before closing the socket", refused.getCause());
        reportError(once);
        connectionLost(gen, new KalshiWebSocketException(once.getMessage(), once));
    }

    private void cancelConnectionTimers() {
        connectionTimers.forEach(f -> f.cancel(false));
        connectionTimers.clear();
    }

    private void connectionLost(long gen, KalshiWebSocketException cause) {
        if (gen != generation || state == ConnectionState.CLOSED) {
            return;
        }
        generation++;
        // Each clean-up step runs on its own: whatever one of them throws (a book, a command's callback), the socket
        // must still end up RECONNECTING with an attempt scheduled, never OPEN with no connection behind it.
        afterLoss(this::cancelConnectionTimers);
        TyrusConnector.Link old = link;
        link = null;
        if (old != null) {
            // Whatever state the old connection is in, make sure it is gone; its events are ignored from now on.
            afterLoss(() -> closeLink(old, CloseReason.CloseCodes.GOING_AWAY, "reconnecting", null));
        }
        LOG.info("kalshi4j WebSocket {}: {}", config.webSocketUrl(), cause.getMessage());
        List<Pending> inFlight = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending p : inFlight) {
            afterLoss(() -> {
                p.cancelTimeout();
                p.connectionLost(cause);
            });
        }
        routes.clear();
        for (Subscription<?> sub : new ArrayList<>(subscriptions)) {
            afterLoss(() -> {
                sub.pendingSubscribeId = 0;
                sub.unbindAll();
                sub.resubscribeReason = "a reconnect";
                staleBooks(sub);
            });
        }
        if (state == ConnectionState.OPEN) {
            reportError(cause);
        }
        attempt++;
        Optional<Duration> delay = reconnectDelay(attempt);
        if (delay.isEmpty()) {
            int tries = attempt - 1;
            terminate(new KalshiWebSocketException("gave up reconnecting to " + config.webSocketUrl() + " after "
                    + tries + (tries == 1 ? " attempt" : " attempts") + ": " + cause.getMessage(), cause));
            return;
        }
        setState(ConnectionState.RECONNECTING);
        LOG.debug("kalshi4j WebSocket reconnect attempt {} in {}", attempt, delay.get());
        schedule(() -> {
            if (state == ConnectionState.RECONNECTING) {
                connectNow();
            }
        }, delay.get(), connectionTimers);
    }

    /** One step of handling a lost connection (or the end): what it throws is reported, and the next step runs. */
    private void afterLoss(Runnable step) {
        try {
            step.run();
        } catch (Throwable t) {
            LOG.error("kalshi4j WebSocket: a step of handling a lost connection failed; carrying on", t);
            reportError(t);
        }
    }

    /**
     * The policy's delay for a reconnect attempt. A policy that throws (its jitter source is the caller's) still
     * gets its attempt limit honoured, with the un-jittered ceiling as the delay: the socket reconnects regardless.
     */
    private Optional<Duration> reconnectDelay(int attempt) {
        ReconnectPolicy policy = options.reconnectPolicy();
        try {
            return policy.delayForAttempt(attempt);
        } catch (RuntimeException e) {
            reportError(new KalshiWebSocketException("the reconnect policy failed (" + e.getMessage()
                    + "); waiting its ceiling for attempt " + attempt + " instead", e));
            if (policy.maxAttempts() != 0 && attempt > policy.maxAttempts()) {
                return Optional.empty();
            }
            return Optional.of(policy.ceilingForAttempt(attempt));
        }
    }

    /** Ends everything; {@code failure} null means a graceful close by the user or the client. */
    private void terminate(KalshiException failure) {
        if (state == ConnectionState.CLOSED) {
            return;
        }
        generation++;
        afterLoss(this::cancelConnectionTimers);
        KalshiException end = failure != null ? failure
                : new KalshiWebSocketException("the WebSocket was closed by the client");
        ending = end;
        // Listeners hear about the end before any consumer sees it, so a consumer woken by it finds it reported.
        setState(ConnectionState.CLOSED);
        if (failure != null) {
            reportError(failure);
        }
        TyrusConnector.Link old = link;
        link = null;
        // The close frame goes out first, then Tyrus is shut down, on the I/O pool so this thread never blocks.
        closeLink(old, failure == null ? CloseReason.CloseCodes.NORMAL_CLOSURE : CloseReason.CloseCodes.GOING_AWAY,
                failure == null ? "client closing" : "giving up", connector::shutdown);
        io.shutdown();
        heartbeat.shutdown();
        actor.shutdown();
        List<Pending> inFlight = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending p : inFlight) {
            afterLoss(() -> {
                p.cancelTimeout();
                p.fail(end);
            });
        }
        List<Deferred> queued = new ArrayList<>(whenOpen);
        whenOpen.clear();
        queued.forEach(d -> afterLoss(() -> d.fail().accept(end)));
        for (Subscription<?> sub : new ArrayList<>(subscriptions)) {
            afterLoss(() -> endSubscription(sub, failure, end));
        }
        subscriptions.clear();
        publishSubscriptions();
        routes.clear();
        firstOpen.completeExceptionally(end);
    }

    private void closeLink(TyrusConnector.Link target, CloseReason.CloseCode code, String reason, Runnable then) {
        Runnable task = () -> {
            if (target != null) {
                target.close(code, reason);
            }
            if (then != null) {
                then.run();
            }
        };
        try {
            io.execute(task);
        } catch (RejectedExecutionException stopped) {
            task.run();
        }
    }

    /** Graceful close from any thread: close frame, pending futures failed, streams ended. */
    void close() {
        if (onActor()) {
            terminate(null);
        } else {
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (run(() -> {
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
        }
        if (!onActor()) {
            try {
                // Let the close frame go out before returning.
                io.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isClosed() {
        return state == ConnectionState.CLOSED;
    }

    // ------------------------------------------------------------------ inbound frames

    private void onText(long gen, String text) {
        if (gen != generation) {
            return;
        }
        // Market data decodes in one pass straight from the text; replies, unknown types and whatever that pass
        // declines are read into a tree, as they always were.
        WsMessage data = decoder.decodeData(text);
        if (data != null) {
            onData(data.type(), data);
            return;
        }
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            reportError(new KalshiWebSocketException("unreadable frame ignored: " + abbreviate(text), e));
            return;
        }
        if (frame == null || !frame.isObject()) {
            reportError(new KalshiWebSocketException("non-object frame ignored: " + abbreviate(text)));
            return;
        }
        String type = frame.path("type").asText("");
        int id = frame.path("id").asInt(0);
        if (isReply(type)) {
            onReply(id, type, frame);
        } else {
            onData(type, decoder.decode(type, frame));
        }
    }

    private static boolean isReply(String type) {
        return FrameDecoder.isReply(type);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private void onReply(int id, String type, JsonNode frame) {
        Pending p = id == 0 ? null : pending.get(id);
        if (p == null) {
            orphanReply(id, type, frame);
            return;
        }
        if ("error".equals(type)) {
            pending.remove(id);
            retiredIds.add(id);
            p.cancelTimeout();
            JsonNode msg = frame.path("msg");
            p.fail(new KalshiSubscriptionException(p.command, msg.path("code").asInt(0),
                    msg.hasNonNull("msg") ? msg.get("msg").asText() : null));
            return;
        }
        if (p.reply(type, frame)) {
            pending.remove(id);
            p.cancelTimeout();
        }
    }

    private void orphanReply(int id, String type, JsonNode frame) {
        if ("subscribed".equals(type)) {
            // A subscription nobody waits for any more (timed out, failed, closed): do not leak it.
            long sid = frame.path("msg").path("sid").asLong(0);
            if (sid > 0) {
                retiredSids.add(sid);
                sendUnsubscribe(sid, null);
            }
            return;
        }
        if ("error".equals(type) && !retiredIds.contains(id)) {
            JsonNode msg = frame.path("msg");
            reportError(new KalshiSubscriptionException(null, msg.path("code").asInt(0),
                    msg.hasNonNull("msg") ? msg.get("msg").asText() : null));
            return;
        }
        LOG.debug("kalshi4j WebSocket: {} reply for no pending command (id {})", type, id);
    }

    private void onData(String type, WsMessage message) {
        long sid = message.sid();
        Route route = sid == 0 ? null : routes.get(sid);
        if (route == null) {
            if (sid != 0 && retiredSids.contains(sid)) {
                // Frames still in flight for a subscription that was just cancelled.
                return;
            }
            dispatchHandlers(Channel.forMessageType(type).orElse(null), message);
            return;
        }
        Subscription<?> sub = route.subscription();
        Channel channel = route.channel();
        if (Channel.ORDERBOOK_DELTA.equals(channel) && message instanceof WsMessage.OrderbookSnapshot
                && message.seq().isPresent()) {
            if (!checkSnapshotSequence(sub, sid, (WsMessage.OrderbookSnapshot) message)) {
                return;
            }
        } else if ((channel.isSequenced() || !channel.isKnown()) && message.seq().isPresent()
                && !checkSequence(sub, channel, sid, message.seq().getAsLong())) {
            return;
        }
        if (Channel.ORDERBOOK_DELTA.equals(channel) && message instanceof WsMessage.Unknown
                && Channel.ORDERBOOK_DELTA.messageTypes().contains(type)) {
            // The decoder reported it already. Whatever the frame said is missing from the book now.
            bookFrameLost(sub, ((WsMessage.Unknown) message).json().path("msg").path("market_ticker").asText(null));
        } else if (Channel.ORDERBOOK_DELTA.equals(channel) && !applyToBook(sub, message)) {
            return;
        }
        deliver(sub, message);
        dispatchHandlers(channel, message);
    }

    /** False if the frame must be dropped (a repeat or a step back). */
    private boolean checkSequence(Subscription<?> sub, Channel channel, long sid, long seq) {
        SequenceTracker tracker = sub.trackers.computeIfAbsent(sid, s -> new SequenceTracker());
        OptionalLong last = tracker.lastSeq();
        SequenceTracker.Result r = tracker.check(seq);
        switch (r.status()) {
            case OK:
                return true;
            case DUPLICATE:
                if (last.isPresent() && seq == last.getAsLong()) {
                    LOG.debug("kalshi4j WebSocket: duplicate seq {} on sid {} ignored", seq, sid);
                    return false;
                }
                // The count goes on from the highest seq seen: a stray old frame must not make the next
                // regular one look like a gap.
                sequenceBreak(new SequenceEvent(sub, channel, sid, SequenceEvent.Kind.REGRESSION, r.expected(), seq));
                return false;
            case GAP:
            default:
                sequenceBreak(new SequenceEvent(sub, channel, sid, SequenceEvent.Kind.GAP, r.expected(), seq));
                // A snapshot frame is self-contained, so the frame that revealed the gap is still processed.
                return true;
        }
    }

    /**
     * A snapshot replaces its market's book whatever came before, so a seq that does not follow the last one is no
     * loss for that market, ahead or behind: the snapshot becomes the sid's new baseline. That is how a sid recovers
     * from a poisoned seq (a frame numbered 2147483649, or a thousand ahead): the snapshot answering the resync
     * carries the server's real count, behind the poisoned one. Only if the sid also carries other markets whose fresh
     * books may have missed deltas in between is it a gap or a regression. False if the frame must be dropped.
     */
    private boolean checkSnapshotSequence(Subscription<?> sub, long sid, WsMessage.OrderbookSnapshot snapshot) {
        long seq = snapshot.seq().getAsLong();
        SequenceTracker tracker = sub.trackers.computeIfAbsent(sid, s -> new SequenceTracker());
        OptionalLong last = tracker.lastSeq();
        if (last.isEmpty() || (last.getAsLong() != Long.MAX_VALUE && seq == last.getAsLong() + 1)) {
            return checkSequence(sub, Channel.ORDERBOOK_DELTA, sid, seq);
        }
        String market = snapshot.marketTicker().orElse(null);
        boolean othersFresh = sub.books.values().stream()
                .anyMatch(b -> !b.marketTicker().equals(market) && !b.isStale());
        if (othersFresh) {
            return checkSequence(sub, Channel.ORDERBOOK_DELTA, sid, seq);
        }
        LOG.debug("kalshi4j WebSocket: snapshot at seq {} on sid {} is the new baseline (last seq {})", seq, sid,
                last.getAsLong());
        tracker.baseline(seq);
        return true;
    }

    /** An orderbook frame for {@code market} (null: unknown) could not be used: its book can no longer be trusted. */
    private void bookFrameLost(Subscription<?> sub, String market) {
        if (market != null) {
            sub.books.computeIfAbsent(market, LocalOrderbook::new).markStale();
        } else {
            staleBooks(sub);
        }
        awaitSnapshot(sub, market);
        publish(sub);
        resyncSoon(sub, true);
    }

    /** The consumer's stream of {@code market} (null: every market of {@code sub}) must restart from a snapshot. */
    private static void awaitSnapshot(Subscription<?> sub, String market) {
        if (market != null) {
            sub.consumerAwaitingSnapshot.add(market);
        } else {
            sub.consumerAwaitingSnapshot.addAll(sub.books.keySet());
        }
    }

    private void dropBooks(Subscription<?> sub, List<String> tickers) {
        for (String t : tickers) {
            sub.books.remove(t);
            sub.consumerAwaitingSnapshot.remove(t);
        }
    }

    private void sequenceBreak(SequenceEvent event) {
        LOG.info("kalshi4j WebSocket: {} on {} sid {}: expected seq {}, got {}", event.kind(), event.channel().wire(),
                event.sid(), event.expected(), event.actual());
        if (Channel.ORDERBOOK_DELTA.equals(event.channel())) {
            staleBooks(event.subscription());
            resyncSoon(event.subscription(), true);
        }
        for (Consumer<? super SequenceEvent> l : sequenceListeners) {
            try {
                l.accept(event);
            } catch (Throwable t) {
                reportError(t);
            }
        }
    }

    /** Applies an orderbook frame to the subscription's local book; false if consumers must not see it. */
    private boolean applyToBook(Subscription<?> sub, WsMessage message) {
        long seq = message.seq().orElse(0);
        if (message instanceof WsMessage.OrderbookSnapshot) {
            WsMessage.OrderbookSnapshot snapshot = (WsMessage.OrderbookSnapshot) message;
            if (snapshot.msg() == null || snapshot.msg().marketTicker() == null) {
                reportError(new KalshiWebSocketException("orderbook_snapshot without a market ignored (sid " + snapshot.sid() + ")"));
                return false;
            }
            String market = snapshot.msg().marketTicker();
            LocalOrderbook book = sub.books.computeIfAbsent(market, LocalOrderbook::new);
            ApplyResult result = book.applySnapshot(seq, BookRows.yes(snapshot.msg()), BookRows.no(snapshot.msg()));
            publish(sub);
            if (!result.isApplied()) {
                resyncSoon(sub, true);
                return false;
            }
            return true;
        }
        if (message instanceof WsMessage.OrderbookDelta) {
            WsMessage.OrderbookDelta delta = (WsMessage.OrderbookDelta) message;
            if (delta.msg() == null || delta.msg().marketTicker() == null) {
                reportError(new KalshiWebSocketException("orderbook_delta without a market ignored (sid " + delta.sid() + ")"));
                return false;
            }
            LocalOrderbook book = sub.books.computeIfAbsent(delta.msg().marketTicker(), LocalOrderbook::new);
            boolean wasStale = book.isStale();
            ApplyResult result = book.applyDelta(seq, BookRows.side(delta.msg()), BookRows.price(delta.msg()),
                    BookRows.delta(delta.msg()));
            if (result.isApplied() || !wasStale) {
                publish(sub);
            }
            if (result.requiresResync()) {
                resyncSoon(sub, true);
            } else if (result == ApplyResult.IGNORED_STALE) {
                // A stale book nobody is fixing would stay stale for good: this delta is the reminder.
                resyncSoon(sub, false);
            }
            // Deltas on a stale book belong to a state nobody has; withholding them keeps every stream replayable.
            return result.isApplied();
        }
        return true;
    }

    private void publish(Subscription<?> sub) {
        if (sub.bookFeed != null) {
            sub.bookFeed.publish();
        }
    }

    private void staleBooks(Subscription<?> sub) {
        for (LocalOrderbook book : sub.books.values()) {
            book.markStale();
        }
        publish(sub);
    }

    private void deliver(Subscription<?> sub, WsMessage message) {
        if (sub.isClosed()) {
            return;
        }
        Consumer<? super WsMessage> listener = sub.listener();
        if (listener != null) {
            try {
                listener.accept(message);
            } catch (Throwable t) {
                reportError(t);
            }
            return;
        }
        if (sub.feed() != null) {
            offer(sub, message);
        }
    }

    private <T> void offer(Subscription<T> sub, WsMessage message) {
        // Before the type filter: a stream of deltas only must still learn that the snapshot came.
        if (message instanceof WsMessage.OrderbookSnapshot) {
            message.marketTicker().ifPresent(sub.consumerAwaitingSnapshot::remove);
        } else if (message instanceof WsMessage.OrderbookDelta
                && message.marketTicker().map(sub.consumerAwaitingSnapshot::contains).orElse(false)) {
            return;
        }
        if (!sub.elementType().isInstance(message)) {
            return;
        }
        boolean book = sub.channels().contains(Channel.ORDERBOOK_DELTA);
        Consumer<T> onEvict = !book ? null : evicted -> {
            // Under DROP_OLDEST the consumer lost this frame: what it builds from that market's frames is wrong
            // until a snapshot. An older frame of the market a snapshot is now arriving for is no loss, though.
            String market = evicted instanceof WsMessage ? ((WsMessage) evicted).marketTicker().orElse(null) : null;
            if (market != null && message instanceof WsMessage.OrderbookSnapshot
                    && market.equals(message.marketTicker().orElse(null))) {
                return;
            }
            awaitSnapshot(sub, market);
            resyncSoon(sub, true);
        };
        if (sub.feed().offer(sub.elementType().cast(message), onEvict) == Feed.Offer.OVERFLOWED) {
            LOG.warn("kalshi4j WebSocket: {} fell {} messages behind; its consumer gets a KalshiBackpressureException",
                    sub, sub.feed().capacity());
            if (sub.channels().contains(Channel.ORDERBOOK_DELTA)) {
                awaitSnapshot(sub, null);
                resyncSoon(sub, true);
            }
        }
    }

    private void dispatchHandlers(Channel channel, WsMessage message) {
        List<Consumer<? super WsMessage>> forChannel = channel == null ? null : channelHandlers.get(channel);
        if (forChannel != null) {
            for (Consumer<? super WsMessage> h : forChannel) {
                try {
                    h.accept(message);
                } catch (Throwable t) {
                    reportError(t);
                }
            }
        }
        for (Consumer<? super WsMessage> h : messageHandlers) {
            try {
                h.accept(message);
            } catch (Throwable t) {
                reportError(t);
            }
        }
    }

    // ------------------------------------------------------------------ commands

    /** A command awaiting its reply. */
    private abstract class Pending {
        final int id;
        final String command;
        private ScheduledFuture<?> timeout;

        Pending(int id, String command) {
            this.id = id;
            this.command = command;
        }

        /** Handles a non-error reply; true when the command is complete. */
        abstract boolean reply(String type, JsonNode frame);

        /** The server rejected the command, it timed out, or the socket ended. */
        abstract void fail(KalshiException error);

        /** The connection dropped before the reply; by default the command fails. */
        void connectionLost(KalshiWebSocketException cause) {
            fail(new KalshiWebSocketException(command + " was not answered before the connection was lost", cause));
        }

        void cancelTimeout() {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }

    private void send(Pending p, Object command) {
        if (link == null) {
            p.connectionLost(new KalshiWebSocketException("not connected"));
            return;
        }
        String text;
        try {
            text = mapper.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            p.fail(new KalshiWebSocketException("could not encode " + p.command, e));
            return;
        }
        pending.put(p.id, p);
        Duration limit = options.commandTimeout();
        p.timeout = actor.schedule(() -> guarded(() -> {
            if (pending.remove(p.id) == p) {
                retiredIds.add(p.id);
                p.fail(new KalshiTimeoutException(p.command, 1, "no reply within the command timeout " + limit, null));
            }
        }), limit.toNanos(), TimeUnit.NANOSECONDS);
        LOG.debug("kalshi4j WebSocket -> {}", text);
        TyrusConnector.Link target = link;
        long gen = generation;
        target.send(text, error -> run(() -> {
            if (gen == generation) {
                LOG.debug("kalshi4j WebSocket send of {} failed", p.command, error);
            }
        }));
    }

    private int nextId() {
        int id = commandIds.incrementAndGet();
        if (id <= 0) {
            // Ids must stay positive (0 means "no id" to the server); wrap after two billion commands.
            commandIds.set(1);
            id = 1;
        }
        return id;
    }

    // ---- subscribe

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
        if (!run(() -> addSubscription(sub))) {
            out.completeExceptionally(endingException());
        }
        return out;
    }

    private void addSubscription(Subscription<?> sub) {
        if (state == ConnectionState.CLOSED) {
            sub.markClosed();
            sub.ready.completeExceptionally(endingException());
            return;
        }
        if (!sub.isInternal() && sub.channels().contains(Channel.ORDERBOOK_DELTA)) {
            for (String market : sub.markets) {
                if (bookFeeds.containsKey(market)) {
                    sub.markClosed();
                    sub.ready.completeExceptionally(heldByHandle(market));
                    return;
                }
            }
        }
        ensureStarted();
        subscriptions.add(sub);
        publishSubscriptions();
        if (link != null) {
            sendSubscribe(sub);
        }
    }

    /*
     * Kalshi allows one orderbook_delta subscription per market and connection (a second one is rejected with
     * error 6, "Already subscribed"). orderbook(..) handles and user subscriptions therefore cannot overlap; the
     * client refuses the overlap itself, saying which side holds the market, rather than let the server's generic
     * rejection (or, on a resubscribe, the end of the subscription) tell.
     */

    private static IllegalStateException heldByHandle(String market) {
        return new IllegalStateException("orderbook_delta for " + market + " is held by an open orderbook(\"" + market
                + "\") handle on this socket, and Kalshi allows one orderbook_delta subscription per market and "
                + "connection: use the handle's views, or close every handle for " + market + " first");
    }

    private Subscription<?> userBookSubscription(String market) {
        for (Subscription<?> s : subscriptions) {
            if (!s.isInternal() && !s.isClosed() && s.channels().contains(Channel.ORDERBOOK_DELTA)
                    && s.markets.contains(market)) {
                return s;
            }
        }
        return null;
    }

    private void publishSubscriptions() {
        List<Subscription<?>> view = new ArrayList<>();
        for (Subscription<?> s : subscriptions) {
            if (!s.isInternal()) {
                view.add(s);
            }
        }
        subscriptionsView = List.copyOf(view);
    }

    private void sendSubscribe(Subscription<?> sub) {
        ObjectNode params;
        try {
            params = subscribeParams(sub.currentRequest());
        } catch (RuntimeException invalid) {
            // The parameters were checked when the request was built; this is the encoder failing on a value.
            failSubscription(sub, new IllegalArgumentException("invalid subscribe request " + sub.request() + ": "
                    + invalid.getMessage(), invalid), true);
            return;
        }
        int id = nextId();
        sub.pendingSubscribeId = id;
        ObjectNode command = mapper.createObjectNode();
        command.put("id", id);
        command.put("cmd", "subscribe");
        command.set("params", params);
        send(new SubscribePending(id, sub), command);
    }

    /**
     * The {@code params} of a subscribe command: the channels by wire name (so a channel newer than the SDK goes out
     * as given), the subscription's current markets, then the request's other spec parameters as the generated model
     * writes them.
     */
    private ObjectNode subscribeParams(SubscribeRequest req) {
        ObjectNode params = mapper.createObjectNode();
        ArrayNode channels = params.putArray("channels");
        req.channels().forEach(c -> channels.add(c.wire()));
        if (req.singleTicker()) {
            params.put("market_ticker", req.marketTickers().get(0));
        } else if (!req.marketTickers().isEmpty()) {
            ArrayNode tickers = params.putArray("market_tickers");
            req.marketTickers().forEach(tickers::add);
        }
        JsonNode rest = mapper.valueToTree(req.params());
        rest.fields().forEachRemaining(e -> {
            if (!params.has(e.getKey())) {
                params.set(e.getKey(), e.getValue());
            }
        });
        return params;
    }

    private final class SubscribePending extends Pending {
        private final Subscription<?> sub;
        private final Set<Channel> awaiting;

        SubscribePending(int id, Subscription<?> sub) {
            super(id, "subscribe");
            this.sub = sub;
            this.awaiting = new LinkedHashSet<>(sub.channels());
        }

        @Override
        boolean reply(String type, JsonNode frame) {
            if (!"subscribed".equals(type)) {
                return false;
            }
            JsonNode msg = frame.path("msg");
            long sid = msg.path("sid").asLong(0);
            String named = msg.path("channel").asText(null);
            Channel channel = awaiting.stream().filter(c -> c.wire().equals(named)).findFirst()
                    // A server spelling the channel differently still answers in order.
                    .orElse(awaiting.isEmpty() ? null : awaiting.iterator().next());
            if (channel == null || sid <= 0) {
                return false;
            }
            awaiting.remove(channel);
            if (sub.isClosed() || !subscriptions.contains(sub)) {
                retiredSids.add(sid);
                sendUnsubscribe(sid, null);
            } else {
                sub.bind(channel, sid);
                routes.put(sid, new Route(sub, channel));
            }
            if (!awaiting.isEmpty()) {
                return false;
            }
            sub.pendingSubscribeId = 0;
            if (!sub.isClosed()) {
                sub.resyncInFlight = false;
                sub.transientRetries = 0;
                expectSnapshots(sub);
                if (sub.ready.isDone()) {
                    signalGap(sub);
                }
                completeReady(sub);
                List<CompletableFuture<Void>> queued = new ArrayList<>(sub.afterBound);
                sub.afterBound.clear();
                queued.forEach(q -> q.complete(null));
            }
            maybeHealthy();
            return true;
        }

        @Override
        void fail(KalshiException error) {
            sub.pendingSubscribeId = 0;
            if (error instanceof KalshiSubscriptionException && sub.ready.isDone() && !sub.isClosed()
                    && state == ConnectionState.OPEN && subscriptions.contains(sub)
                    && isTransient(((KalshiSubscriptionException) error).code())
                    && sub.transientRetries < TRANSIENT_RETRY_LIMIT) {
                retryResubscribe(sub, (KalshiSubscriptionException) error);
                return;
            }
            if (error instanceof KalshiTimeoutException && sub.ready.isDone() && !sub.isClosed()
                    && state == ConnectionState.OPEN) {
                // A resubscription the server never answered (it went quiet while we reconnected, then came back):
                // the user's subscription is still wanted, so start over on a fresh connection instead of ending it.
                WsEngine.this.connectionLost(generation, new KalshiWebSocketException("no reply to the resubscription of "
                        + sub.request() + "; reconnecting", error));
                return;
            }
            if (state == ConnectionState.CLOSED || sub.isClosed()) {
                failSubscription(sub, error, false);
                return;
            }
            failSubscription(sub, error, true);
        }

        @Override
        void connectionLost(KalshiWebSocketException cause) {
            // Sent again with every other subscription once the next connection opens.
            sub.pendingSubscribeId = 0;
        }
    }

    /**
     * Error codes of the AsyncAPI spec that say nothing about the request itself: 1 "Unable to process message"
     * (general processing error), 17 "Internal error", 18 "Command timeout". A resubscribe the server accepted
     * before is worth asking again after one of these; every other code describes the request and stays final.
     */
    static boolean isTransient(int code) {
        return code == 1 || code == 17 || code == 18;
    }

    private void retryResubscribe(Subscription<?> sub, KalshiSubscriptionException error) {
        // A partly accepted subscribe leaves sids on the server; start the retry from nothing.
        unsubscribeBound(sub);
        sub.transientRetries++;
        Duration delay = options.reconnectPolicy().ceilingForAttempt(sub.transientRetries);
        LOG.info("kalshi4j WebSocket: resubscribe of {} rejected with transient error {} ({}); retry {} of {} in {}",
                sub, error.code(), error.getMessage(), sub.transientRetries, TRANSIENT_RETRY_LIMIT, delay);
        long gen = generation;
        schedule(() -> {
            // A reconnect meanwhile resubscribes everything by itself.
            if (gen == generation && link != null && !sub.isClosed() && subscriptions.contains(sub)
                    && sub.pendingSubscribeId == 0 && sub.sids.isEmpty()) {
                sendSubscribe(sub);
            }
        }, delay, connectionTimers);
    }

    /**
     * A pull feed under FAIL promises not to lose messages silently, but the server does not replay what it sent
     * while the subscription was down (fills, user orders, order groups...): say so, once, in stream order.
     * Order books need no such signal on an orderbook-only subscription: the snapshots that follow rebuild them.
     */
    private void signalGap(Subscription<?> sub) {
        Feed<?> feed = sub.feed();
        if (feed == null || feed.policy() != OverflowPolicy.FAIL) {
            return;
        }
        boolean onlyBooks = sub.channels().stream().allMatch(Channel.ORDERBOOK_DELTA::equals);
        if (onlyBooks) {
            return;
        }
        feed.gap(new KalshiStreamGapException(sub + " was resubscribed after " + sub.resubscribeReason
                + "; messages sent meanwhile may be missing: reconcile over REST"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void completeReady(Subscription<?> sub) {
        ((CompletableFuture) sub.ready).complete(sub);
    }

    /** The server rejected (or never confirmed) a subscription: it ends for good with {@code error}. */
    private void failSubscription(Subscription<?> sub, RuntimeException error, boolean report) {
        boolean wasConfirmed = sub.ready.isDone();
        unsubscribeBound(sub);
        subscriptions.remove(sub);
        publishSubscriptions();
        endSubscription(sub, error, error);
        if (report && wasConfirmed) {
            reportError(error);
        }
        maybeHealthy();
    }

    private void endSubscription(Subscription<?> sub, RuntimeException failure, RuntimeException readyFailure) {
        sub.markClosed();
        sub.ready.completeExceptionally(readyFailure);
        List<CompletableFuture<Void>> waiting = new ArrayList<>(sub.afterBound);
        sub.afterBound.clear();
        waiting.forEach(w -> w.completeExceptionally(failure != null ? failure : readyFailure));
        if (sub.feed() != null) {
            if (failure == null) {
                sub.feed().close();
            } else {
                sub.feed().fail(failure);
            }
        }
        if (sub.bookFeed != null) {
            bookFeeds.remove(sub.bookFeed.marketTicker, sub.bookFeed);
            sub.bookFeed.end(failure);
        }
    }

    // ---- unsubscribe

    CompletableFuture<Void> unsubscribe(Subscription<?> sub) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!run(() -> {
            if (sub.isClosed()) {
                f.complete(null);
                return;
            }
            subscriptions.remove(sub);
            publishSubscriptions();
            List<CompletableFuture<Void>> acks = unsubscribeBound(sub);
            endSubscription(sub, null, new KalshiWebSocketException("the subscription was closed before it was confirmed"));
            CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> {
                if (e != null) {
                    f.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e);
                } else {
                    f.complete(null);
                }
            });
        })) {
            f.complete(null);
        }
        return f;
    }

    private List<CompletableFuture<Void>> unsubscribeBound(Subscription<?> sub) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Long sid : new ArrayList<>(sub.sids.values())) {
            routes.remove(sid);
            retiredSids.add(sid);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            sendUnsubscribe(sid, ack);
            acks.add(ack);
        }
        sub.unbindAll();
        return acks;
    }

    private void sendUnsubscribe(long sid, CompletableFuture<Void> ack) {
        if (link == null) {
            if (ack != null) {
                ack.complete(null);
            }
            return;
        }
        int id = nextId();
        send(new Pending(id, "unsubscribe") {
            @Override
            boolean reply(String type, JsonNode frame) {
                if ("unsubscribed".equals(type) || "ok".equals(type)) {
                    if (ack != null) {
                        ack.complete(null);
                    }
                    return true;
                }
                return false;
            }

            @Override
            void fail(KalshiException error) {
                if (ack != null) {
                    ack.completeExceptionally(error);
                } else if (!(error instanceof KalshiWebSocketException)) {
                    reportError(error);
                }
            }

            @Override
            void connectionLost(KalshiWebSocketException cause) {
                // The server forgets every subscription of a lost connection.
                if (ack != null) {
                    ack.complete(null);
                }
            }
        }, UnsubscribeCommandPayload.builder().id(id).cmd("unsubscribe")
                .params(UnsubscribeCommandPayloadParams.builder().addSids(Math.toIntExact(sid)).build()).build());
    }

    // ---- update_subscription

    CompletableFuture<List<String>> updateMarkets(Subscription<?> sub, String action, List<String> tickers) {
        return submit(f -> updateMarketsNow(sub, action, tickers, f));
    }

    private void updateMarketsNow(Subscription<?> sub, String action, List<String> tickers,
            CompletableFuture<List<String>> f) {
        if (sub.isClosed()) {
            f.completeExceptionally(new KalshiWebSocketException("the subscription is closed"));
            return;
        }
        if (sub.pendingSubscribeId != 0) {
            // The subscribe in flight carries the old markets; change them once it is confirmed.
            CompletableFuture<Void> bound = new CompletableFuture<>();
            bound.whenComplete((v, e) -> {
                if (e != null) {
                    f.completeExceptionally(e);
                } else {
                    updateMarketsNow(sub, action, tickers, f);
                }
            });
            sub.afterBound.add(bound);
            return;
        }
        List<String> before = new ArrayList<>(sub.markets);
        LinkedHashSet<String> after = new LinkedHashSet<>(sub.markets);
        if ("add_markets".equals(action)) {
            if (!sub.isInternal() && sub.channels().contains(Channel.ORDERBOOK_DELTA)) {
                for (String t : tickers) {
                    if (bookFeeds.containsKey(t)) {
                        f.completeExceptionally(heldByHandle(t));
                        return;
                    }
                }
            }
            after.addAll(tickers);
        } else {
            after.removeAll(tickers);
            if (after.isEmpty() && !before.isEmpty()) {
                f.completeExceptionally(new IllegalArgumentException("deleting " + tickers
                        + " would leave no markets, which means all markets on resubscribe; unsubscribe instead"));
                return;
            }
        }
        sub.setMarkets(after);
        boolean deleting = !"add_markets".equals(action);
        if (sub.sids.isEmpty()) {
            // Not live on a connection: the next subscribe carries the new markets.
            if (deleting) {
                dropBooks(sub, tickers);
            }
            f.complete(List.copyOf(sub.markets));
            return;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Long sid : sub.sids.values()) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            int id = nextId();
            send(new Pending(id, "update_subscription") {
                @Override
                boolean reply(String type, JsonNode frame) {
                    if (!"ok".equals(type)) {
                        return false;
                    }
                    JsonNode tickersNode = frame.path("msg").get("market_tickers");
                    if (tickersNode != null && tickersNode.isArray()) {
                        List<String> confirmed = new ArrayList<>();
                        tickersNode.forEach(t -> confirmed.add(t.asText()));
                        sub.setMarkets(confirmed);
                    }
                    if (deleting) {
                        // Only now: until the server agrees, it keeps sending these markets' deltas.
                        dropBooks(sub, tickers);
                    }
                    ack.complete(null);
                    return true;
                }

                @Override
                void fail(KalshiException error) {
                    if (error instanceof KalshiSubscriptionException) {
                        // The server kept the markets, so their books stay (fresh) with them.
                        sub.setMarkets(before);
                    }
                    ack.completeExceptionally(error);
                }

                @Override
                void connectionLost(KalshiWebSocketException cause) {
                    // The resubscribe after reconnecting carries the new markets.
                    if (deleting) {
                        dropBooks(sub, tickers);
                    }
                    ack.complete(null);
                }
            }, UpdateSubscriptionCommandPayload.builder().id(id).cmd("update_subscription")
                    .params(UpdateSubscriptionCommandPayloadParams.builder().addSids(Math.toIntExact(sid))
                            .marketTickers(tickers).action(action).build())
                    .build());
        }
        CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> {
            if (e != null) {
                f.completeExceptionally(e.getCause() != null ? e.getCause() : e);
            } else {
                f.complete(List.copyOf(sub.marketTickers()));
            }
        });
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
                sendGetSnapshot(sub, sid, f);
            }
        });
    }

    private void sendGetSnapshot(Subscription<?> sub, long sid, CompletableFuture<Void> f) {
        int id = nextId();
        send(new Pending(id, "update_subscription") {
            @Override
            boolean reply(String type, JsonNode frame) {
                if (!"ok".equals(type)) {
                    return false;
                }
                sub.resyncInFlight = false;
                expectSnapshots(sub);
                f.complete(null);
                return true;
            }

            @Override
            void fail(KalshiException error) {
                sub.resyncInFlight = false;
                f.completeExceptionally(error);
            }

            @Override
            void connectionLost(KalshiWebSocketException cause) {
                f.complete(null);
            }
        }, UpdateSubscriptionCommandPayload.builder().id(id).cmd("update_subscription")
                .params(UpdateSubscriptionCommandPayloadParams.builder().addSids(Math.toIntExact(sid))
                        .action("get_snapshot").build())
                .build());
    }

    /**
     * Brings a subscription's books back to a snapshot: {@code get_snapshot} where the server supports
     * it, else a fresh subscribe (new sid) behind the same handle. Only {@link #resyncSoon} calls this, so every
     * request waits out the backoff.
     */
    private void resync(Subscription<?> sub) {
        if (sub.isClosed() || sub.resyncInFlight || link == null) {
            return;
        }
        Long sid = sub.sids.get(Channel.ORDERBOOK_DELTA);
        if (sid == null) {
            // Not live: the next subscribe brings snapshots.
            return;
        }
        ReconnectPolicy policy = options.reconnectPolicy();
        long now = System.nanoTime();
        // The backoff starts over once the books have gone BOOKS_QUIET without needing a resync, so an isolated bad
        // frame is repaired at once however many came before it. Books made fresh and poisoned again sooner (a server
        // that keeps sending bad frames or absurd seqs) keep it climbing up to the cap: such a server gets one
        // request per cap at most, not one per bad frame.
        if (sub.resyncAttempts > 0 && now - sub.lastResyncNanos > BOOKS_QUIET.toNanos()) {
            sub.resyncAttempts = 0;
        }
        sub.resyncInFlight = true;
        sub.resyncAttempts++;
        sub.lastResyncNanos = now;
        sub.resyncNotBeforeNanos = now + policy.ceilingForAttempt(sub.resyncAttempts).toNanos();
        if (getSnapshotUnsupported) {
            resubscribe(sub);
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        done.whenComplete((v, e) -> {
            if (e != null && !(e instanceof KalshiWebSocketException)) {
                run(() -> {
                    if (e instanceof KalshiSubscriptionException && ((KalshiSubscriptionException) e).code() == 13) {
                        // Unsupported action: this server has no get_snapshot; do not ask again.
                        getSnapshotUnsupported = true;
                    }
                    LOG.info("kalshi4j WebSocket: get_snapshot failed ({}); resubscribing {}", e.getMessage(), sub);
                    if (!sub.isClosed() && link != null) {
                        resubscribe(sub);
                    }
                });
            }
        });
        sendGetSnapshot(sub, sid, done);
    }

    /**
     * Asks for a resync unless one is in flight, no sooner than the backoff allows. {@code certain}: the books are
     * known to be wrong (an unusable frame); otherwise (a delta found a stale book) snapshots answering the last
     * resync may still be on their way, and the timer armed for them decides instead.
     */
    private void resyncSoon(Subscription<?> sub, boolean certain) {
        if (sub.isClosed() || sub.resyncInFlight || sub.resyncTimerArmed || link == null) {
            return;
        }
        long now = System.nanoTime();
        if (!certain && now - sub.snapshotsDueNanos < 0) {
            return;
        }
        long wait = sub.resyncAttempts == 0 ? 0 : sub.resyncNotBeforeNanos - now;
        if (wait <= 0) {
            resync(sub);
            return;
        }
        sub.resyncTimerArmed = true;
        long gen = generation;
        schedule(() -> {
            sub.resyncTimerArmed = false;
            if (gen == generation && needsSnapshot(sub)) {
                resync(sub);
            }
        }, Duration.ofNanos(wait), null);
    }

    /** A book is stale, or a pull consumer lost frames and waits for a snapshot to rebuild from. */
    private static boolean needsSnapshot(Subscription<?> sub) {
        // Only a feed ever clears consumerAwaitingSnapshot (when it is offered the snapshot), so only a feed's counts.
        return hasStaleBook(sub) || (sub.feed() != null && !sub.consumerAwaitingSnapshot.isEmpty());
    }

    /** Snapshots were promised (subscribed, or get_snapshot ok): if a book is still stale by the deadline, ask again. */
    private void expectSnapshots(Subscription<?> sub) {
        if (!sub.channels().contains(Channel.ORDERBOOK_DELTA)) {
            return;
        }
        Duration grace = options.commandTimeout();
        sub.snapshotsDueNanos = System.nanoTime() + grace.toNanos();
        long gen = generation;
        schedule(() -> {
            if (gen == generation && !sub.isClosed() && !sub.resyncInFlight && hasStaleBook(sub)) {
                LOG.info("kalshi4j WebSocket: no usable snapshot within {} for {}; asking again", grace, sub);
                resyncSoon(sub, true);
            }
        }, grace, null);
    }

    private static boolean hasStaleBook(Subscription<?> sub) {
        for (LocalOrderbook b : sub.books.values()) {
            if (b.isStale()) {
                return true;
            }
        }
        return false;
    }

    private void resubscribe(Subscription<?> sub) {
        sub.resubscribeReason = "an order book resynchronization";
        unsubscribeBound(sub);
        staleBooks(sub);
        sub.resyncInFlight = true;
        sendSubscribe(sub);
    }

    // ---- list_subscriptions

    CompletableFuture<List<ServerSubscription>> listSubscriptions() {
        return submit(f -> {
            Runnable send = () -> {
                int id = nextId();
                send(new Pending(id, "list_subscriptions") {
                    @Override
                    boolean reply(String type, JsonNode frame) {
                        JsonNode msg = frame.get("msg");
                        List<ServerSubscription> out = new ArrayList<>();
                        if (msg != null && msg.isArray()) {
                            for (JsonNode entry : msg) {
                                out.add(new ServerSubscription(entry.path("channel").asText(""),
                                        entry.path("sid").asLong(0)));
                            }
                        }
                        f.complete(List.copyOf(out));
                        return true;
                    }

                    @Override
                    void fail(KalshiException error) {
                        f.completeExceptionally(error);
                    }
                }, ListSubscriptionsCommandPayload.builder().id(id).cmd("list_subscriptions").build());
            };
            if (link != null) {
                send.run();
            } else {
                whenOpen.add(new Deferred(send, f::completeExceptionally));
            }
        });
    }

    // ---- order book handles

    CompletableFuture<OrderbookHandle> orderbook(String marketTicker) {
        return submit(f -> {
            BookFeed feed = bookFeeds.get(marketTicker);
            Subscription<?> holder = feed == null ? userBookSubscription(marketTicker) : null;
            if (holder != null) {
                f.completeExceptionally(new IllegalStateException("orderbook(\"" + marketTicker + "\"): " + holder
                        + " already subscribes orderbook_delta for " + marketTicker + ", and Kalshi allows one "
                        + "orderbook_delta subscription per market and connection: read the snapshots and deltas of "
                        + "that subscription, or remove the market from it (deleteMarkets, close) first"));
                return;
            }
            if (feed == null) {
                SubscribeRequest request = SubscribeRequest.builder(Channel.ORDERBOOK_DELTA).marketTicker(marketTicker)
                        .build();
                Subscription<WsMessage> sub = new Subscription<>(this, handleIds.incrementAndGet(), request,
                        WsMessage.class, 1, true);
                LocalOrderbook book = new LocalOrderbook(marketTicker);
                sub.books.put(marketTicker, book);
                feed = new BookFeed(marketTicker, sub, book);
                sub.bookFeed = feed;
                bookFeeds.put(marketTicker, feed);
                addSubscription(sub);
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
        run(() -> {
            BookFeed feed = handle.bookFeed();
            handle.end(null);
            if (feed.handles.remove(handle) && feed.handles.isEmpty()) {
                bookFeeds.remove(feed.marketTicker, feed);
                unsubscribe(feed.subscription);
            }
        });
    }
}
