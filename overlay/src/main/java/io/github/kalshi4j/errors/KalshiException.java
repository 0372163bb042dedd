package io.github.kalshi4j.errors;

/**
 * Root of every exception the SDK throws; catch this to handle all SDK failures at once.
 */
public class KalshiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public KalshiException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public KalshiException(String message, Throwable cause) {
        super(message, cause);
    }
}
