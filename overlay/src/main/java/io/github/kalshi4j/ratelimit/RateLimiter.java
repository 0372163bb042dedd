package io.github.kalshi4j.ratelimit;

/**
 * A client's rate limiter: a read and a write token bucket that mirror the server's, charged each request's endpoint
 * cost before it is signed. Calls short of tokens wait in line (FIFO per bucket, blocking and async alike) or fail
 * at once, as their {@link RateLimitWait} says. {@code client.rateLimiter()} gives it; with {@link RateLimits#none()}
 * it limits nothing and its snapshot says so.
 */
public interface RateLimiter {

    /** The limits this limiter was configured with. */
    RateLimits limits();

    /** What the buckets hold and how many calls waited, were refused, or met a 429, right now. */
    Snapshot snapshot();

    /**
     * One bucket's state.
     *
     * @param refillRate tokens added per second
     * @param capacity most tokens held
     * @param tokens tokens held now (negative after a 429 emptied the bucket while requests were in flight)
     * @param waiting calls waiting in line for this bucket
     * @param inFlight tokens of requests sent and not yet answered
     */
    record BucketState(int refillRate, int capacity, double tokens, int waiting, long inFlight) { }

    /**
     * The limiter's state.
     *
     * @param enabled false for {@link RateLimits#none()}, and for account limits not (yet) read
     * @param usageTier the account's usage tier ({@code /account/limits}), or null
     * @param read the read bucket, or null when not enabled
     * @param write the write bucket, or null when not enabled
     * @param defaultCost the cost of an endpoint without one of its own
     * @param waits calls that had to wait for their bucket
     * @param rejections calls the limiter refused (fail-fast, or a wait beyond {@code maxWait})
     * @param serverRejections 429 answers received nonetheless (each one empties its bucket)
     */
    record Snapshot(boolean enabled, String usageTier, BucketState read, BucketState write, int defaultCost, long waits,
            long rejections, long serverRejections) { }
}
