package io.github.kalshi4j.ws;

/** What a {@link BoundedBuffer} does when the producer outruns the consumer and the buffer is full. */
public enum OverflowPolicy {
    /**
     * Evict the oldest buffered element to make room, and count it. Suits data where only the
     * latest state matters (tickers); the consumer can watch {@link BoundedBuffer#droppedCount()}.
     */
    DROP_OLDEST,
    /**
     * Refuse to lose data silently: the buffer fails with a
     * {@link io.github.kalshi4j.errors.KalshiBackpressureException}, which the consumer receives
     * after the elements buffered before the overflow. Suits streams where every element counts
     * (fills, orderbook deltas).
     */
    FAIL
}
