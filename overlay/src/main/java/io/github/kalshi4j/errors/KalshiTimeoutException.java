package io.github.kalshi4j.errors;

/**
 * The request or connection attempt exceeded its configured timeout.
 * As with any network failure, the server may still have acted on the request.
 */
public final class KalshiTimeoutException extends KalshiNetworkException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code detail} names the timeout, e.g. "request timeout 10s". */
    public KalshiTimeoutException(String operationId, int attempts, String detail, Throwable cause) {
        super(operationId, attempts, "timed out", detail, cause);
    }
}
