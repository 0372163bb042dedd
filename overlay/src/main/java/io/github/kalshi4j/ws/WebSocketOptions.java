package io.github.kalshi4j.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * Behaviour of a {@link KalshiWebSocket}: liveness, command timeout, reconnect backoff and buffer
 * sizes. Immutable; start from {@link #defaults()} or {@link #builder()}. The URL, credentials and
 * connect timeout come from the client's {@link io.github.kalshi4j.client.KalshiConfig}.
 *
 * <pre>{@code
 * KalshiClient client = KalshiClient.builder()
 *         .webSocketOptions(WebSocketOptions.builder().heartbeatTimeout(Duration.ofSeconds(20)).build())
 *         .build();
 * }</pre>
 */
public final class WebSocketOptions {

    private final Duration heartbeatTimeout;
    private final Duration pingInterval;
    // Remembered so that toBuilder().heartbeatTimeout(..) re-derives an interval that was never set.
    private final boolean pingIntervalSet;
    private final Duration commandTimeout;
    private final ReconnectPolicy reconnectPolicy;
    private final int bufferCapacity;
    private final int viewBufferCapacity;
    private final int inboundQueueCapacity;

    private WebSocketOptions(Builder b) {
        this.heartbeatTimeout = b.heartbeatTimeout;
        this.pingInterval = b.pingInterval != null ? b.pingInterval : b.heartbeatTimeout.dividedBy(3);
        this.pingIntervalSet = b.pingInterval != null;
        this.commandTimeout = b.commandTimeout;
        this.reconnectPolicy = b.reconnectPolicy;
        this.bufferCapacity = b.bufferCapacity;
        this.viewBufferCapacity = b.viewBufferCapacity;
        this.inboundQueueCapacity = b.inboundQueueCapacity;
        if (pingInterval.compareTo(heartbeatTimeout) >= 0) {
            throw new IllegalArgumentException("pingInterval (" + pingInterval + ") must be shorter than heartbeatTimeout ("
                    + heartbeatTimeout + "), or a healthy but quiet connection would be declared dead");
        }
    }

    /**
     * Returns the defaults: heartbeat timeout 30 s with a ping every 10 s, command timeout 10 s,
     * reconnect backoff from 250 ms doubling to 30 s with full jitter for up to 20 attempts, pull
     * buffers of 16,384 messages, order book view buffers of 1,024 views and an inbound queue of
     * 65,536 frames.
     *
     * @return the default options
     */
    public static WebSocketOptions defaults() {
        return builder().build();
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.heartbeatTimeout = heartbeatTimeout;
        b.pingInterval = pingIntervalSet ? pingInterval : null;
        b.commandTimeout = commandTimeout;
        b.reconnectPolicy = reconnectPolicy;
        b.bufferCapacity = bufferCapacity;
        b.viewBufferCapacity = viewBufferCapacity;
        b.inboundQueueCapacity = inboundQueueCapacity;
        return b;
    }

    /**
     * Returns how long the connection may stay silent (no frame and no pong) before it is declared
     * dead and reconnected.
     *
     * @return the heartbeat timeout
     */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /**
     * Returns how often the client pings the server. Kalshi's own pings are answered by Tyrus but are
     * invisible to the application, so the client's pings (answered with pongs) are what proves a
     * quiet connection alive.
     *
     * @return the ping interval, shorter than the heartbeat timeout
     */
    public Duration pingInterval() {
        return pingInterval;
    }

    /**
     * Returns how long a command waits for its reply before its future fails with a
     * {@link io.github.kalshi4j.errors.KalshiTimeoutException}.
     *
     * @return the command timeout
     */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /**
     * Returns the backoff between connection attempts and the number of attempts before giving up. Order book
     * resynchronizations ({@code get_snapshot}) back off on the same base and cap, with no attempt limit: one request
     * in flight per subscription, the next no sooner than the ceiling of the attempt, starting over only once the
     * books have needed no resync for a whole cap. A handshake refused with 401 is not retried under this policy
     * (see {@link KalshiWebSocket#connect()}).
     *
     * @return the reconnect policy
     */
    public ReconnectPolicy reconnectPolicy() {
        return reconnectPolicy;
    }

    /**
     * Returns the default capacity of a pull subscription's buffer, in messages.
     *
     * @return the capacity
     */
    public int bufferCapacity() {
        return bufferCapacity;
    }

    /**
     * Returns the capacity of an {@link OrderbookHandle}'s buffer of views. Views are whole books, so
     * when it is full the oldest view is dropped and nothing is lost but intermediate states.
     *
     * @return the capacity
     */
    public int viewBufferCapacity() {
        return viewBufferCapacity;
    }

    /**
     * Returns how many received frames may wait for the socket's single dispatch thread (which runs
     * listeners and handlers, and fills pull buffers). When handlers are slower than the feed and the
     * queue is full, data frames are dropped (command replies never are) until the dispatch thread has
     * caught up with everything received before the drop. Then the loss is made visible: order books
     * go stale and resynchronize, pull subscriptions get a
     * {@link io.github.kalshi4j.errors.KalshiStreamGapException} in stream order, and the error
     * listeners are told how many frames were dropped. Liveness is judged by what arrives on the
     * socket, so a slow handler never makes a healthy connection look dead.
     *
     * @return the capacity, in frames
     */
    public int inboundQueueCapacity() {
        return inboundQueueCapacity;
    }

    /**
     * Describes the options for logs.
     *
     * @return every setting
     */
    @Override
    public String toString() {
        return "WebSocketOptions{heartbeatTimeout=" + heartbeatTimeout + ", pingInterval=" + pingInterval
                + ", commandTimeout=" + commandTimeout + ", reconnect=" + reconnectPolicy + ", bufferCapacity="
                + bufferCapacity + ", viewBufferCapacity=" + viewBufferCapacity + ", inboundQueueCapacity="
                + inboundQueueCapacity + "}";
    }

    /** Builds {@link WebSocketOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration heartbeatTimeout = Duration.ofSeconds(30);
        private Duration pingInterval;
        private Duration commandTimeout = Duration.ofSeconds(10);
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.of(Duration.ofMillis(250), Duration.ofSeconds(30), 20);
        private int bufferCapacity = 16_384;
        private int viewBufferCapacity = 1_024;
        private int inboundQueueCapacity = 65_536;

        private Builder() {
        }

        /**
         * Sets how long the connection may stay silent before it is reconnected. Unless
         * {@link #pingInterval(Duration)} is set, the client pings three times per timeout.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder heartbeatTimeout(Duration timeout) {
            this.heartbeatTimeout = positive("heartbeatTimeout", timeout);
            return this;
        }

        /**
         * Sets how often the client pings the server; must be shorter than the heartbeat timeout.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = positive("pingInterval", interval);
            return this;
        }

        /**
         * Sets how long a command waits for its reply.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive("commandTimeout", timeout);
            return this;
        }

        /**
         * Sets the reconnect backoff and attempt limit ({@code maxAttempts} 0 retries forever); its base and cap also
         * space out order book resynchronizations (see {@link WebSocketOptions#reconnectPolicy()}).
         *
         * @param policy not null
         * @return this builder
         */
        public Builder reconnectPolicy(ReconnectPolicy policy) {
            this.reconnectPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the default pull buffer capacity.
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder bufferCapacity(int capacity) {
            this.bufferCapacity = atLeastOne("bufferCapacity", capacity);
            return this;
        }

        /**
         * Sets the capacity of order book view buffers.
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder viewBufferCapacity(int capacity) {
            this.viewBufferCapacity = atLeastOne("viewBufferCapacity", capacity);
            return this;
        }

        /**
         * Sets how many received frames may wait for the dispatch thread; see
         * {@link WebSocketOptions#inboundQueueCapacity()} for what happens when it is full.
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder inboundQueueCapacity(int capacity) {
            this.inboundQueueCapacity = atLeastOne("inboundQueueCapacity", capacity);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if the ping interval is not shorter than the heartbeat timeout
         */
        public WebSocketOptions build() {
            return new WebSocketOptions(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        private static int atLeastOne(String name, int n) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, got " + n);
            }
            return n;
        }
    }
}
