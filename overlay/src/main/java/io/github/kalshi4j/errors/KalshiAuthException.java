package io.github.kalshi4j.errors;

/**
 * Credentials could not be used: a missing, malformed, encrypted or unsuitable key, a signing failure, or a
 * WebSocket handshake the server refused with 401 (the message names the key id). Messages never contain key
 * material.
 */
public final class KalshiAuthException extends KalshiException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public KalshiAuthException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public KalshiAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
