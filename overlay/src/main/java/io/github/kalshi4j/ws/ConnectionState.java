package io.github.kalshi4j.ws;

/**
 * Where a {@link KalshiWebSocket} stands. The usual life is CONNECTING, OPEN, then RECONNECTING and
 * OPEN again after each drop, and finally CLOSED.
 */
public enum ConnectionState {
    /** The first connection attempt is under way. */
    CONNECTING,
    /** Connected: commands are sent and frames flow. */
    OPEN,
    /** The connection was lost (or never made); waiting out a backoff delay or retrying. */
    RECONNECTING,
    /**
     * Terminal: closed by the user or the client, or reconnecting gave up. Subscriptions have ended,
     * cleanly after a close and with a {@link io.github.kalshi4j.errors.KalshiWebSocketException}
     * when reconnecting gave up.
     */
    CLOSED
}
