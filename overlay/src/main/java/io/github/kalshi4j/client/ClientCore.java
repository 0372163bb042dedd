package io.github.kalshi4j.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.errors.KalshiClientClosedException;
import io.github.kalshi4j.http.HttpExchange;
import io.github.kalshi4j.internal.KalshiHttpTransport;
import io.github.kalshi4j.ws.KalshiWebSocket;
import io.github.kalshi4j.ws.WebSocketOptions;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a blocking client and its async twin share: config, signer, the HTTP exchange (connection pools),
 * the mapper, worker threads, the transport and the WebSocket. Closed once, by whichever twin closes first.
 */
final class ClientCore implements AutoCloseable {

    final KalshiConfig config;
    final KalshiSigner signer;
    final HttpExchange exchange;
    final ObjectMapper mapper;
    final ExecutorService worker;
    final ScheduledExecutorService scheduler;
    final KalshiHttpTransport transport;
    final Clock clock;
    final WebSocketOptions webSocketOptions;
    private final boolean ownsExchange;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile KalshiClient blocking;
    private volatile KalshiAsyncClient async;
    private KalshiWebSocket webSocket;

    ClientCore(KalshiConfig config, KalshiSigner signer, HttpExchange exchange, boolean ownsExchange, ObjectMapper mapper,
            ExecutorService worker, ScheduledExecutorService scheduler, KalshiHttpTransport transport, Clock clock,
            WebSocketOptions webSocketOptions) {
        this.config = config;
        this.signer = signer;
        this.exchange = exchange;
        this.ownsExchange = ownsExchange;
        this.mapper = mapper;
        this.worker = worker;
        this.scheduler = scheduler;
        this.transport = transport;
        this.clock = clock;
        this.webSocketOptions = webSocketOptions;
    }

    synchronized KalshiClient blocking() {
        if (blocking == null) {
            blocking = new KalshiClient(this);
        }
        return blocking;
    }

    synchronized KalshiAsyncClient async() {
        if (async == null) {
            async = new KalshiAsyncClient(this);
        }
        return async;
    }

    /**
     * The shared WebSocket, created on first use; a new one replaces a socket that has closed (by the
     * user, or because reconnecting gave up), so a long-lived client can always stream again.
     */
    synchronized KalshiWebSocket ws() {
        if (closed.get()) {
            throw new KalshiClientClosedException(null, "ws(): this kalshi4j client is closed", null);
        }
        if (webSocket == null || webSocket.isClosed()) {
            webSocket = KalshiWebSocket.create(config, signer, clock, mapper, webSocketOptions);
        }
        return webSocket;
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // First, so calls made from now on fail clearly and async calls in flight are not left hanging.
            transport.close();
            KalshiWebSocket ws;
            synchronized (this) {
                ws = webSocket;
                webSocket = null;
            }
            if (ws != null) {
                ws.close();
            }
            // The default exchange, or one given with closeWithClient (the default for httpExchange(...)).
            if (ownsExchange) {
                exchange.close();
            }
            scheduler.shutdownNow();
            worker.shutdown();
        }
    }
}
