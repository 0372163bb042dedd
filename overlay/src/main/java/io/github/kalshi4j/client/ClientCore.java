package io.github.kalshi4j.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.http.HttpExchange;
import io.github.kalshi4j.internal.KalshiHttpTransport;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a blocking client and its async twin share: config, signer, the HTTP exchange (connection pools),
 * the mapper, worker threads and the transport. Closed once, by whichever twin closes first.
 */
final class ClientCore implements AutoCloseable {

    final KalshiConfig config;
    final KalshiSigner signer;
    final HttpExchange exchange;
    final ObjectMapper mapper;
    final ExecutorService worker;
    final ScheduledExecutorService scheduler;
    final KalshiHttpTransport transport;
    private final boolean ownsExchange;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile KalshiClient blocking;
    private volatile KalshiAsyncClient async;

    ClientCore(KalshiConfig config, KalshiSigner signer, HttpExchange exchange, boolean ownsExchange, ObjectMapper mapper,
            ExecutorService worker, ScheduledExecutorService scheduler, KalshiHttpTransport transport) {
        this.config = config;
        this.signer = signer;
        this.exchange = exchange;
        this.ownsExchange = ownsExchange;
        this.mapper = mapper;
        this.worker = worker;
        this.scheduler = scheduler;
        this.transport = transport;
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

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // First, so calls made from now on fail clearly and async calls in flight are not left hanging.
            transport.close();
            if (ownsExchange) {
                exchange.close();
            }
            scheduler.shutdownNow();
            worker.shutdown();
        }
    }
}
