package io.github.kalshi4j.errors;

/**
 * The server reported that the credentials are valid but not allowed to perform the operation (HTTP 403).
 */
public final class KalshiForbiddenException extends KalshiApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a parsed error response. */
    public KalshiForbiddenException(KalshiErrorResponse response) {
        super(response);
    }
}
