package io.github.kalshi4j.errors;

/**
 * A consumer fell behind a stream and its bounded buffer overflowed, so messages would have been lost.
 */
public final class KalshiBackpressureException extends KalshiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message should name the stream and the buffer capacity. */
    public KalshiBackpressureException(String message) {
        super(message);
    }
}
