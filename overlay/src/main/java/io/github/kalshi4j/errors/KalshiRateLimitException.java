package io.github.kalshi4j.errors;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's read or write token bucket is empty: Kalshi answered HTTP 429, or kalshi4j's own rate limiter
 * refused the call before sending it ({@link #clientSide()}: fail-fast mode, or a wait longer than its
 * {@code maxWait}). {@link #retryAfter()} says how long to wait: the server's {@code Retry-After}, or the
 * limiter's estimate of when the bucket will hold the call's cost.
 */
public final class KalshiRateLimitException extends KalshiApiException {

    private static final long serialVersionUID = 1L;

    /** The {@link #errorCode()} of a refusal by kalshi4j's own rate limiter. */
    public static final String CLIENT_SIDE_CODE = "client_rate_limited";

    /** Creates the exception for a parsed error response. */
    public KalshiRateLimitException(KalshiErrorResponse response) {
        super(response);
    }

    /**
     * A refusal by kalshi4j's rate limiter, before any I/O: status 429, error code {@value #CLIENT_SIDE_CODE},
     * service {@code kalshi4j}.
     *
     * @param operationId the operation refused
     * @param retryAfter when the bucket is expected to hold the call's cost
     * @param message why, in words
     * @return the exception
     */
    public static KalshiRateLimitException clientSide(String operationId, Duration retryAfter, String message) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        return new KalshiRateLimitException(new KalshiErrorResponse(operationId, 429, CLIENT_SIDE_CODE, message, null,
                "kalshi4j", null, 1, null, retryAfter, Map.of()));
    }

    /** True when kalshi4j's own rate limiter refused the call and nothing was sent. */
    public boolean clientSide() {
        return CLIENT_SIDE_CODE.equals(errorCode()) && "kalshi4j".equals(service());
    }

    /**
     * How long to wait before trying again: the server's {@code Retry-After}, or for a {@link #clientSide()}
     * refusal the limiter's estimate; empty when the server sent none (or an unparseable one).
     */
    @Override
    public Optional<Duration> retryAfter() {
        return super.retryAfter();
    }
}
