package io.github.kalshi4j.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kalshi-style rate limits: one token bucket per member and direction (read = GET, write = everything else),
 * sized by the member's tier. An empty bucket answers 429 with Retry-After.
 */
public final class RateLimiter {

    /** Reads and writes per second for a tier. */
    public record Tier(String name, int readsPerSecond, int writesPerSecond) { }

    /** Kalshi's tiers (the lowest is about 20 reads and 10 writes per second). */
    public static final Map<String, Tier> TIERS = Map.of(
            "basic", new Tier("basic", 20, 10),
            "advanced", new Tier("advanced", 30, 30),
            "premier", new Tier("premier", 100, 100),
            "prime", new Tier("prime", 400, 400));

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Creates the limiter. */
    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes one token or answers how long until one is available.
     *
     * @param subject member id (or client address when unauthenticated)
     * @param tier the member's tier
     * @param write true for non-GET requests
     * @return zero when allowed, else the wait
     */
    public Duration acquire(String subject, Tier tier, boolean write) {
        int rate = write ? tier.writesPerSecond() : tier.readsPerSecond();
        Bucket b = buckets.computeIfAbsent(subject + (write ? "#w" : "#r"), k -> new Bucket(rate, clock.millis()));
        return b.take(rate, clock.millis());
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        synchronized Duration take(int rate, long now) {
            tokens = Math.min(rate, tokens + (now - last) * rate / 1000.0);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            long waitMs = (long) Math.ceil((1 - tokens) * 1000.0 / rate);
            return Duration.ofMillis(Math.max(1, waitMs));
        }
    }
}
