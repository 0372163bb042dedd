package io.github.kalshi4j.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.auth.PublicKeys;
import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.testkit.engine.Account;
import io.github.kalshi4j.testkit.engine.Exchange;
import io.github.kalshi4j.testkit.engine.Seed;
import io.github.kalshi4j.testkit.internal.Auth;
import io.github.kalshi4j.testkit.internal.EndpointCosts;
import io.github.kalshi4j.testkit.internal.HttpCall;
import io.github.kalshi4j.testkit.internal.RateLimiter;
import io.github.kalshi4j.testkit.internal.Router;
import io.github.kalshi4j.testkit.rest.RestRoutes;
import io.github.kalshi4j.testkit.ws.IndexFeeds;
import io.github.kalshi4j.testkit.ws.WsGateway;
import io.github.kalshi4j.transport.KalshiJson;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A local Kalshi exchange: a real server on loopback that speaks Kalshi's REST API under {@code /trade-api/v2} and
 * its WebSocket API at {@code /trade-api/ws/v2}, on one port, backed by a matching engine seeded with series,
 * events, markets and accounts.
 *
 * <pre>{@code
 * try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().build().start();
 *      KalshiClient client = exchange.client()) {
 *     Market m = client.markets().getMarket(exchange.seed().markets().get(0).ticker()).market();
 * }
 * }</pre>
 */
public final class LocalKalshiExchange implements AutoCloseable {

    private final Builder config;
    private final Exchange engine;
    private final Auth auth;
    private final Router router;
    private final Faults faults;
    private final EndpointCosts costs;
    private final ObjectMapper mapper = KalshiJson.newMapper();
    private final WsGateway ws;
    private final Map<String, String> privateKeys = new ConcurrentHashMap<>();
    private Server server;
    private URI restUrl;
    private URI wsUrl;

    private LocalKalshiExchange(Builder b) {
        this.config = b;
        this.engine = Exchange.builder().seed(b.seed()).clock(b.clock).build();
        this.costs = EndpointCosts.of(b.endpointCosts());
        this.auth = new Auth(b.authClock, b.authWindow);
        this.router = new Router();
        SpecValidation validation = b.validation;
        this.ws = new WsGateway(engine, auth, mapper, b.pingInterval, b.anonymousWebSocket, b.seed().indexFeeds(),
                validation == null ? null : validation::observeFrame);
        this.faults = new Faults(ws.faults());
        RestRoutes.register(router, engine, costs, this::tierNamed);
        for (Account a : engine.listAccounts()) {
            if (a.publicKeyPem() != null && a.apiKeyId() != null) {
                auth.register(a.apiKeyId(), a.userId(), PublicKeys.fromPem(a.publicKeyPem()));
            }
        }
    }

