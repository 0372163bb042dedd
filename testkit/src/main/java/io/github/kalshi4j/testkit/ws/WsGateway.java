package io.github.kalshi4j.testkit.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.testkit.Faults;
import io.github.kalshi4j.testkit.engine.Exchange;
import io.github.kalshi4j.testkit.engine.ExchangeListener;
import io.github.kalshi4j.testkit.engine.Fill;
import io.github.kalshi4j.testkit.engine.MarketLifecycleEvent;
import io.github.kalshi4j.testkit.engine.MarketPosition;
import io.github.kalshi4j.testkit.engine.OrderGroupUpdate;
import io.github.kalshi4j.testkit.engine.OrderUpdate;
import io.github.kalshi4j.testkit.engine.OrderbookDelta;
import io.github.kalshi4j.testkit.engine.Trade;
import io.github.kalshi4j.testkit.internal.ApiError;
import io.github.kalshi4j.testkit.internal.Auth;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local exchange's WebSocket API at {@value #PATH}: Kalshi's commands ({@code subscribe}, {@code unsubscribe},
 * {@code update_subscription}, {@code list_subscriptions}), its error codes, and its channels fed live by the
 * matching engine, with heartbeat pings and fault injection.
 *
 * <p>The handshake is checked like a REST call signed as {@code GET /trade-api/ws/v2}: a bad signature is refused
 * with 401; a handshake without any auth headers opens a connection limited to the public channels.
 *
 * <p>Threads: engine callbacks, which run under the engine lock, only number the event and queue it. One
 * dispatcher thread then does all protocol work in order, and every connection writes through its own ordered,
 * non-blocking send queue, so Jetty's threads are never held.
 *
 * <pre>{@code
 * WsGateway ws = new WsGateway(engine, auth, mapper, Duration.ofSeconds(10));
 * WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, ws::configure);
 * ws.start();
 * }</pre>
 */
public final class WsGateway {

    /** The WebSocket endpoint's path, which is also what handshakes are signed over. */
    public static final String PATH = "/trade-api/ws/v2";

    private final boolean allowAnonymous;

    private static final Logger LOG = LoggerFactory.getLogger(WsGateway.class);
    private static final byte[] HEARTBEAT = "heartbeat".getBytes(StandardCharsets.US_ASCII);
    /** Long enough never to cut a client that only listens between heartbeats, or one waiting out a silence. */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final int GOING_AWAY = 1001;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final Exchange engine;
    private final Auth auth;
    private final ObjectMapper mapper;
    private final Duration pingInterval;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong eventIndex = new AtomicLong();
    private final AtomicLong silentUntilNanos = new AtomicLong();
    private final SubscriptionHub hub;
    private final IndexFeeds indexFeeds;
    private final ExchangeListener feed = new EngineFeed();
    private final Faults.WebSocketFaults faults = new GatewayFaults();
    private volatile ExecutorService dispatcher;
    private ScheduledExecutorService pinger;

    /**
     * Creates the gateway; it serves nothing until {@link #configure configured} into a server and {@link #start()
     * started}.
     *
     * @param engine       the exchange whose changes feed the channels
     * @param auth         verifies handshake signatures
     * @param mapper       writes the frames (use {@code KalshiJson.newMapper()})
     * @param pingInterval time between heartbeat pings (Kalshi: 10 s)
     */
    public WsGateway(Exchange engine, Auth auth, ObjectMapper mapper, Duration pingInterval) {
        this(engine, auth, mapper, pingInterval, false);
    }

    /**
     * A gateway that may accept handshakes without auth headers: Kalshi refuses them with 401 (the AsyncAPI document
     * says the connection requires authentication), so {@code allowAnonymous} is for tests of public channels only.
     */
    public WsGateway(Exchange engine, Auth auth, ObjectMapper mapper, Duration pingInterval, boolean allowAnonymous) {
        this(engine, auth, mapper, pingInterval, allowAnonymous, io.github.kalshi4j.testkit.engine.Seed.IndexFeedSpec.NONE,
                null);
    }

