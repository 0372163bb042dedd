package io.github.kalshi4j.errors;

/**
 * A subscription's stream may have missed messages the server sent: the connection was lost and the
 * subscription resubscribed, or the socket had to drop inbound frames because its dispatch fell behind.
 * Nothing buffered was discarded; messages sent while the stream was not being received are simply unknown.
 *
 * <p>A pull consumer gets this exception once, in stream order (after the messages received before the
 * gap, before those received after it), and may go on consuming: the subscription stays alive. It means:
 * reconcile over REST (fills, orders, order groups, positions) before trusting the stream again.
 */
public final class KalshiStreamGapException extends KalshiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and on which subscription
     */
    public KalshiStreamGapException(String message) {
        super(message);
    }
}
