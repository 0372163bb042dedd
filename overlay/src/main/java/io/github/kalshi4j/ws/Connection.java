package io.github.kalshi4j.ws;

import io.github.kalshi4j.errors.KalshiAuthException;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection at a time and its liveness: the handshake (with a deadline of its own), pings and the silence
 * watchdog, the bounded inbound queue, reconnects with backoff, and 401 refusals. What a connection's opening or loss
 * means for commands and subscriptions is the {@link Owner}'s business.
 *
 * <p>Every connection gets a generation number; events of an older connection are ignored. Actor thread only, except
 * the socket callbacks and the heartbeat timers, which hand off to the actor at once.
 */
final class Connection implements Wire {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);
    private static final Duration STABLE_AT_MOST = Duration.ofSeconds(10);
    /**
     * Handshakes refused with 401 tried again, one after another, on a socket that has been open before with the same
     * key, before it closes. A key that never got in is refused for good at once; one that worked may have met a
     * passing refusal (a gateway restarting, a clock just corrected), which is worth two more tries, not minutes.
     */
    static final int AUTH_RETRY_LIMIT = 2;

    /** What a connection's life means to the rest of the engine; called on the actor thread. */
    interface Owner {
        /** A connection opened (state OPEN, first open completed): resubscribe, send what waited. */
        void opened();

        /** A text frame of the current connection. */
        void text(String frame);

        /** The inbound queue was full and {@code dropped} data frames were dropped; replies never are. */
        void framesDropped(int dropped, int capacity);

        /** The connection is gone; each clean-up step goes through {@code step}. A reconnect follows. */
        void lost(KalshiWebSocketException cause, Consumer<Runnable> step);

        /** Reconnecting is over (given up, or a key refused for good): the socket must end with {@code failure}. */
        void giveUp(KalshiException failure);

        /** True when every open subscription is confirmed on the current connection. */
        boolean subscriptionsLive();
    }

    private final Connector connector;
    private final WebSocketOptions options;
    private final Duration connectTimeout;
    private final ActorContext actor;
    private final ScheduledExecutorService heartbeat;
    private final ExecutorService io;
    private final Listeners listeners;
    private final Owner owner;

    // Readable from any thread, written on the actor thread.
    private volatile ConnectionState state;

    // Actor-thread state.
    private Connector.Link link;
    private long generation;
    private int attempt;
    /** Handshakes refused with 401 since the last one that opened. */
    private int authRefusals;
    private boolean stable;
    private final List<ActorContext.Timer> timers = new ArrayList<>();
    private final CompletableFuture<Void> firstOpen = new CompletableFuture<>();

    /**
     * @param heartbeat runs pings and the silence check off the actor thread: there a slow handler would hold back
     *     the pings (so no pongs come) and the check, and then the connection looks dead
     * @param io runs the blocking work: handshakes and close frames
     */
    Connection(Connector connector, WebSocketOptions options, Duration connectTimeout, ActorContext actor,
            ScheduledExecutorService heartbeat, ExecutorService io, Listeners listeners, Owner owner) {
        this.connector = connector;
        this.options = options;
        this.connectTimeout = connectTimeout;
        this.actor = actor;
        this.heartbeat = heartbeat;
        this.io = io;
        this.listeners = listeners;
        this.owner = owner;
    }

    // ------------------------------------------------------------------ state

    /** The state; CONNECTING before the first use. Any thread. */
    ConnectionState state() {
        ConnectionState s = state;
        return s == null ? ConnectionState.CONNECTING : s;
    }

    /** Any thread. */
    boolean isClosed() {
        return state == ConnectionState.CLOSED;
    }

    /** Completes when the first connection opens; fails if the socket ends before. */
    CompletableFuture<Void> firstOpen() {
        return firstOpen;
    }

    private void setState(ConnectionState next) {
        if (state == next) {
            return;
        }
        state = next;
        LOG.debug("kalshi4j WebSocket {} -> {}", connector.url(), next);
        listeners.state(next);
    }

    @Override
    public boolean isOpen() {
        return link != null;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public void send(String text) {
        Connector.Link target = link;
        long gen = generation;
        target.send(text, error -> actor.execute(() -> {
            if (gen == generation) {
                LOG.debug("kalshi4j WebSocket send failed", error);
            }
        }));
    }

    // ------------------------------------------------------------------ connecting

    /** Connects for the first time, unless that happened already. */
    void start() {
        if (state == null) {
            setState(ConnectionState.CONNECTING);
            connectNow();
        }
    }

    /**
     * What arrived on one connection, written on the connector's threads: liveness is judged by the socket, not by
     * how far the actor has got, so a slow handler never makes a healthy connection look dead.
     */
    private static final class Inbound {
        volatile long lastNanos = System.nanoTime();
        /** Frames handed to the actor and not yet processed. */
        final AtomicInteger queued = new AtomicInteger();
        /** Data frames dropped since the last overflow marker was queued. */
        final AtomicInteger dropped = new AtomicInteger();
        /** True from the first drop until the actor reaches the marker; everything but replies is dropped. */
        final AtomicBoolean overflowing = new AtomicBoolean();
    }

    private void connectNow() {
        long gen = ++generation;
        Inbound inbound = new Inbound();
        int capacity = options.inboundQueueCapacity();
        Connector.Events events = new Connector.Events() {
            @Override
            public void opened(Connector.Link l) {
                inbound.lastNanos = System.nanoTime();
                if (!actor.inbound(() -> onOpened(gen, l, inbound))) {
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
                        actor.inbound(() -> onOverflow(gen, inbound, capacity));
                    }
                    return;
                }
                inbound.queued.incrementAndGet();
                if (!actor.inbound(() -> {
                    inbound.queued.decrementAndGet();
                    if (gen == generation) {
                        owner.text(frame);
                    }
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
                actor.inbound(() -> lost(gen, new KalshiWebSocketException("connection closed by the server (code "
                        + code + (reason == null || reason.isEmpty() ? "" : ", " + reason) + ")")));
            }

            @Override
            public void failed(Throwable error) {
                actor.inbound(() -> lost(gen, new KalshiWebSocketException("connection failed: " + error, error)));
            }
        };
        // Tyrus normally fails a handshake the peer abandons, but not always promptly: the attempt gets a deadline
        // of its own, after which it counts as failed and whatever Tyrus reports later is ignored.
        timers.add(actor.schedule(() -> {
            if (gen == generation && link == null && state != ConnectionState.CLOSED) {
                lost(gen, new KalshiWebSocketException("no WebSocket handshake within the connect timeout "
                        + connectTimeout));
            }
        }, connectTimeout));
        try {
            io.execute(() -> {
                try {
                    connector.connect(events);
                } catch (Exception | Error e) {
                    KalshiAuthException refused = connector.refusedAuthentication(e);
                    actor.execute(() -> {
                        if (refused != null) {
                            refused(gen, refused);
                        } else {
                            lost(gen, new KalshiWebSocketException("could not connect to " + connector.url() + ": "
                                    + e.getMessage(), e));
                        }
                    });
                }
            });
        } catch (RejectedExecutionException stopped) {
            // Closing.
        }
    }

    private void onOpened(long gen, Connector.Link opened, Inbound inbound) {
        if (gen != generation || state == ConnectionState.CLOSED) {
            closeLink(opened, CloseReason.CloseCodes.GOING_AWAY, "superseded", null);
            return;
        }
        link = opened;
        authRefusals = 0;
        // The attempt count is not reset here: a server that accepts and drops at once would get retried forever
        // at the shortest delay. It resets once the connection has proven healthy (see maybeHealthy).
        stable = false;
        timers.add(actor.schedule(() -> {
            if (gen == generation && link != null) {
                stable = true;
                maybeHealthy();
            }
        }, stablePeriod()));
        setState(ConnectionState.OPEN);
        startHeartbeat(gen, opened, inbound);
        firstOpen.complete(null);
        owner.opened();
    }

    /** How long a connection must stay up, all subscriptions confirmed, before reconnect backoff starts over. */
    private Duration stablePeriod() {
        Duration hb = options.heartbeatTimeout();
        return hb.compareTo(STABLE_AT_MOST) < 0 ? hb : STABLE_AT_MOST;
    }

    /** Resets the reconnect attempt count once the connection is stable and every subscription is live on it. */
    void maybeHealthy() {
        if (!stable || attempt == 0 || link == null || !owner.subscriptionsLive()) {
            return;
        }
        LOG.debug("kalshi4j WebSocket connection healthy; reconnect backoff starts over (was attempt {})", attempt);
        attempt = 0;
    }

    /** Reconnect attempts since the last healthy connection. */
    int attempt() {
        return attempt;
    }

    private void startHeartbeat(long gen, Connector.Link target, Inbound inbound) {
        long ping = options.pingInterval().toNanos();
        long timeout = options.heartbeatTimeout().toNanos();
        long check = Math.max(TimeUnit.MILLISECONDS.toNanos(10), timeout / 5);
        try {
            ScheduledFuture<?> pings = heartbeat.scheduleAtFixedRate(target::ping, ping, ping, TimeUnit.NANOSECONDS);
            timers.add(() -> pings.cancel(false));
            AtomicInteger reported = new AtomicInteger();
            ScheduledFuture<?> watchdog = heartbeat.scheduleAtFixedRate(() -> {
                if (System.nanoTime() - inbound.lastNanos > timeout && reported.getAndIncrement() == 0) {
                    actor.execute(() -> lost(gen, new KalshiWebSocketException("no frame or pong for longer than the "
                            + "heartbeat timeout " + options.heartbeatTimeout() + "; reconnecting")));
                }
            }, check, check, TimeUnit.NANOSECONDS);
            timers.add(() -> watchdog.cancel(false));
        } catch (RejectedExecutionException stopped) {
            // Shutting down.
        }
    }

    /** Runs when the actor reaches the point where the first inbound frame was dropped. */
    private void onOverflow(long gen, Inbound inbound, int capacity) {
        // Cleared first: a drop from now on queues a marker of its own, after the frames queued behind this one.
        inbound.overflowing.set(false);
        int dropped = inbound.dropped.getAndSet(0);
        if (gen != generation) {
            // That connection is gone; the reconnect resubscribes, re-snapshots and signals gaps by itself.
            return;
        }
        owner.framesDropped(dropped, capacity);
    }

    // ------------------------------------------------------------------ losing it

    /**
     * The server answered the handshake with 401. Retrying cannot help a key that never got in, so a socket that
     * never opened gives up at once; one that has been open tries {@value #AUTH_RETRY_LIMIT} more times on its usual
     * backoff. Every refusal is reported at once either way, whatever the reconnect policy would allow.
     */
    private void refused(long gen, KalshiAuthException refused) {
        if (gen != generation || state == ConnectionState.CLOSED) {
            return;
        }
        authRefusals++;
        if (!firstOpen.isDone() || authRefusals > AUTH_RETRY_LIMIT) {
            KalshiAuthException end = new KalshiAuthException(refused.getMessage() + "; not retrying: the socket is "
                    + "closed", refused.getCause());
            LOG.warn("kalshi4j WebSocket: {}", end.getMessage());
            owner.giveUp(end);
            return;
        }
        int left = AUTH_RETRY_LIMIT + 1 - authRefusals;
        KalshiAuthException once = new KalshiAuthException(refused.getMessage() + "; trying " + left + " more time"
                + (left == 1 ? "" : "s") + " before closing the socket", refused.getCause());
        listeners.error(once);
        lost(gen, new KalshiWebSocketException(once.getMessage(), once));
    }

    /** Drops the current connection (it is alive but no use) and reconnects. */
    void reconnect(KalshiWebSocketException cause) {
        lost(generation, cause);
    }

    private void lost(long gen, KalshiWebSocketException cause) {
        if (gen != generation || state == ConnectionState.CLOSED) {
            return;
        }
        generation++;
        // Each clean-up step runs on its own: whatever one of them throws (a book, a command's callback), the socket
        // must still end up RECONNECTING with an attempt scheduled, never OPEN with no connection behind it.
        listeners.step(this::cancelTimers);
        Connector.Link old = link;
        link = null;
        if (old != null) {
            // Whatever state the old connection is in, make sure it is gone; its events are ignored from now on.
            listeners.step(() -> closeLink(old, CloseReason.CloseCodes.GOING_AWAY, "reconnecting", null));
        }
        LOG.info("kalshi4j WebSocket {}: {}", connector.url(), cause.getMessage());
        owner.lost(cause, listeners::step);
        if (state == ConnectionState.OPEN) {
            listeners.error(cause);
        }
        attempt++;
        Optional<Duration> delay = reconnectDelay(attempt);
        if (delay.isEmpty()) {
            int tries = attempt - 1;
            owner.giveUp(new KalshiWebSocketException("gave up reconnecting to " + connector.url() + " after "
                    + tries + (tries == 1 ? " attempt" : " attempts") + ": " + cause.getMessage(), cause));
            return;
        }
        setState(ConnectionState.RECONNECTING);
        LOG.debug("kalshi4j WebSocket reconnect attempt {} in {}", attempt, delay.get());
        timers.add(actor.schedule(() -> {
            if (state == ConnectionState.RECONNECTING) {
                connectNow();
            }
        }, delay.get()));
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
            listeners.error(new KalshiWebSocketException("the reconnect policy failed (" + e.getMessage()
                    + "); waiting its ceiling for attempt " + attempt + " instead", e));
            if (policy.maxAttempts() != 0 && attempt > policy.maxAttempts()) {
                return Optional.empty();
            }
            return Optional.of(policy.ceilingForAttempt(attempt));
        }
    }

    private void cancelTimers() {
        timers.forEach(ActorContext.Timer::cancel);
        timers.clear();
    }

    /**
     * Ends for good: no timer runs, the state is CLOSED (listeners hear it, then {@code failure} if not null: a
     * graceful close), and the close frame goes out before the connector shuts down, on the I/O pool so the actor
     * never blocks.
     */
    void close(KalshiException failure) {
        generation++;
        listeners.step(this::cancelTimers);
        // Listeners hear about the end before any consumer sees it, so a consumer woken by it finds it reported.
        setState(ConnectionState.CLOSED);
        if (failure != null) {
            listeners.error(failure);
        }
        Connector.Link old = link;
        link = null;
        closeLink(old, failure == null ? CloseReason.CloseCodes.NORMAL_CLOSURE : CloseReason.CloseCodes.GOING_AWAY,
                failure == null ? "client closing" : "giving up", connector::shutdown);
        io.shutdown();
        heartbeat.shutdown();
    }

    private void closeLink(Connector.Link target, CloseReason.CloseCode code, String reason, Runnable then) {
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
}