    /**
     * A gateway that also streams the seed's index feeds and shows every frame it sends to {@code frameObserver}.
     *
     * @param indexFeeds    the indices of the index channels ({@link #indexFeeds()} publishes their values)
     * @param frameObserver sees each frame the gateway composes (not the raw frames of fault injection), e.g. to
     *                      validate it against the AsyncAPI spec; null for none
     */
    public WsGateway(Exchange engine, Auth auth, ObjectMapper mapper, Duration pingInterval, boolean allowAnonymous,
            io.github.kalshi4j.testkit.engine.Seed.IndexFeedSpec indexFeeds,
            java.util.function.Consumer<String> frameObserver) {
        this.allowAnonymous = allowAnonymous;
        this.engine = Objects.requireNonNull(engine, "engine");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.pingInterval = Objects.requireNonNull(pingInterval, "pingInterval");
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive, got " + pingInterval);
        }
        this.indexFeeds = new IndexFeeds(engine.clock(), Objects.requireNonNull(indexFeeds, "indexFeeds"),
                this::publishIndexTick);
        this.hub = new SubscriptionHub(engine, mapper, eventIndex, () -> connections, this.indexFeeds, frameObserver);
        this.silentUntilNanos.set(System.nanoTime());
    }

    /** Maps {@link #PATH} in a Jetty WebSocket container (call it from {@code WebSocketUpgradeHandler.from}). */
    public void configure(ServerWebSocketContainer container) {
        container.setIdleTimeout(IDLE_TIMEOUT);
        container.addMapping(PATH, this::upgrade);
    }

    /** Starts feeding channels from the engine and pinging; idempotent, and possible again after {@link #close()}. */
    public synchronized void start() {
        if (dispatcher != null) {
            return;
        }
        dispatcher = Executors.newSingleThreadExecutor(daemon("kalshi4j-ws-dispatch"));
        pinger = Executors.newSingleThreadScheduledExecutor(daemon("kalshi4j-ws-ping"));
        long period = pingInterval.toNanos();
        pinger.scheduleAtFixedRate(this::pingAll, period, period, TimeUnit.NANOSECONDS);
        engine.addListener(feed);
    }

    /**
     * Closes every connection (close code 1001, waiting briefly for the close frames to go out, so a server stop
     * right after does not cut them off) and stops the gateway's threads. Idempotent.
     */
    public synchronized void close() {
        if (dispatcher == null) {
            return;
        }
        engine.removeListener(feed);
        indexFeeds.stopTicking();
        pinger.shutdownNow();
        dispatcher.shutdownNow();
        dispatcher = null;
        pinger = null;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Connection c : connections) {
            closing.add(c.close(GOING_AWAY, "server shutting down"));
        }
        connections.clear();
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("not every WebSocket close frame went out", e);
        }
    }

    private void publishIndexTick(Object tick) {
        dispatch(() -> hub.onIndexTick(tick));
    }

    /** The index values the index channels stream: publish them here. */
    public IndexFeeds indexFeeds() {
        return indexFeeds;
    }

    /** Fault injection on the live connections. */
    public Faults.WebSocketFaults faults() {
        return faults;
    }

    // ------------------------------------------------------------------ Jetty side

    private Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String userId;
        try {
            userId = auth.authenticate("GET", request.getHttpURI().getPath(),
                    request.getHeaders().get("KALSHI-ACCESS-KEY"),
                    request.getHeaders().get("KALSHI-ACCESS-TIMESTAMP"),
                    request.getHeaders().get("KALSHI-ACCESS-SIGNATURE"));
        } catch (ApiError e) {
            refuse(response, callback, e.status(), e.code(), e.getMessage());
            return null;
        }
        if (userId == null && !allowAnonymous) {
            refuse(response, callback, 401, "authentication_error", "the WebSocket connection requires authentication:"
                    + " sign GET " + PATH + " with KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP and KALSHI-ACCESS-SIGNATURE");
            return null;
        }
        if (dispatcher == null) {
            refuse(response, callback, 503, "service_unavailable", "the WebSocket gateway is not running");
            return null;
        }
        return new Connection(this, userId);
    }

    /** Answers the upgrade request with a Kalshi-shaped error body instead of switching protocols. */
    private void refuse(ServerUpgradeResponse response, Callback callback, int status, String code, String message) {
        ObjectNode body = mapper.createObjectNode().put("code", code).put("message", message)
                .put("service", "kalshi4j-testkit");
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        try {
            response.write(true, ByteBuffer.wrap(mapper.writeValueAsBytes(body)), callback);
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
    }

    void opened(Connection c) {
        if (dispatcher == null) {
            c.close(GOING_AWAY, "server shutting down");
            return;
        }
        connections.add(c);
    }

    void received(Connection c, String text) {
        // A silent server ignores commands: no reply, no effect.
        if (!isSilent()) {
            dispatch(() -> hub.command(c, text));
        }
    }

    void closed(Connection c) {
        if (connections.remove(c)) {
            dispatch(c::clearSubscriptions);
        }
    }

    boolean isSilent() {
        return System.nanoTime() - silentUntilNanos.get() < 0;
    }

    private void pingAll() {
        if (isSilent()) {
            return;
        }
        for (Connection c : connections) {
            c.ping(HEARTBEAT.clone());
        }
    }

    private void dispatch(Runnable task) {
        ExecutorService d = dispatcher;
        if (d == null) {
            return;
        }
        try {
            d.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("WebSocket dispatch failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing: the frame would have nowhere to go.
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Engine callbacks run under the engine lock: number the event (the order the engine emitted it in) and hand
     * it to the dispatcher, nothing more.
     */
    private final class EngineFeed implements ExchangeListener {
        private void publish(Object event) {
            long index = eventIndex.incrementAndGet();
            dispatch(() -> hub.onEvent(index, event));
        }

        @Override
        public void onOrderbookDelta(OrderbookDelta delta) {
            publish(delta);
        }

        @Override
        public void onTrade(Trade trade) {
            publish(trade);
        }

        @Override
        public void onFill(Fill fill) {
            publish(fill);
        }

        @Override
        public void onOrderUpdate(OrderUpdate update) {
            publish(update);
        }

        @Override
        public void onPositionChange(MarketPosition position) {
            publish(position);
        }

        @Override
        public void onOrderGroupUpdate(OrderGroupUpdate update) {
            publish(update);
        }

        @Override
        public void onMarketLifecycle(MarketLifecycleEvent event) {
            publish(event);
        }
    }

    private final class GatewayFaults implements Faults.WebSocketFaults {
        @Override
        public void dropConnections() {
            for (Connection c : connections) {
                c.disconnect();
            }
        }

        @Override
        public void skipSeq(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be >= 1, got " + n);
            }
            dispatch(() -> hub.skipSeq(n));
        }

        @Override
        public void goSilent(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative, got " + duration);
            }
            silentUntilNanos.set(System.nanoTime() + duration.toNanos());
        }

        @Override
        public void sendUnknownMessageType(String type) {
            ObjectNode frame = mapper.createObjectNode().put("type", Objects.requireNonNull(type, "type")).put("sid", 0);
            frame.putObject("msg");
            sendRaw(frame.toString());
        }

        @Override
        public void sendRaw(String json) {
            Objects.requireNonNull(json, "json");
            dispatch(() -> hub.broadcast(json));
        }
    }
}
