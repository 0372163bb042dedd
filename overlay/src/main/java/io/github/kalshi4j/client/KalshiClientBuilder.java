package io.github.kalshi4j.client;

import io.github.kalshi4j.internal.DaemonThreads;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.auth.PrivateKeys;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.errors.KalshiAuthException;
import io.github.kalshi4j.http.ApacheHttpExchange;
import io.github.kalshi4j.http.HttpExchange;
import io.github.kalshi4j.http.RetryPolicy;
import io.github.kalshi4j.http.Sleeper;
import io.github.kalshi4j.internal.KalshiHttpTransport;
import io.github.kalshi4j.internal.KalshiMappers;
import io.github.kalshi4j.ratelimit.RateLimits;
import io.github.kalshi4j.ws.WebSocketOptions;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Builds {@link KalshiClient}s and {@link KalshiAsyncClient}s.
 *
 * <pre>{@code
 * KalshiClient client = KalshiClient.builder()
 *         .config(KalshiConfig.demo())
 *         .credentialsFromPath("my-key-id", "~/.kalshi/demo.pem")
 *         .build();
 * }</pre>
 */
public final class KalshiClientBuilder {

    /** Environment variables and the system properties that override them. */
    public enum Setting {
        /** API key id. */
        KEY_ID("KALSHI_KEY_ID", "kalshi.keyId"),
        /** Private key PEM text (PKCS#1 or PKCS#8). */
        PRIVATE_KEY("KALSHI_PRIVATE_KEY", "kalshi.privateKey"),
        /** Path to the private key PEM file; {@code ~} expands to the home directory. */
        PRIVATE_KEY_PATH("KALSHI_PRIVATE_KEY_PATH", "kalshi.privateKeyPath"),
        /** REST base URL. */
        API_BASE_URL("KALSHI_API_BASE_URL", "kalshi.apiBaseUrl"),
        /** WebSocket URL (otherwise derived from the REST base URL). */
        WS_BASE_URL("KALSHI_WS_BASE_URL", "kalshi.wsBaseUrl"),
        /** {@code true} for Kalshi's demo environment. */
        DEMO("KALSHI_DEMO", "kalshi.demo"),
        /**
         * Which provider signs: {@code auto} (the default: Conscrypt when present and working, else the JDK),
         * {@code jdk}, {@code bouncycastle}, {@code conscrypt} or {@code openssl} (Java 22+); see
         * {@link KalshiConfig#signerProvider()}.
         */
        SIGNER_PROVIDER("KALSHI_SIGNER_PROVIDER", "kalshi.signerProvider"),
        /**
         * Client-side rate limits: {@code none} (the default), {@code account} (the account's own buckets and
         * endpoint costs) or {@code r/rc/w/wc} (read rate, read capacity, write rate, write capacity, in tokens); see
         * {@link RateLimits#parse(String)}.
         */
        RATE_LIMITS("KALSHI_RATE_LIMITS", "kalshi.rateLimits");

        private final String env;
        private final String property;

        Setting(String env, String property) {
            this.env = env;
            this.property = property;
        }

        /** The environment variable. */
        public String env() {
            return env;
        }

        /** The system property that overrides it. */
        public String property() {
            return property;
        }

        /**
         * This setting's value as {@code fromEnv} reads it: the system property if set, else the environment
         * variable; trimmed; blank counts as unset.
         *
         * @return the value, or null when unset
         */
        public String read(Map<String, String> env, Properties properties) {
            String v = properties.getProperty(property);
            if (v == null) {
                v = env.get(this.env);
            }
            return v == null || v.isBlank() ? null : v.trim();
        }

