package io.github.kalshi4j.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.api.KalshiAsyncApis;
import io.github.kalshi4j.auth.KalshiSigner;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The asynchronous Kalshi client: every REST operation as a {@code CompletableFuture}, grouped by tag.
 *
 * <pre>{@code
 * try (KalshiAsyncClient client = KalshiAsyncClient.fromEnv()) {
 *     client.exchange().getExchangeStatus()
 *           .thenAccept(s -> System.out.println("trading active: " + s.tradingActive()))
 *           .join();
 * }
 * }</pre>
 *
 * <p>Cancelling a call's future (or a stage derived from it) stops the call: no retry, order lookup or further
 * request is sent for it, and a request in flight is aborted.
 *
 * <p>Futures complete on kalshi4j's worker threads; signing never runs on the HTTP I/O thread. Failures are
 * {@code KalshiException}s. {@link #blocking()} gives the blocking twin over the same resources.
 */
public final class KalshiAsyncClient extends KalshiAsyncApis implements AutoCloseable {

    private final ClientCore core;

    KalshiAsyncClient(ClientCore core) {
        super(core.transport);
        this.core = core;
    }

    /** An async client configured from the environment; see {@link KalshiClient#fromEnv()}. */
    public static KalshiAsyncClient fromEnv() {
        return KalshiClient.builder().fromEnv().build().async();
    }

    /** An async client configured from the given environment and properties. */
    public static KalshiAsyncClient fromEnv(Map<String, String> env, Properties properties) {
        return KalshiClient.builder().fromEnv(env, properties).build().async();
    }

    /** A builder; finish with {@link KalshiClientBuilder#buildAsync()}. */
    public static KalshiClientBuilder builder() {
        return new KalshiClientBuilder();
    }

    /** The blocking twin, sharing this client's connection pool, credentials and threads. */
    public KalshiClient blocking() {
        return core.blocking();
    }

    /**
     * The WebSocket client (market data, your orders and fills, RFQs), shared with the blocking twin and closed
     * with this client. It connects on first use; after it has closed, the next call returns a new one.
     */
    public io.github.kalshi4j.ws.KalshiWebSocket ws() {
        return core.ws();
    }

    /** True when requests are signed. */
    public boolean isAuthenticated() {
        return core.signer != null;
    }

    /** The signer, if authenticated (its toString never shows key material); the blocking twin's signer. */
    public Optional<KalshiSigner> signer() {
        return Optional.ofNullable(core.signer);
    }

    /**
     * The client's rate limiter (shared with its twin): {@code snapshot()} shows the tokens in each bucket, the calls
     * waiting and the refusals. With {@code RateLimits.none()} (the default) it limits nothing.
     */
    public io.github.kalshi4j.ratelimit.RateLimiter rateLimiter() {
        return core.transport.rateLimiter();
    }

    /** The connection settings. */
    public KalshiConfig config() {
        return core.config;
    }

    /** The JSON mapper the client decodes with (configured for Kalshi's models, aliases included). */
    public ObjectMapper mapper() {
        return core.mapper;
    }

    /** Closes connections and threads, for this client and its blocking twin. Idempotent. */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "KalshiAsyncClient{" + core.config.baseUrl() + (isAuthenticated() ? ", " + core.signer : ", unauthenticated") + "}";
    }
}
