package io.github.kalshi4j.errors;

/**
 * The server reported that authentication failed: missing, stale or invalid signature, or unknown key id (HTTP 401).
 */
public final class KalshiUnauthorizedException extends KalshiApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a parsed error response. */
    public KalshiUnauthorizedException(KalshiErrorResponse response) {
        super(response);
    }
}
