package io.github.kalshi4j.ws;

import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A live local order book for one market, from {@link KalshiWebSocket#orderbook(String)}: the client
 * subscribes to {@code orderbook_delta}, applies the snapshot and deltas to a {@link LocalOrderbook},
 * and hands out immutable {@link OrderbookView}s.
 *
 * <p>{@link #view()} is the book right now. The handle is also a stream of views, one per change
 * (snapshot, delta, or a change of staleness): {@link #poll}, {@link #iterator()}, {@link #stream()}.
 * Views are whole books, so the view buffer drops the oldest view when the consumer falls behind and
 * nothing is lost but intermediate states.
 *
 * <p><b>Staleness.</b> The book is stale (see {@link OrderbookView#isStale()}) until its first
 * snapshot, and again from a sequence gap, an inconsistent delta or a lost connection until the
 * fresh snapshot that the client requests by itself. A stale view shows the last known levels.
 *
 * <p><b>Endings.</b> {@link #close()} ends the stream cleanly. If the subscription fails for good
 * (the server rejects the resubscribe, reconnecting gives up) the stream ends with that exception.
 *
 * <p>Thread-safe; handles for the same market share one server subscription and one book.
 */
public final class OrderbookHandle implements Iterable<OrderbookView>, AutoCloseable {

    private final WsEngine engine;
    private final BookFeed feed;
    private final Feed<OrderbookView> views;
    private final Object freshness = new Object();
    private volatile boolean ended;
    private volatile Throwable failure;

    OrderbookHandle(WsEngine engine, BookFeed feed, int viewCapacity) {
        this.engine = engine;
        this.feed = feed;
        this.views = new Feed<>(viewCapacity, OverflowPolicy.DROP_OLDEST);
    }

    /**
     * Returns the market.
     *
     * @return the market ticker
     */
    public String marketTicker() {
        return feed.marketTicker;
    }

    /**
     * Returns the book as it is now.
     *
     * @return an immutable view, stale before the first snapshot
     */
    public OrderbookView view() {
        return feed.book.snapshot();
    }

    /**
     * Tells whether the book is stale right now.
     *
     * @return true until the first snapshot and while resynchronizing
     */
    public boolean isStale() {
        return feed.book.isStale();
    }

    /**
     * Waits until the book is fresh (not stale) and returns it.
     *
     * @param timeout how long to wait
     * @return the fresh view
     * @throws InterruptedException if interrupted while waiting
     * @throws KalshiTimeoutException if the book is still stale after {@code timeout}
     * @throws KalshiException the failure that ended the handle, or if it was closed
     */
    public OrderbookView awaitFresh(Duration timeout) throws InterruptedException {
        long budget = Objects.requireNonNull(timeout, "timeout").toNanos();
        long start = System.nanoTime();
        synchronized (freshness) {
            while (true) {
                OrderbookView view = view();
                if (!view.isStale()) {
                    return view;
                }
                if (ended) {
                    Throwable t = failure;
                    if (t instanceof RuntimeException) {
                        throw (RuntimeException) t;
                    }
                    throw new KalshiException("order book handle for " + marketTicker() + " is closed", t);
                }
                long remaining = budget - (System.nanoTime() - start);
                if (remaining <= 0) {
                    throw new KalshiTimeoutException("orderbook " + marketTicker(), 1,
                            "no fresh snapshot within " + timeout, null);
                }
                freshness.wait(Math.max(1, remaining / 1_000_000), 0);
            }
        }
    }

    /**
     * Takes the next view, waiting up to {@code timeout}.
     *
     * @param timeout how long to wait
     * @return the view, or null on timeout or after a clean end
     * @throws InterruptedException if interrupted while waiting
     * @throws KalshiException the failure that ended the handle
     */
    public OrderbookView poll(Duration timeout) throws InterruptedException {
        return views.poll(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Returns a blocking iterator over the views, ending after {@link #close()} and throwing the
     * failure that ended the handle otherwise.
     *
     * @return an iterator
     */
    @Override
    public Iterator<OrderbookView> iterator() {
        return views.iterator();
    }

    /**
     * Returns a blocking stream of views, ending like {@link #iterator()}; closing it closes the handle.
     *
     * @return a stream
     */
    public Stream<OrderbookView> stream() {
        return views.stream(this::close);
    }

    /**
     * Returns how many intermediate views were dropped because the consumer fell behind.
     *
     * @return the count
     */
    public long droppedCount() {
        return views.droppedCount();
    }

    /**
     * Releases the handle: its stream ends; the server subscription ends with the market's last handle.
     * Idempotent.
     */
    @Override
    public void close() {
        engine.closeHandle(this);
    }

    /**
     * Describes the handle for logs.
     *
     * @return the current view's summary
     */
    @Override
    public String toString() {
        return "OrderbookHandle{" + view() + (ended ? " closed" : "") + "}";
    }

    BookFeed bookFeed() {
        return feed;
    }

    void offer(OrderbookView view) {
        views.offer(view);
        synchronized (freshness) {
            freshness.notifyAll();
        }
    }

    void end(Throwable cause) {
        if (ended) {
            return;
        }
        failure = cause;
        ended = true;
        if (cause == null) {
            views.close();
        } else {
            views.fail(cause);
        }
        synchronized (freshness) {
            freshness.notifyAll();
        }
    }
}
