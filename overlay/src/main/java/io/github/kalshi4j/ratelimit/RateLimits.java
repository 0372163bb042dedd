package io.github.kalshi4j.ratelimit;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's rate limits: Kalshi's token buckets, as the spec's {@code BucketLimit} describes them. "Each request
 * deducts tokens equal to its endpoint cost; the bucket refills at refill_rate tokens per second up to
 * bucket_capacity. A request is allowed if the bucket holds enough tokens to cover its cost." There is a read
 * bucket (GET and HEAD) and a write bucket (everything else). Immutable.
 *
 * <ul>
 *   <li>{@link #none()} (the default): no client-side limiting; a 429 is handled by the retry rules alone.</li>
 *   <li>{@link #fromAccount()}: the buckets of {@code GET /account/limits} and the costs of
 *       {@code GET /account/endpoint_costs}, fetched on first use and refreshed every {@link #refreshEvery()} and
 *       after a 429.</li>
 *   <li>{@link #of(int, int, int, int)}: explicit buckets, in tokens; every endpoint costs {@link #defaultCost()}
 *       (Kalshi's default, {@value #KALSHI_DEFAULT_COST}) unless given a cost with
 *       {@link #withEndpointCost(String, String, int)}.</li>
 * </ul>
 *
 * <pre>{@code
 * KalshiClient client = KalshiClient.builder().fromEnv().rateLimits(RateLimits.fromAccount()).build();
 * }</pre>
 */
public final class RateLimits {

    /** Kalshi's default endpoint cost in tokens (the spec's {@code default_cost}: "currently 10"). */
    public static final int KALSHI_DEFAULT_COST = 10;
    /** How often {@link #fromAccount()} re-reads the account's limits unless told otherwise. */
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);
    /** The longest a call waits for its bucket unless told otherwise. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);
    /** Waits longer than this are logged at debug unless told otherwise. */
    public static final Duration DEFAULT_LOG_WAITS_OVER = Duration.ofMillis(250);

    /** Where the buckets come from. */
    public enum Source {
        /** No client-side limiting. */
        NONE,
        /** Buckets and costs given explicitly. */
        EXPLICIT,
        /** Buckets and costs read from the account ({@code /account/limits}, {@code /account/endpoint_costs}). */
        ACCOUNT
    }

    /**
     * One token bucket, as {@code BucketLimit} has it.
     *
     * @param refillRate tokens added per second, positive
     * @param capacity most tokens the bucket holds, positive
     */
    public record Bucket(int refillRate, int capacity) {
        /** Checks the values. */
        public Bucket {
            if (refillRate <= 0 || capacity <= 0) {
                throw new IllegalArgumentException("a bucket's refill rate and capacity must be positive, got "
                        + refillRate + "/" + capacity);
            }
        }

        @Override
        public String toString() {
            return refillRate + "/s up to " + capacity;
        }
    }

    private static final RateLimits NONE = new RateLimits(Source.NONE, null, null, KALSHI_DEFAULT_COST, Map.of(),
            DEFAULT_REFRESH, RateLimitWait.upTo(DEFAULT_MAX_WAIT), DEFAULT_LOG_WAITS_OVER);

    private final Source source;
    private final Bucket read;
    private final Bucket write;
    private final int defaultCost;
    private final Map<String, Integer> endpointCosts;
    private final Duration refreshEvery;
    private final RateLimitWait waitMode;
    private final Duration logWaitsOver;

    private RateLimits(Source source, Bucket read, Bucket write, int defaultCost, Map<String, Integer> endpointCosts,
            Duration refreshEvery, RateLimitWait waitMode, Duration logWaitsOver) {
        this.source = source;
        this.read = read;
        this.write = write;
        this.defaultCost = defaultCost;
        this.endpointCosts = Collections.unmodifiableMap(new LinkedHashMap<>(endpointCosts));
        this.refreshEvery = refreshEvery;
        this.waitMode = waitMode;
        this.logWaitsOver = logWaitsOver;
    }

    /** No client-side limiting (the default). */
    public static RateLimits none() {
        return NONE;
    }

    /**
     * The account's own limits: {@code GET /account/limits} (the read and write buckets) and
     * {@code GET /account/endpoint_costs} (every endpoint whose cost differs from the default), fetched on the first
     * call without being charged to the limiter (their cost is then taken from the read bucket), and refreshed every
     * {@link #DEFAULT_REFRESH} and after any 429. Needs credentials.
     */
    public static RateLimits fromAccount() {
        return new RateLimits(Source.ACCOUNT, null, null, KALSHI_DEFAULT_COST, Map.of(), DEFAULT_REFRESH,
                NONE.waitMode, NONE.logWaitsOver);
    }

    /**
     * Explicit buckets in tokens (a request takes its endpoint's cost, {@value #KALSHI_DEFAULT_COST} by default: Kalshi's
     * basic tier, 20 reads and 10 writes a second, is {@code of(200, 200, 100, 100)}).
     *
     * @param readRate read tokens added per second
     * @param readCapacity most read tokens held
     * @param writeRate write tokens added per second
     * @param writeCapacity most write tokens held
     * @return the limits
     */
    public static RateLimits of(int readRate, int readCapacity, int writeRate, int writeCapacity) {
        return new RateLimits(Source.EXPLICIT, new Bucket(readRate, readCapacity), new Bucket(writeRate, writeCapacity),
                KALSHI_DEFAULT_COST, Map.of(), DEFAULT_REFRESH, NONE.waitMode, NONE.logWaitsOver);
    }

    private static final Pattern EXPLICIT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*/\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    /**
     * Reads the {@code KALSHI_RATE_LIMITS} form: {@code none}, {@code account}, or {@code r/rc/w/wc} (read rate, read
     * capacity, write rate, write capacity, in tokens: {@code 200/200/100/100}); case and surrounding blanks do not
     * matter.
     *
     * @param value the text
     * @return the limits
     * @throws IllegalArgumentException for anything else
     */
    public static RateLimits parse(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return none();
        }
        if (v.equals("account")) {
            return fromAccount();
        }
        Matcher m = EXPLICIT.matcher(v);
        if (m.matches()) {
            try {
                return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)));
            } catch (NumberFormatException e) {
                // too large for an int: fall through to the message below
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rate limits \"" + value + "\": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("rate limits must be none, account or readRate/readCapacity/writeRate/"
                + "writeCapacity in tokens (e.g. 200/200/100/100), got \"" + value + "\"");
    }

    /**
     * These limits with an endpoint's own cost. The endpoint is named as {@code /account/endpoint_costs} names it: a
     * method and the spec's path template ({@code DELETE}, {@code /portfolio/events/orders/{order_id}}); the
     * {@code /trade-api/v2} prefix and placeholder names do not matter.
     *
     * @param method the HTTP method
     * @param pathTemplate the path template
     * @param cost its cost in tokens, positive
     * @return the new limits
     */
    public RateLimits withEndpointCost(String method, String pathTemplate, int cost) {
        if (cost <= 0) {
            throw new IllegalArgumentException("an endpoint's cost must be positive, got " + cost);
        }
        Map<String, Integer> costs = new LinkedHashMap<>(endpointCosts);
        costs.put(endpointKey(method, pathTemplate), cost);
        return new RateLimits(source, read, write, defaultCost, costs, refreshEvery, waitMode, logWaitsOver);
    }

    /**
     * These limits with another cost for every endpoint not given its own (for explicit limits; the account's
     * limits take the account's).
     *
     * @param cost tokens, positive
     * @return the new limits
     */
    public RateLimits withDefaultCost(int cost) {
        if (cost <= 0) {
            throw new IllegalArgumentException("the default cost must be positive, got " + cost);
        }
        return new RateLimits(source, read, write, cost, endpointCosts, refreshEvery, waitMode, logWaitsOver);
    }

    /**
     * These limits re-read from the account this often ({@link #fromAccount()} only; default 5 minutes).
     *
     * @param every a positive interval
     * @return the new limits
     */
    public RateLimits refreshEvery(Duration every) {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("refreshEvery must be positive, got " + every);
        }
        return new RateLimits(source, read, write, defaultCost, endpointCosts, every, waitMode, logWaitsOver);
    }

    /**
     * What a call does when its bucket is short, unless the call says otherwise (default: wait up to 60 s).
     *
     * @param mode the client's default mode
     * @return the new limits
     */
    public RateLimits waitMode(RateLimitWait mode) {
        return new RateLimits(source, read, write, defaultCost, endpointCosts, refreshEvery,
                Objects.requireNonNull(mode, "mode"), logWaitsOver);
    }

    /**
     * Logs a call's wait at debug ({@code io.github.kalshi4j.ratelimit}) when it is longer than this (default 250 ms).
     *
     * @param threshold zero logs every wait
     * @return the new limits
     */
    public RateLimits logWaitsOver(Duration threshold) {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("logWaitsOver must not be negative, got " + threshold);
        }
        return new RateLimits(source, read, write, defaultCost, endpointCosts, refreshEvery, waitMode, threshold);
    }

    /** Where the buckets come from. */
    public Source source() {
        return source;
    }

    /** True unless {@link #none()}. */
    public boolean enabled() {
        return source != Source.NONE;
    }

    /** The read bucket of explicit limits; null otherwise. */
    public Bucket read() {
        return read;
    }

    /** The write bucket of explicit limits; null otherwise. */
    public Bucket write() {
        return write;
    }

    /** The cost of an endpoint not given one of its own, in tokens. */
    public int defaultCost() {
        return defaultCost;
    }

    /** The endpoints given a cost of their own, keyed {@code "METHOD /path/{}"} (placeholders unnamed). */
    public Map<String, Integer> endpointCosts() {
        return endpointCosts;
    }

    /** How often account limits are re-read. */
    public Duration refreshEvery() {
        return refreshEvery;
    }

    /** What a call does when its bucket is short, by default. */
    public RateLimitWait waitMode() {
        return waitMode;
    }

    /** Waits longer than this are logged at debug. */
    public Duration logWaitsOver() {
        return logWaitsOver;
    }

    /**
     * The key an endpoint's cost is stored under: the upper-case method, a space and the path template without the
     * {@code /trade-api/v2} prefix, a trailing slash or placeholder names ({@code {order_id}} and {@code :order_id}
     * both become {@code {}}).
     *
     * @param method the HTTP method
     * @param pathTemplate the path template
     * @return the key
     */
    public static String endpointKey(String method, String pathTemplate) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        String p = pathTemplate.trim();
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        if (p.startsWith("/trade-api/v2")) {
            p = p.substring("/trade-api/v2".length());
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        StringBuilder sb = new StringBuilder();
        for (String seg : p.split("/", -1)) {
            if (!sb.isEmpty() || !seg.isEmpty()) {
                sb.append('/');
            }
            if (!seg.isEmpty()) {
                sb.append(seg.startsWith("{") && seg.endsWith("}") || seg.startsWith(":") ? "{}" : seg);
            }
        }
        return method.trim().toUpperCase(Locale.ROOT) + " " + (sb.isEmpty() ? "/" : sb.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimits r && r.source == source && Objects.equals(r.read, read)
                && Objects.equals(r.write, write) && r.defaultCost == defaultCost
                && r.endpointCosts.equals(endpointCosts) && r.refreshEvery.equals(refreshEvery)
                && r.waitMode.equals(waitMode) && r.logWaitsOver.equals(logWaitsOver);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, read, write, defaultCost, endpointCosts, refreshEvery, waitMode, logWaitsOver);
    }

    @Override
    public String toString() {
        return switch (source) {
            case NONE -> "RateLimits{none}";
            case ACCOUNT -> "RateLimits{account, refresh every " + refreshEvery + ", " + waitMode + "}";
            case EXPLICIT -> "RateLimits{read " + read + ", write " + write + ", default cost " + defaultCost
                    + (endpointCosts.isEmpty() ? "" : ", " + endpointCosts) + ", " + waitMode + "}";
        };
    }
}
