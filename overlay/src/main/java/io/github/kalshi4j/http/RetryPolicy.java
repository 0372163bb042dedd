package io.github.kalshi4j.http;

import io.github.kalshi4j.internal.Durations;
import io.github.kalshi4j.internal.RetryAfter;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before retrying a request.
 *
 * <table>
 *   <caption>Retry rules</caption>
 *   <tr><th>outcome</th><th>GET / HEAD</th><th>POST / PUT / DELETE</th></tr>
 *   <tr><td>429, 503 with Retry-After up to {@code maxRetryAfter}</td><td>retry after the server's wait</td><td>never</td></tr>
 *   <tr><td>429, 503 with a longer Retry-After</td><td>never: fails at once, the exception carries
 *       {@code retryAfter()}</td><td>never</td></tr>
 *   <tr><td>429, 500, 502, 503, 504</td><td>retry with backoff</td><td>never</td></tr>
 *   <tr><td>connect failure (nothing sent)</td><td>retry with backoff</td><td>retry with backoff</td></tr>
 *   <tr><td>timeout or I/O error after sending</td><td>retry with backoff</td><td>never</td></tr>
 *   <tr><td>any other status</td><td>never</td><td>never</td></tr>
 * </table>
 *
 * <p>Backoff for retry {@code n} (1-based) is {@code min(cap, base * 2^(n-1))}, jittered to between half and all
 * of it ("equal jitter"), so concurrent clients spread out without ever retrying immediately. Duration arithmetic
 * saturates: no configuration or header can overflow it.
 */
public final class RetryPolicy {

    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);

    /** The longest server-requested wait honoured unless configured otherwise. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final int maxRetries;
    private final Duration base;
    private final Duration cap;
    private final Duration maxRetryAfter;
    private final DoubleSupplier jitter;
    private final Clock clock;

    /**
     * Creates a policy that honours a server's Retry-After up to {@link #DEFAULT_MAX_RETRY_AFTER}.
     *
     * @param maxRetries retries after the first attempt
     * @param base first backoff delay
     * @param cap largest backoff delay; a server's Retry-After is honoured as sent, up to the maximum
     * @param jitter uniform values in [0, 1); inject a constant in tests
     * @param clock for Retry-After HTTP dates
     */
    public RetryPolicy(int maxRetries, Duration base, Duration cap, DoubleSupplier jitter, Clock clock) {
        this(maxRetries, base, cap, DEFAULT_MAX_RETRY_AFTER, jitter, clock);
    }

    /**
     * Creates a policy.
     *
     * @param maxRetries retries after the first attempt
     * @param base first backoff delay
     * @param cap largest backoff delay
     * @param maxRetryAfter longest server-requested wait (Retry-After) to sleep through; a longer one ends the
     *     retries at once, so a call never blocks for an hour because a server said so
     * @param jitter uniform values in [0, 1); inject a constant in tests
     * @param clock for Retry-After HTTP dates
     */
    public RetryPolicy(int maxRetries, Duration base, Duration cap, Duration maxRetryAfter, DoubleSupplier jitter,
            Clock clock) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        this.maxRetries = maxRetries;
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Retries allowed after the first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The longest server-requested wait this policy sleeps through. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The same policy with another retry budget (per-call override). */
    public RetryPolicy withMaxRetries(int retries) {
        return retries == maxRetries ? this : new RetryPolicy(retries, base, cap, maxRetryAfter, jitter, clock);
    }

    /** True when a method may be repeated once it may have reached the server. */
    public static boolean isIdempotentMethod(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    /**
     * The wait before the next attempt after an HTTP response, or empty to stop.
     *
     * @param method request method
     * @param response the response just received
     * @param attempt attempts made so far (1 after the first)
     */
    public Optional<Duration> afterResponse(String method, RawResponse response, int attempt) {
        if (attempt > maxRetries || !isIdempotentMethod(method) || !RETRYABLE_STATUS.contains(response.statusCode())) {
            return Optional.empty();
        }
        if (response.statusCode() == 429 || response.statusCode() == 503) {
            Optional<Duration> serverWait = response.header("Retry-After").flatMap(v -> RetryAfter.parse(v, clock));
            if (serverWait.isPresent()) {
                // Past the maximum, waiting is not worth a blocked thread: stop, and the error thrown carries the
                // server's retryAfter() for the caller to act on.
                return serverWait.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : serverWait;
            }
        }
        return Optional.of(backoff(attempt));
    }

    /**
     * The wait before the next attempt after a transport failure, or empty to stop.
     *
     * @param method request method
     * @param failure what went wrong
     * @param attempt attempts made so far
     */
    public Optional<Duration> afterFailure(String method, Throwable failure, int attempt) {
        if (attempt > maxRetries) {
            return Optional.empty();
        }
        boolean safe = isIdempotentMethod(method) || HttpExchange.isNotSent(failure);
        return safe ? Optional.of(backoff(attempt)) : Optional.empty();
    }

    /** The jittered backoff before retry number {@code retry} (1-based). */
    public Duration backoff(int retry) {
        long baseNanos = Durations.saturatedNanos(base);
        int shift = Math.max(0, Math.min(retry - 1, 30));
        long exp = baseNanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseNanos << shift;
        long ceiling = Math.min(exp, Durations.saturatedNanos(cap));
        double u = jitter.getAsDouble();
        if (u < 0 || u >= 1) {
            throw new IllegalStateException("jitter must be in [0, 1), got " + u);
        }
        return Duration.ofNanos(ceiling / 2 + (long) (u * (ceiling - ceiling / 2)));
    }

}
