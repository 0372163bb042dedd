package io.github.kalshi4j.errors;

/**
 * The server reported that the request was rejected as malformed or invalid (HTTP 400).
 */
public final class KalshiBadRequestException extends KalshiApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a parsed error response. */
    public KalshiBadRequestException(KalshiErrorResponse response) {
        super(response);
    }
}
