package io.github.kalshi4j.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kalshi-style rate limits: one token bucket per member and direction (read = GET, write = everything else), sized
 * by the member's tier. Each request takes its endpoint's cost in tokens ({@link EndpointCosts}); a bucket refills
 * at its rate per second up to its capacity, and a request the bucket cannot cover answers 429 with Retry-After.
 */
public final class RateLimiter {

    /**
     * One bucket's budget, as {@code GetAccountApiLimits} reports it.
     *
     * @param refillRate     tokens added per second
     * @param bucketCapacity most tokens the bucket holds
     */
    public record Bucket(int refillRate, int bucketCapacity) { }

    /** A tier's read and write buckets. */
    public record Tier(String name, Bucket read, Bucket write) { }

    /**
     * Kalshi's tiers in tokens at the default cost of 10 per request: the lowest (basic) is 20 reads and 10 writes
     * per second; write buckets above basic hold two seconds of budget, as the spec's {@code BucketLimit} says.
     */
    public static final Map<String, Tier> TIERS = Map.of(
            "basic", new Tier("basic", new Bucket(200, 200), new Bucket(100, 100)),
            "advanced", new Tier("advanced", new Bucket(300, 300), new Bucket(300, 600)),
            "premier", new Tier("premier", new Bucket(1000, 1000), new Bucket(1000, 2000)),
            "prime", new Tier("prime", new Bucket(4000, 4000), new Bucket(4000, 8000)));

    /** The tier of a member whose tier is unknown or unset. */
    public static Tier tier(String name) {
        return TIERS.getOrDefault(name == null ? "basic" : name, TIERS.get("basic"));
    }

    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** Creates the limiter. */
    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes {@code cost} tokens or answers how long until the bucket holds them.
     *
     * @param subject member id (or client address when unauthenticated)
     * @param tier the member's tier
     * @param write true for non-GET requests
     * @param cost the endpoint's cost in tokens
     * @return zero when allowed, else the wait
     */
    public Duration acquire(String subject, Tier tier, boolean write, int cost) {
        Bucket budget = write ? tier.write() : tier.read();
        TokenBucket b = buckets.computeIfAbsent(subject + (write ? "#w" : "#r"),
                k -> new TokenBucket(budget.bucketCapacity(), clock.millis()));
        return b.take(budget, cost, clock.millis());
    }

    private static final class TokenBucket {
        private double tokens;
        private long last;

        TokenBucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        synchronized Duration take(Bucket budget, int cost, long now) {
            tokens = Math.min(budget.bucketCapacity(), tokens + (now - last) * budget.refillRate() / 1000.0);
            last = now;
            if (tokens >= cost) {
                tokens -= cost;
                return Duration.ZERO;
            }
            // A cost above the capacity can never be covered; it waits for a full bucket like any other.
            double missing = Math.min(cost, budget.bucketCapacity()) - tokens;
            long waitMs = (long) Math.ceil(missing * 1000.0 / budget.refillRate());
            return Duration.ofMillis(Math.max(1, waitMs));
        }
    }
}
