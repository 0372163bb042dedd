package io.github.kalshi4j.ws;

import io.github.kalshi4j.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * Delay before each reconnect attempt: exponential backoff with full jitter.
 *
 * <p>For attempt {@code n} (1-based: the first retry after a drop is attempt 1) the ceiling is
 * {@code min(cap, base * 2^(n-1))} and the delay is {@code ceiling * u}, with {@code u} drawn
 * from the jitter source in [0, 1], truncated to whole nanoseconds. Full jitter spreads a crowd
 * of clients that lost the same server, at the price of sometimes retrying at once.
 *
 * <p>{@code maxAttempts} of 0 means retry forever; otherwise attempts beyond it get no delay
 * (give up). Immutable and thread-safe if the jitter source is.
 */
public final class ReconnectPolicy {

    private final Duration base;
    private final Duration cap;
    private final int maxAttempts;
    private final DoubleSupplier jitter;

    /**
     * Creates a policy with an explicit jitter source, e.g. a constant for tests.
     *
     * @param base ceiling of the first attempt, positive
     * @param cap largest ceiling, at least {@code base}
     * @param maxAttempts attempts before giving up, or 0 for unlimited
     * @param jitter source of factors in [0, 1], not null
     * @throws IllegalArgumentException on a non-positive base, cap below base, or negative maxAttempts
     */
    public ReconnectPolicy(Duration base, Duration cap, int maxAttempts, DoubleSupplier jitter) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be positive: " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap " + cap + " is below base " + base);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 0 (0 = unlimited): " + maxAttempts);
        }
        this.base = base;
        this.cap = cap;
        this.maxAttempts = maxAttempts;
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * Creates a policy drawing jitter from a random generator.
     *
     * @param base ceiling of the first attempt, positive
     * @param cap largest ceiling, at least {@code base}
     * @param maxAttempts attempts before giving up, or 0 for unlimited
     * @param random source of {@link RandomGenerator#nextDouble()}, not null
     * @return the policy
     */
    public static ReconnectPolicy of(Duration base, Duration cap, int maxAttempts, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return new ReconnectPolicy(base, cap, maxAttempts, random::nextDouble);
    }

    /**
     * Creates a policy with the calling thread's {@link ThreadLocalRandom} as jitter source.
     *
     * @param base ceiling of the first attempt, positive
     * @param cap largest ceiling, at least {@code base}
     * @param maxAttempts attempts before giving up, or 0 for unlimited
     * @return the policy
     */
    public static ReconnectPolicy of(Duration base, Duration cap, int maxAttempts) {
        // Look the generator up per call: a ThreadLocalRandom must not be shared across threads.
        return new ReconnectPolicy(base, cap, maxAttempts, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Returns the delay before an attempt, or empty if the policy gives up.
     *
     * @param attempt the 1-based attempt number
     * @return the delay, in [0, ceiling]; empty if {@code attempt > maxAttempts} and maxAttempts is not 0
     * @throws IllegalArgumentException if {@code attempt < 1}
     * @throws IllegalStateException if the jitter source returns a value outside [0, 1]
     */
    public Optional<Duration> delayForAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based: " + attempt);
        }
        if (maxAttempts != 0 && attempt > maxAttempts) {
            return Optional.empty();
        }
        double u = jitter.getAsDouble();
        if (!(u >= 0.0 && u <= 1.0)) {
            throw new IllegalStateException("jitter source returned " + u + ", outside [0, 1]");
        }
        long ceiling = ceilingNanos(attempt);
        return Optional.of(Duration.ofNanos((long) (ceiling * u)));
    }

    /**
     * Returns the un-jittered upper bound of an attempt's delay, {@code min(cap, base * 2^(attempt-1))}.
     *
     * @param attempt the 1-based attempt number
     * @return the ceiling
     * @throws IllegalArgumentException if {@code attempt < 1}
     */
    public Duration ceilingForAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based: " + attempt);
        }
        return Duration.ofNanos(ceilingNanos(attempt));
    }

    private long ceilingNanos(int attempt) {
        long capNanos = Durations.saturatedNanos(cap);
        long baseNanos = Durations.saturatedNanos(base);
        int doublings = attempt - 1;
        // Shifting past the cap's magnitude would overflow; anything that large is capped anyway.
        if (doublings >= 63 || baseNanos > (capNanos >> doublings)) {
            return capNanos;
        }
        return baseNanos << doublings;
    }

    /**
     * Returns the first attempt's ceiling.
     *
     * @return the base delay
     */
    public Duration base() {
        return base;
    }

    /**
     * Returns the largest ceiling.
     *
     * @return the cap
     */
    public Duration cap() {
        return cap;
    }

    /**
     * Returns how many attempts are allowed.
     *
     * @return the limit, 0 for unlimited
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Describes the policy for logs.
     *
     * @return base, cap and attempt limit
     */
    @Override
    public String toString() {
        return "ReconnectPolicy{base=" + base + ", cap=" + cap + ", maxAttempts="
                + (maxAttempts == 0 ? "unlimited" : String.valueOf(maxAttempts)) + "}";
    }
}
