package io.github.kalshi4j.client;

import io.github.kalshi4j.api.KalshiApis;
import io.github.kalshi4j.auth.KalshiSigner;

import java.util.Map;
import java.util.Properties;

/**
 * The blocking Kalshi client: every REST operation of the pinned spec, grouped by tag.
 *
 * <pre>{@code
 * try (KalshiClient client = KalshiClient.fromEnv()) {
 *     for (Market m : client.markets().getMarketsPages(p -> p.status("open").limit(200L))) {
 *         System.out.println(m.ticker() + " " + m.yesBid());
 *     }
 *     GetBalanceResponse balance = client.portfolio().getBalance();
 * }
 * }</pre>
 *
 * <p>Thread-safe; create one per application and share it. {@link #async()} gives the
 * {@code CompletableFuture} twin over the same configuration, credentials and threads.
 */
public final class KalshiClient extends KalshiApis implements AutoCloseable {

    private final ClientCore core;

    KalshiClient(ClientCore core) {
        super(core.transport);
        this.core = core;
    }

    /**
     * A client configured from the environment (system properties override):
     * {@code KALSHI_KEY_ID}, {@code KALSHI_PRIVATE_KEY} (PEM text) or {@code KALSHI_PRIVATE_KEY_PATH},
     * {@code KALSHI_API_BASE_URL}, {@code KALSHI_WS_BASE_URL}, {@code KALSHI_DEMO}. Without credentials the client is
     * unauthenticated: public endpoints work, authenticated ones fail fast with a {@code KalshiAuthException}.
     */
    public static KalshiClient fromEnv() {
        return builder().fromEnv().build();
    }

    /** A client configured from the given environment and properties (for tests and custom launchers). */
    public static KalshiClient fromEnv(Map<String, String> env, Properties properties) {
        return builder().fromEnv(env, properties).build();
    }

    /** A builder: production by default. */
    public static KalshiClientBuilder builder() {
        return new KalshiClientBuilder();
    }

    /** The {@code CompletableFuture} twin, sharing this client's connection pool, credentials and threads. */
    public KalshiAsyncClient async() {
        return core.async();
    }

    /**
     * The WebSocket client (market data, your orders and fills, RFQs), shared with the async twin and closed
     * with this client. It connects on first use; after it has closed, the next call returns a new one.
     */
    public io.github.kalshi4j.ws.KalshiWebSocket ws() {
        return core.ws();
    }

    /** True when requests are signed (credentials were given). */
    public boolean isAuthenticated() {
        return core.signer != null;
    }

    /** The signer, if authenticated (its toString never shows key material). */
    public java.util.Optional<KalshiSigner> signer() {
        return java.util.Optional.ofNullable(core.signer);
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
    public com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return core.mapper;
    }

    /** Closes connections and threads, for this client and its async twin. Idempotent. */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "KalshiClient{" + core.config.baseUrl() + (isAuthenticated() ? ", " + core.signer : ", unauthenticated") + "}";
    }

    ClientCore core() {
        return core;
    }
}