    /** A builder: default seed, port 0 (a free port), rate limits off. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server (about 0.1 s in a warm JVM; a fresh JVM first loads Jetty's and Jackson's classes); returns
     * this for chaining.
     */
    public synchronized LocalKalshiExchange start() {
        if (server != null) {
            return this;
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("kalshi4j-exchange");
        threads.setDaemon(true);
        Server s = new Server(threads);
        ServerConnector connector = new ServerConnector(s, 1, 1);
        connector.setHost(config.host);
        connector.setPort(config.port);
        s.addConnector(connector);
        RestEndpoint rest = new RestEndpoint(router, auth, new RateLimiter(config.authClock), this::tierOf,
                config.rateLimits, costs, faults, mapper, config.responseObserver, config.validation);
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(s, container -> ws.configure(container));
        upgrade.setHandler(rest);
        s.setHandler(upgrade);
        ws.start();
        try {
            s.start();
        } catch (Exception e) {
            ws.close();
            throw new IllegalStateException("cannot start the local exchange on " + config.host + ":" + config.port + ": " + e, e);
        }
        this.server = s;
        int port = connector.getLocalPort();
        this.restUrl = URI.create("http://" + config.host + ":" + port + RestEndpoint.PREFIX);
        this.wsUrl = URI.create("ws://" + config.host + ":" + port + WsGateway.PATH);
        return this;
    }

    private RateLimiter.Tier tierOf(String userId) {
        return tierNamed(userId == null ? null : engine.getAccount(userId).tier());
    }

    /** A tier by name: one the builder set ({@link Builder#rateLimitTier}), else Kalshi's, else basic. */
    private RateLimiter.Tier tierNamed(String name) {
        RateLimiter.Tier own = config.tiers.get(name == null ? "basic" : name);
        if (own != null) {
            return own;
        }
        return name != null && RateLimiter.TIERS.containsKey(name) ? RateLimiter.TIERS.get(name) : tierNamed("basic");
    }

    /** The REST base URL, e.g. {@code http://127.0.0.1:54321/trade-api/v2}. */
    public URI restUrl() {
        requireStarted();
        return restUrl;
    }

    /** The WebSocket URL, e.g. {@code ws://127.0.0.1:54321/trade-api/ws/v2}. */
    public URI webSocketUrl() {
        requireStarted();
        return wsUrl;
    }

    /** The port the server listens on. */
    public int port() {
        requireStarted();
        return restUrl.getPort();
    }

    /** A client config pointing at this exchange. */
    public KalshiConfig clientConfig() {
        return KalshiConfig.builder().baseUrl(restUrl()).webSocketUrl(webSocketUrl()).build();
    }

    /** A client signed as the first seeded account. */
    public KalshiClient client() {
        return client(engine.listAccounts().get(0).userId());
    }

    /** A client signed as the given member (keys are generated and registered on first use). */
    public KalshiClient client(String userId) {
        Credentials c = credentials(userId);
        return KalshiClient.builder().config(clientConfig()).credentials(c.keyId(), c.privateKeyPem()).build();
    }

    /** An async client signed as the given member. */
    public KalshiAsyncClient asyncClient(String userId) {
        return client(userId).async();
    }

    /** An unauthenticated client (public endpoints only). */
    public KalshiClient publicClient() {
        return KalshiClient.builder().config(clientConfig()).build();
    }

    /** A member's API key id and private key, for building clients by hand. */
    public record Credentials(String userId, String keyId, String privateKeyPem) {
        @Override
        public String toString() {
            return "Credentials{userId=" + userId + ", keyId=" + keyId + "}";
        }
    }

    /**
     * The credentials of a seeded member. A member seeded without a public key gets a fresh 2048-bit RSA key pair,
     * registered with the exchange on first use.
     */
    public Credentials credentials(String userId) {
        Account account = engine.getAccount(userId);
        String pem = privateKeys.computeIfAbsent(userId, id -> {
            if (account.publicKeyPem() != null) {
                throw new IllegalStateException("member " + id + " was seeded with its own public key; use its private key");
            }
            KeyPair kp = newKeyPair();
            auth.register(account.apiKeyId(), id, kp.getPublic());
            return pem("PRIVATE KEY", kp.getPrivate().getEncoded());
        });
        return new Credentials(userId, account.apiKeyId(), pem);
    }

    /** Registers an extra API key for a member (its public key in PEM). */
    public void registerKey(String userId, String keyId, String publicKeyPem) {
        engine.getAccount(userId);
        auth.register(keyId, userId, PublicKeys.fromPem(publicKeyPem));
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    /** The matching engine (markets, accounts, orders), for assertions and for driving the exchange. */
    public Exchange engine() {
        return engine;
    }

    /** The seed the exchange started from. */
    public Seed seed() {
        return config.seed();
    }

    /**
     * The index values of the WebSocket index channels ({@code cfbenchmarks_value}, {@code cfbenchmarks_value_5hz},
     * {@code pyth_value}): the seed names the indices, and a value reaches subscribers when it is published here.
     */
    public IndexFeeds indexFeeds() {
        return ws.indexFeeds();
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** The spec validation this exchange records into, or null when it validates nothing. */
    public SpecValidation specValidation() {
        return config.validation;
    }

    /** Spec operations the exchange models (every other one answers 501), sorted. */
    public Set<String> modeledOperations() {
        Set<String> all = new java.util.TreeSet<>();
        io.github.kalshi4j.api.Operations.all().forEach(o -> all.add(o.operationId()));
        all.removeAll(router.unmodeled());
        return all;
    }

    /** Spec operations the exchange does not model: they answer 501 with a Kalshi-shaped error. */
    public Set<String> unmodeledOperations() {
        return router.unmodeled();
    }

    /** Settles a market ("yes" or "no"): resting orders are canceled and winners paid $1 per contract. */
    public void settle(String ticker, String result) {
        engine.settle(ticker, result);
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("the exchange is not started; call start()");
        }
    }

    /** Stops the server and closes every connection. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            ws.close();
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the local exchange", e);
            }
            server = null;
        }
    }

    static HttpCall newCall(String method, String rawPath, Map<String, String> pathParams, String rawQuery, byte[] body,
            String userId, ObjectMapper mapper) {
        return HttpCall.of(method, rawPath, pathParams, rawQuery, body, userId, mapper);
    }

    /** Builds {@link LocalKalshiExchange}s. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        /** Null until set: the default seed is only loaded for exchanges that use it. */
        private Seed seed;
        private Clock clock = Clock.systemUTC();
        private Clock authClock = Clock.systemUTC();
        private Duration authWindow = Duration.ofSeconds(30);
        private boolean rateLimits;
        private final Map<String, RateLimiter.Tier> tiers = new ConcurrentHashMap<>();
        private final Map<String, Seed.EndpointCostSpec> endpointCosts = new java.util.LinkedHashMap<>();
        private Duration pingInterval = Duration.ofSeconds(10);
        private BiConsumer<String, byte[]> responseObserver;
        private boolean anonymousWebSocket;
        private SpecValidation validation = SpecValidation.enabledBySystemProperty() ? SpecValidation.shared() : null;

        private Builder() {
        }

        /** Port to listen on; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        /** Interface to bind; loopback by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Reference data and accounts. */
        public Builder seed(Seed seed) {
            this.seed = Objects.requireNonNull(seed, "seed");
            return this;
        }

        /** A seed read from a JSON file (format in the README). */
        public Builder seedFile(Path file) {
            try (var in = Files.newInputStream(file)) {
                return seed(Seed.load(in));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read seed file " + file + ": " + e.getMessage(), e);
            }
        }

        /** The exchange's clock (order and trade times). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The clock signatures' timestamps are checked against, and the accepted skew. */
        public Builder authWindow(Clock clock, Duration window) {
            this.authClock = Objects.requireNonNull(clock, "clock");
            this.authWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Enforces per-tier token-bucket rate limits (off by default, as tests want). */
        public Builder rateLimits(boolean enabled) {
            this.rateLimits = enabled;
            return this;
        }

        /**
         * Sets a usage tier's token buckets (what {@code /account/limits} reports and {@link #rateLimits(boolean)}
         * enforces for the members of that tier), replacing Kalshi's figures for it or adding a tier seeds may name;
         * a member whose tier is unknown gets {@code basic}. Small buckets make rate-limit tests short.
         *
         * @param tier the tier's name, e.g. {@code basic}
         * @param readRate read tokens added per second
         * @param readCapacity most read tokens held
         * @param writeRate write tokens added per second
         * @param writeCapacity most write tokens held
         * @return this builder
         */
        public Builder rateLimitTier(String tier, int readRate, int readCapacity, int writeRate, int writeCapacity) {
            Objects.requireNonNull(tier, "tier");
            if (readRate <= 0 || readCapacity <= 0 || writeRate <= 0 || writeCapacity <= 0) {
                throw new IllegalArgumentException("bucket rates and capacities must be positive");
            }
            tiers.put(tier, new RateLimiter.Tier(tier, new RateLimiter.Bucket(readRate, readCapacity),
                    new RateLimiter.Bucket(writeRate, writeCapacity)));
            return this;
        }

        /**
         * Gives an endpoint a token cost of its own (charged when rate limits are on, and reported by
         * {@code /account/endpoint_costs} when it differs from the default), over the seed's {@code endpoint_costs}.
         *
         * @param method the HTTP method
         * @param pathTemplate the spec's path template, e.g. {@code /markets/{ticker}}; it must be an operation of
         *     the pinned spec
         * @param cost tokens, positive
         * @return this builder
         */
        public Builder endpointCost(String method, String pathTemplate, int cost) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathTemplate, "pathTemplate");
            if (cost <= 0) {
                throw new IllegalArgumentException("cost must be positive, got " + cost);
            }
            endpointCosts.put(method + " " + pathTemplate, new Seed.EndpointCostSpec(method, pathTemplate, cost));
            return this;
        }

        /** The seed's endpoint costs, overridden by those given to the builder. */
        private List<Seed.EndpointCostSpec> endpointCosts() {
            Map<String, Seed.EndpointCostSpec> all = new java.util.LinkedHashMap<>();
            for (Seed.EndpointCostSpec c : seed().endpointCosts()) {
                all.put(c.method() + " " + c.path(), c);
            }
            all.putAll(endpointCosts);
            return List.copyOf(all.values());
        }

        /** How often the WebSocket pings (Kalshi: 10 s). */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Accepts WebSocket handshakes without auth headers (public channels only). Off by default: Kalshi refuses an
         * unsigned upgrade with 401, and so does the local exchange unless a test is about anonymous connections.
         */
        public Builder allowAnonymousWebSocket(boolean allowed) {
            this.anonymousWebSocket = allowed;
            return this;
        }

        /**
         * Validates every REST response body (success and error) and every WebSocket frame against the specs into
         * {@code validation}; null turns validation off. Defaults to {@link SpecValidation#shared()} when the system property
         * {@value SpecValidation#ENABLED_PROPERTY} is {@code true}, else off.
         */
        public Builder specValidation(SpecValidation validation) {
            this.validation = validation;
            return this;
        }

        /** Sees every successful REST response body (operationId, bytes), e.g. to validate them against the spec. */
        public Builder responseObserver(BiConsumer<String, byte[]> observer) {
            this.responseObserver = observer;
            return this;
        }

        private Seed seed() {
            return seed != null ? seed : Seed.defaultSeed();
        }

        /** The exchange, not yet started. */
        public LocalKalshiExchange build() {
            return new LocalKalshiExchange(this);
        }

        /** Builds and starts. */
        public LocalKalshiExchange start() {
            return build().start();
        }
    }

    /** The seeded members' user ids, in seed order. */
    public List<String> userIds() {
        return engine.listAccounts().stream().map(Account::userId).toList();
    }
}