        /**
         * This setting read as a switch, as {@code fromEnv} reads {@link #DEMO}: {@code true}, {@code yes} (any case)
         * and {@code 1} are on; {@code false}, {@code no} and {@code 0} are off.
         *
         * @return the switch, or null when unset
         * @throws IllegalArgumentException for any other value, naming the variable
         */
        public Boolean readSwitch(Map<String, String> env, Properties properties) {
            String v = read(env, properties);
            if (v == null) {
                return null;
            }
            if (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")) {
                return Boolean.TRUE;
            }
            if (v.equalsIgnoreCase("false") || v.equals("0") || v.equalsIgnoreCase("no")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException(this.env + " must be true or false, got \"" + v + "\"");
        }

        /**
         * This setting read as rate limits, as {@code fromEnv} reads {@link #RATE_LIMITS}.
         *
         * @return the limits, or null when unset
         * @throws IllegalArgumentException for a value {@link RateLimits#parse(String)} refuses, naming the variable
         */
        public RateLimits readRateLimits(Map<String, String> env, Properties properties) {
            String v = read(env, properties);
            if (v == null) {
                return null;
            }
            try {
                return RateLimits.parse(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(this.env + " (or -D" + property + "): " + e.getMessage(), e);
            }
        }

        /**
         * This setting read as a signer provider, as {@code fromEnv} reads {@link #SIGNER_PROVIDER}: {@code jdk},
         * {@code bouncycastle}, {@code conscrypt}, {@code openssl} or {@code auto}, in any case.
         *
         * @return the provider, or null when unset
         * @throws IllegalArgumentException for any other value, naming the variable and the allowed values
         */
        public RsaPssSigner.Provider readSignerProvider(Map<String, String> env, Properties properties) {
            String v = read(env, properties);
            if (v == null) {
                return null;
            }
            try {
                return RsaPssSigner.Provider.fromConfigName(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(this.env + " (or -D" + property + ") must be one of jdk, "
                        + "bouncycastle, conscrypt, openssl or auto, got \"" + v + "\"");
            }
        }
    }

    private KalshiConfig config = KalshiConfig.production();
    private KalshiSigner signer;
    /** True when {@link #signer} was made here from credentials, so the config's signer provider applies to it. */
    private boolean signerFromCredentials;
    private HttpExchange exchange;
    private boolean closeExchange = true;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private ObjectMapper mapper;
    private boolean safeOrderRetry;
    private WebSocketOptions webSocketOptions = WebSocketOptions.defaults();

    KalshiClientBuilder() {
    }

    /** Uses these connection settings. */
    public KalshiClientBuilder config(KalshiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /** Points the client at a base URL (a local exchange, say); the WebSocket URL follows it. */
    public KalshiClientBuilder baseUrl(String baseUrl) {
        this.config = config.toBuilder().baseUrl(baseUrl).build();
        return this;
    }

    /**
     * Signs with an RSA private key given as PEM text (PKCS#1 or PKCS#8), through the config's
     * {@link KalshiConfig#signerProvider() signer provider}.
     */
    public KalshiClientBuilder credentials(String keyId, String privateKeyPem) {
        return credentialSigner(RsaPssSigner.of(keyId, PrivateKeys.fromPem(privateKeyPem), config.signerProvider()));
    }

    /**
     * Signs with an RSA private key read from a PEM file, through the config's signer provider; {@code ~} expands
     * to the home directory.
     */
    public KalshiClientBuilder credentialsFromPath(String keyId, String path) {
        return credentialSigner(RsaPssSigner.of(keyId, PrivateKeys.fromPath(path), config.signerProvider()));
    }

    /** Signs with an RSA private key read from a PEM file, through the config's signer provider. */
    public KalshiClientBuilder credentialsFromPath(String keyId, Path path) {
        return credentialSigner(RsaPssSigner.of(keyId, PrivateKeys.fromPath(path), config.signerProvider()));
    }

    /**
     * Signs with a custom signer (an HSM or KMS, say, or an {@link RsaPssSigner} with a provider of your choice),
     * used as it is; null makes the client unauthenticated.
     */
    public KalshiClientBuilder signer(KalshiSigner signer) {
        this.signer = signer;
        this.signerFromCredentials = false;
        return this;
    }

    private KalshiClientBuilder credentialSigner(RsaPssSigner signer) {
        this.signer = signer;
        this.signerFromCredentials = true;
        return this;
    }

    /** Reads settings from the process environment and system properties; see {@link Setting}. */
    public KalshiClientBuilder fromEnv() {
        return fromEnv(System.getenv(), System.getProperties());
    }

    /**
     * Reads settings from the given environment, with {@code properties} overriding it; see {@link Setting}.
     * Settings the environment does not name keep their current values.
     */
    public KalshiClientBuilder fromEnv(Map<String, String> env, Properties properties) {
        Function<Setting, String> get = s -> s.read(env, properties);
        String baseUrl = get.apply(Setting.API_BASE_URL);
        String wsUrl = get.apply(Setting.WS_BASE_URL);
        Boolean demo = Setting.DEMO.readSwitch(env, properties);
        RsaPssSigner.Provider signerProvider = Setting.SIGNER_PROVIDER.readSignerProvider(env, properties);
        RateLimits rateLimits = Setting.RATE_LIMITS.readRateLimits(env, properties);
        boolean isDemo = Boolean.TRUE.equals(demo);
        // Only what the environment names changes: timeouts, retries and URLs set earlier on this builder stay
        // (credentials in the environment must not silently move a demo-configured client to production).
        KalshiConfig.Builder cfg = config.toBuilder();
        if (demo != null) {
            cfg.baseUrl(isDemo ? KalshiConfig.DEMO_REST : KalshiConfig.PRODUCTION_REST)
                    .webSocketUrl(isDemo ? KalshiConfig.DEMO_WS : KalshiConfig.PRODUCTION_WS);
        }
        if (baseUrl != null) {
            cfg.baseUrl(baseUrl);
        }
        if (wsUrl != null) {
            cfg.webSocketUrl(URI.create(wsUrl));
        }
        if (signerProvider != null) {
            cfg.signerProvider(signerProvider);
        }
        if (rateLimits != null) {
            cfg.rateLimits(rateLimits);
        }
        this.config = cfg.build();

        String keyId = get.apply(Setting.KEY_ID);
        String pem = get.apply(Setting.PRIVATE_KEY);
        String path = get.apply(Setting.PRIVATE_KEY_PATH);
        if (keyId == null && pem == null && path == null) {
            this.signer = null;
            this.signerFromCredentials = false;
            return this;
        }
        if (keyId == null) {
            throw new KalshiAuthException("a private key is configured but " + Setting.KEY_ID.env() + " is not set");
        }
        if (pem != null && path != null) {
            throw new KalshiAuthException("set either " + Setting.PRIVATE_KEY.env() + " or " + Setting.PRIVATE_KEY_PATH.env()
                    + ", not both");
        }
        if (pem == null && path == null) {
            throw new KalshiAuthException(Setting.KEY_ID.env() + " is set but neither " + Setting.PRIVATE_KEY.env()
                    + " nor " + Setting.PRIVATE_KEY_PATH.env() + " is");
        }
        // Environment PEM text often arrives with literal \n instead of line breaks.
        return pem != null ? credentials(keyId, pem.replace("\\n", "\n")) : credentialsFromPath(keyId, path);
    }

    /**
     * Replaces the HTTP exchange (a {@code RecordingTransport}, a {@code ReplayTransport}, your own). The client
     * takes ownership: closing the client closes the exchange (a {@code RecordingTransport} in turn closes the
     * exchange it wraps). To share one exchange between clients, use {@link #httpExchange(HttpExchange, boolean)}.
     */
    public KalshiClientBuilder httpExchange(HttpExchange exchange) {
        return httpExchange(exchange, true);
    }

    /**
     * Replaces the HTTP exchange, saying who closes it.
     *
     * @param exchange the exchange; null restores the default Apache HttpClient exchange, which the client owns
     * @param closeWithClient true: closing the client closes the exchange; false: the caller keeps ownership and
     *     closes it after the last client using it is closed
     */
    public KalshiClientBuilder httpExchange(HttpExchange exchange, boolean closeWithClient) {
        this.exchange = exchange;
        this.closeExchange = closeWithClient;
        return this;
    }

    /** Waits between retries through this sleeper (tests check exact waits with it). */
    public KalshiClientBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /** Time source for signatures and Retry-After dates. */
    public KalshiClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Jitter source for backoff, uniform in [0, 1) (tests pass a constant). */
    public KalshiClientBuilder jitter(DoubleSupplier jitter) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        return this;
    }

    /**
     * Turns on safe retry for order creation: a CreateOrder carrying a {@code client_order_id} that fails after it
     * may have reached the exchange is retried only after looking the order up, so it is never placed twice.
     * Per call: {@code RequestOptions.builder().attribute("kalshi4j.safeOrderRetry", true)}.
     */
    public KalshiClientBuilder safeOrderRetry(boolean enabled) {
        this.safeOrderRetry = enabled;
        return this;
    }

    /**
     * Client-side rate limiting: the same as {@code config(config.toBuilder().rateLimits(limits).build())}. Calls
     * wait for (or, in fail-fast mode, fail without) the tokens their endpoint costs, so the exchange never has to
     * answer 429.
     *
     * <pre>{@code
     * KalshiClient client = KalshiClient.builder().fromEnv().rateLimits(RateLimits.fromAccount()).build();
     * }</pre>
     */
    public KalshiClientBuilder rateLimits(RateLimits limits) {
        this.config = config.toBuilder().rateLimits(limits).build();
        return this;
    }

    /** WebSocket behaviour for {@code ws()}: heartbeat, command timeout, reconnect backoff, buffer sizes. */
    public KalshiClientBuilder webSocketOptions(WebSocketOptions options) {
        this.webSocketOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /** The blocking client. */
    public KalshiClient build() {
        return core().blocking();
    }

    /** The async client. */
    public KalshiAsyncClient buildAsync() {
        return core().async();
    }

    private ClientCore core() {
        // Credentials may have been given before the config that names the provider; a signer that already uses
        // the config's provider is kept as it is.
        KalshiSigner signer = signerFromCredentials
                ? ((RsaPssSigner) this.signer).withProvider(config.signerProvider()) : this.signer;
        ObjectMapper m = mapper != null ? mapper : KalshiMappers.create();
        boolean owns = exchange == null || closeExchange;
        HttpExchange ex = exchange == null
                ? new ApacheHttpExchange(config.connectTimeout(), config.maxConnections(), config.http2(), config.userAgent())
                : exchange;
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService worker = Executors.newFixedThreadPool(workers, DaemonThreads.factory("kalshi4j-worker"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("kalshi4j-retry"));
        RetryPolicy policy = new RetryPolicy(config.maxRetries(), config.backoffBase(), config.backoffCap(),
                config.maxRetryAfter(), jitter, clock);
        KalshiHttpTransport transport = new KalshiHttpTransport(config, signer, ex, m, policy, sleeper, clock, worker,
                scheduler, safeOrderRetry, config.rateLimits());
        return new ClientCore(config, signer, ex, owns, m, worker, scheduler, transport, clock, webSocketOptions);
    }


    @Override
    public String toString() {
        return "KalshiClientBuilder{" + config.baseUrl() + ", " + (signer == null ? "unauthenticated" : signer.toString())
                + "}";
    }

}
