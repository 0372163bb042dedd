package io.github.kalshi4j.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * The account's read or write token bucket is empty (HTTP 429).
 * {@link #retryAfter()} says how long to wait when the server sent {@code Retry-After}.
 */
public final class KalshiRateLimitException extends KalshiApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a parsed error response. */
    public KalshiRateLimitException(KalshiErrorResponse response) {
        super(response);
    }

    /** Delay requested by the server's {@code Retry-After} header; empty when absent or unparseable. */
    @Override
    public Optional<Duration> retryAfter() {
        return super.retryAfter();
    }
}
