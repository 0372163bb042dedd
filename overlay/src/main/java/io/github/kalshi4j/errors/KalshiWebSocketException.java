package io.github.kalshi4j.errors;

/**
 * The WebSocket connection failed for good (handshake refused, reconnects exhausted, protocol violation);
 * subscriptions on it are over.
 */
public final class KalshiWebSocketException extends KalshiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public KalshiWebSocketException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public KalshiWebSocketException(String message, Throwable cause) {
        super(message, cause);
    }
}
