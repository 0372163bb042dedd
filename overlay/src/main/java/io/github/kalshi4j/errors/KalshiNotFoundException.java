package io.github.kalshi4j.errors;

/**
 * The server reported that the requested resource does not exist (HTTP 404).
 */
public final class KalshiNotFoundException extends KalshiApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a parsed error response. */
    public KalshiNotFoundException(KalshiErrorResponse response) {
        super(response);
    }
}
