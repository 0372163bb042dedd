package io.github.kalshi4j.client;

import io.github.kalshi4j.transport.RestServers;
import io.github.kalshi4j.ws.WsServers;

import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.ratelimit.RateLimits;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Connection settings of a kalshi4j client. Immutable; start from {@link #production()}, {@link #demo()} or
 * {@link #builder()}, change with {@link #toBuilder()}. Credentials are not part of the config (they are given
 * to the client builder), so a config can be logged and shared freely; which provider signs with them is.
 *
 * <pre>{@code
 * KalshiConfig cfg = KalshiConfig.demo().toBuilder().responseTimeout(Duration.ofSeconds(10)).build();
 * }</pre>
 */
public final class KalshiConfig {

    /** Kalshi's production REST base URL: the recommended server of the pinned OpenAPI spec. */
    public static final URI PRODUCTION_REST = RestServers.PRODUCTION;
    /** Kalshi's production WebSocket URL: the {@code production} server of the pinned AsyncAPI spec. */
    public static final URI PRODUCTION_WS = WsServers.PRODUCTION;
    /** Kalshi's demo REST base URL: the recommended demo server of the pinned OpenAPI spec. */
    public static final URI DEMO_REST = RestServers.DEMO;
    /** Kalshi's demo WebSocket URL: the {@code demo} server of the AsyncAPI spec (with kalshi4j's corrections). */
    public static final URI DEMO_WS = WsServers.DEMO;

    private final URI baseUrl;
    private final URI webSocketUrl;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxRetries;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final Duration maxRetryAfter;
    private final Map<String, String> extraHeaders;
    private final boolean http2;
    private final int maxConnections;
    private final String userAgent;
    private final RsaPssSigner.Provider signerProvider;
    private final RateLimits rateLimits;

    private KalshiConfig(Builder b) {
        this.baseUrl = normalizeBase(b.baseUrl);
        this.webSocketUrl = b.webSocketUrl != null ? b.webSocketUrl : webSocketUrlFor(this.baseUrl);
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxRetries = b.maxRetries;
        this.backoffBase = b.backoffBase;
        this.backoffCap = b.backoffCap;
        this.maxRetryAfter = b.maxRetryAfter;
        this.extraHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraHeaders));
        this.http2 = b.http2;
        this.maxConnections = b.maxConnections;
        this.userAgent = b.userAgent;
        this.signerProvider = b.signerProvider;
        this.rateLimits = b.rateLimits;
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap (" + backoffCap + ") must be >= backoffBase (" + backoffBase + ")");
        }
    }

    /** Production settings: Kalshi's production URLs and the defaults. */
    public static KalshiConfig production() {
        return builder().build();
    }

    /** Demo-environment settings: Kalshi's demo URLs and the defaults. */
    public static KalshiConfig demo() {
        return builder().baseUrl(DEMO_REST).webSocketUrl(DEMO_WS).build();
    }

    /**
     * A builder with production URLs and the defaults (30 s timeouts, 3 retries, backoff 0.5 s capped at 30 s,
     * server-requested waits up to 60 s).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUrl = baseUrl;
        b.webSocketUrl = webSocketUrl;
        b.connectTimeout = connectTimeout;
        b.responseTimeout = responseTimeout;
        b.maxRetries = maxRetries;
        b.backoffBase = backoffBase;
        b.backoffCap = backoffCap;
        b.maxRetryAfter = maxRetryAfter;
        b.extraHeaders.putAll(extraHeaders);
        b.http2 = http2;
        b.maxConnections = maxConnections;
        b.userAgent = userAgent;
        b.signerProvider = signerProvider;
        b.rateLimits = rateLimits;
        return b;
    }

    /**
     * The WebSocket URL used with a REST base URL when none is set: Kalshi's WebSocket server for its recommended
     * production and demo REST servers (their WebSocket hosts differ from the REST hosts), else
     * {@link #deriveWebSocketUrl(URI)}.
     */
    static URI webSocketUrlFor(URI restBase) {
        if (restBase.equals(PRODUCTION_REST)) {
            return PRODUCTION_WS;
        }
        if (restBase.equals(DEMO_REST)) {
            return DEMO_WS;
        }
        return deriveWebSocketUrl(restBase);
    }

    /**
     * The WebSocket URL derived from a REST base URL on the same host: {@code https://host/trade-api/v2} becomes
     * {@code wss://host/trade-api/ws/v2} ({@code http} becomes {@code ws}). Right for a local exchange, a proxy and
     * Kalshi's shared hosts; Kalshi's recommended hosts use separate WebSocket hosts ({@link #PRODUCTION_WS}).
     */
    public static URI deriveWebSocketUrl(URI restBase) {
        String scheme = restBase.getScheme().toLowerCase(Locale.ROOT);
        String wsScheme = scheme.equals("https") ? "wss" : scheme.equals("http") ? "ws" : null;
        if (wsScheme == null) {
            throw new IllegalArgumentException("base URL must be http or https: " + restBase);
        }
        String path = restBase.getRawPath() == null ? "" : restBase.getRawPath();
        String wsPath = path.endsWith("/trade-api/v2") ? path.substring(0, path.length() - "/v2".length()) + "/ws/v2"
                : path + "/ws/v2";
        return URI.create(wsScheme + "://" + restBase.getRawAuthority() + wsPath);
    }

    private static URI normalizeBase(URI uri) {
        Objects.requireNonNull(uri, "baseUrl");
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI u = URI.create(s);
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + uri);
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + uri);
        }
        return u;
    }

    /** REST base URL, e.g. {@code https://external-api.kalshi.com/trade-api/v2} (no trailing slash). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** WebSocket URL; derived from {@link #baseUrl()} unless set. */
    public URI webSocketUrl() {
        return webSocketUrl;
    }

    /** True when the base URL is one of Kalshi's demo servers (the recommended one or one also supported). */
    public boolean isDemo() {
        if (baseUrl.getHost() == null) {
            return false;
        }
        return baseUrl.getHost().equalsIgnoreCase(DEMO_REST.getHost())
                || RestServers.DEMO_ALSO_SUPPORTED.stream().anyMatch(u -> baseUrl.getHost().equalsIgnoreCase(u.getHost()));
    }

    /** TCP/TLS connect timeout (default 30 s). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time to wait for a response (default 30 s); per-call options may override it. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** Retries after the first attempt for retryable failures (default 3). */
    public int maxRetries() {
        return maxRetries;
    }

    /** First backoff delay (default 0.5 s); doubles per retry. */
    public Duration backoffBase() {
        return backoffBase;
    }

    /** Largest backoff delay (default 30 s). */
    public Duration backoffCap() {
        return backoffCap;
    }

    /**
     * The longest server-requested wait ({@code Retry-After} on a 429 or 503) the client sleeps through before
     * retrying (default 60 s). A longer one is not waited for: the call fails at once with the
     * {@code KalshiRateLimitException} or {@code KalshiServerException}, whose {@code retryAfter()} says how long
     * the server asked for.
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Headers added to every request. */
    public Map<String, String> extraHeaders() {
        return extraHeaders;
    }

    /**
     * Whether async calls negotiate HTTP/2 (opt-in; default HTTP/1.1). Blocking calls always use HTTP/1.1:
     * HttpClient 5's classic client does not speak HTTP/2.
     */
    public boolean http2() {
        return http2;
    }

    /**
     * Connection pool size, per direction (default 64): the blocking calls and the async calls of a client each
     * keep their own pool of up to this many connections, because HttpClient 5's classic and async clients cannot
     * share one. A client that makes both kinds of call can hold up to twice this many; the async pool exists
     * only once an async call has been made.
     */
    public int maxConnections() {
        return maxConnections;
    }

    /** The User-Agent header. */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Which provider signs with the credentials given to the client builder ({@code credentials(...)},
     * {@code credentialsFromPath(...)}, {@code fromEnv()}); default {@link RsaPssSigner.Provider#AUTO}: Conscrypt
     * when it is on the classpath and works on this platform, else the JDK. {@link RsaPssSigner.Provider#OPENSSL}
     * (Java 22+) signs only when chosen here. A signer passed to {@code signer(...)} is used as it is.
     */
    public RsaPssSigner.Provider signerProvider() {
        return signerProvider;
    }

    /**
     * Client-side rate limiting (default {@link RateLimits#none()}): {@link RateLimits#fromAccount()} mirrors the
     * account's token buckets and endpoint costs, {@link RateLimits#of(int, int, int, int)} sets them explicitly.
     */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KalshiConfig c && rateLimits.equals(c.rateLimits) && baseUrl.equals(c.baseUrl) && webSocketUrl.equals(c.webSocketUrl)
                && connectTimeout.equals(c.connectTimeout) && responseTimeout.equals(c.responseTimeout)
                && maxRetries == c.maxRetries && backoffBase.equals(c.backoffBase) && backoffCap.equals(c.backoffCap)
                && maxRetryAfter.equals(c.maxRetryAfter)
                && extraHeaders.equals(c.extraHeaders) && http2 == c.http2 && maxConnections == c.maxConnections
                && userAgent.equals(c.userAgent) && signerProvider == c.signerProvider;
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, webSocketUrl, connectTimeout, responseTimeout, maxRetries, backoffBase, backoffCap,
                maxRetryAfter, extraHeaders, http2, maxConnections, userAgent, signerProvider, rateLimits);
    }

    @Override
    public String toString() {
        return "KalshiConfig{baseUrl=" + baseUrl + ", webSocketUrl=" + webSocketUrl + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + ", maxRetries=" + maxRetries + ", backoff=" + backoffBase
                + ".." + backoffCap + ", maxRetryAfter=" + maxRetryAfter + ", http2=" + http2 + ", maxConnections=" + maxConnections
                + ", signerProvider=" + signerProvider.configName() + ", rateLimits=" + rateLimits + ", extraHeaders=" + extraHeaders.keySet() + "}";
    }

    /** Builds {@link KalshiConfig}s. */
    public static final class Builder {
        private URI baseUrl = PRODUCTION_REST;
        private URI webSocketUrl;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration backoffBase = Duration.ofMillis(500);
        private Duration backoffCap = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private boolean http2;
        private int maxConnections = 64;
        private String userAgent = "kalshi4j/" + Version.VERSION + " (Java " + Runtime.version().feature() + ")";
        private RsaPssSigner.Provider signerProvider = RsaPssSigner.Provider.AUTO;
        private RateLimits rateLimits = RateLimits.none();

        private Builder() {
        }

        /**
         * The REST base URL. Unless {@link #webSocketUrl(URI)} is also called, the WebSocket URL follows it
         * (so pointing at a local exchange never leaves the WebSocket on production).
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.webSocketUrl = null;
            return this;
        }

        /** The REST base URL as text. */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /** The WebSocket URL, when it cannot be derived from the base URL. */
        public Builder webSocketUrl(URI webSocketUrl) {
            String scheme = webSocketUrl == null ? null : webSocketUrl.getScheme();
            if (webSocketUrl != null && !"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("webSocketUrl must be ws:// or wss://, got " + webSocketUrl);
            }
            this.webSocketUrl = webSocketUrl;
            return this;
        }

        /** Connect timeout; positive. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive("connectTimeout", d);
            return this;
        }

        /** Response timeout; positive. */
        public Builder responseTimeout(Duration d) {
            this.responseTimeout = positive("responseTimeout", d);
            return this;
        }

        /** Retries after the first attempt; 0 disables retries. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 20) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 20, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** First backoff delay. */
        public Builder backoffBase(Duration d) {
            this.backoffBase = positive("backoffBase", d);
            return this;
        }

        /** Largest backoff delay. */
        public Builder backoffCap(Duration d) {
            this.backoffCap = positive("backoffCap", d);
            return this;
        }

        /**
         * The longest server-requested wait ({@code Retry-After}) to sleep through before a retry; positive.
         * Longer waits fail the call at once with an exception carrying {@code retryAfter()}.
         */
        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = positive("maxRetryAfter", d);
            return this;
        }

        /** Adds a header to every request (not the signing headers, which the client owns). */
        public Builder extraHeader(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (name.regionMatches(true, 0, "KALSHI-ACCESS-", 0, 14)) {
                throw new IllegalArgumentException(name + " is set by the client's signer, not by configuration");
            }
            extraHeaders.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Opts in to HTTP/2 for async calls (blocking calls stay on HTTP/1.1). */
        public Builder http2(boolean http2) {
            this.http2 = http2;
            return this;
        }

        /** Connection pool size of each of the blocking and the async pools; at least 1. */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /** Overrides the User-Agent. */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /**
         * Which provider signs with the credentials given to the client builder; see
         * {@link KalshiConfig#signerProvider()}. Choosing {@link RsaPssSigner.Provider#CONSCRYPT} makes building the
         * client fail with a {@code KalshiAuthException} when Conscrypt is absent or cannot load here, and
         * {@link RsaPssSigner.Provider#OPENSSL} when this is Java 17 to 21 or OpenSSL 3's libcrypto cannot load.
         */
        public Builder signerProvider(RsaPssSigner.Provider signerProvider) {
            this.signerProvider = Objects.requireNonNull(signerProvider, "signerProvider");
            return this;
        }

        /**
         * Client-side rate limiting; see {@link KalshiConfig#rateLimits()}.
         *
         * @param rateLimits {@link RateLimits#none()}, {@link RateLimits#fromAccount()} or explicit buckets
         * @return this builder
         */
        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
            return this;
        }

        /** The config. */
        public KalshiConfig build() {
            return new KalshiConfig(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
