package io.github.kalshi4j.ratelimit;

import io.github.kalshi4j.transport.RequestOptions;

import java.time.Duration;
import java.util.Objects;

/**
 * What a call does when its rate-limit bucket cannot cover its cost yet: wait until it can (at most
 * {@link #maxWait()}), or fail at once. A client has a default ({@link RateLimits#waitMode(RateLimitWait)}); one
 * call overrides it through its request options:
 *
 * <pre>{@code
 * client.portfolio().getBalance(RateLimitWait.failFast().options());
 * client.orders().createOrderV2(request, RateLimitWait.upTo(Duration.ofMillis(200))
 *         .applyTo(RequestOptions.builder().timeout(Duration.ofSeconds(2))).build());
 * }</pre>
 *
 * <p>Either way, a refusal is a {@link io.github.kalshi4j.errors.KalshiRateLimitException} whose
 * {@code clientSide()} is true and whose {@code retryAfter()} estimates when the bucket will hold the cost; nothing
 * was sent. Immutable.
 */
public final class RateLimitWait {

    /** The {@link RequestOptions} attribute that carries a call's {@code RateLimitWait}. */
    public static final String ATTRIBUTE = "kalshi4j.rateLimitWait";

    private static final RateLimitWait FAIL_FAST = new RateLimitWait(Duration.ZERO);

    private final Duration maxWait;

    private RateLimitWait(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Never wait: a call its bucket cannot cover right now fails at once, before any I/O. */
    public static RateLimitWait failFast() {
        return FAIL_FAST;
    }

    /**
     * Wait in line (FIFO within the bucket) for at most {@code maxWait}. A call whose expected wait is longer fails at
     * once; one still waiting when {@code maxWait} has passed (the bucket was emptied by a 429 meanwhile) fails then.
     *
     * @param maxWait the longest wait; zero means {@link #failFast()}
     * @return the mode
     */
    public static RateLimitWait upTo(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
        }
        return maxWait.isZero() ? FAIL_FAST : new RateLimitWait(maxWait);
    }

    /** True when the call never waits. */
    public boolean isFailFast() {
        return maxWait.isZero();
    }

    /** The longest wait; zero for fail-fast. */
    public Duration maxWait() {
        return maxWait;
    }

    /** Request options that carry only this mode. */
    public RequestOptions options() {
        return applyTo(RequestOptions.builder()).build();
    }

    /**
     * Puts this mode on a request options builder.
     *
     * @param builder the builder, which may carry other options
     * @return the same builder
     */
    public RequestOptions.Builder applyTo(RequestOptions.Builder builder) {
        return builder.attribute(ATTRIBUTE, this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimitWait w && w.maxWait.equals(maxWait);
    }

    @Override
    public int hashCode() {
        return maxWait.hashCode();
    }

    @Override
    public String toString() {
        return isFailFast() ? "failFast" : "upTo(" + maxWait + ")";
    }
}
