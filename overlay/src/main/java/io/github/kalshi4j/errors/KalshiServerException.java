package io.github.kalshi4j.errors;

/**
 * The server failed to handle the request (HTTP 500-599); such failures are often transient.
 */
public final class KalshiServerException extends KalshiApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a parsed error response. */
    public KalshiServerException(KalshiErrorResponse response) {
        super(response);
    }
}
