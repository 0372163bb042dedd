package io.github.kalshi4j.errors;

/**
 * The server reported that the request conflicts with the current state, e.g. a duplicate client order id (HTTP 409).
 */
public final class KalshiConflictException extends KalshiApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a parsed error response. */
    public KalshiConflictException(KalshiErrorResponse response) {
        super(response);
    }
}
