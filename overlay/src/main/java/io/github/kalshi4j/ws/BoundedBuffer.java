package io.github.kalshi4j.ws;

import io.github.kalshi4j.errors.KalshiBackpressureException;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.internal.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Bounded hand-off from the socket thread (producer) to a pull subscription's consumer.
 *
 * <p>The producer never blocks: {@link #offer} applies the {@link OverflowPolicy} when full.
 * The stream ends in one of two ways, and the first one wins: {@link #close()} (graceful: the
 * consumer drains what is buffered, then sees the end) or {@link #fail(Throwable)} (the consumer
 * drains what was buffered before the failure, then gets the failure, every time it asks again).
 * A failed stream never looks like a clean end.
 *
 * <p>How the failure surfaces: a {@link RuntimeException} or {@link Error} is rethrown as is
 * (so a {@link KalshiBackpressureException} can be caught by type); a checked exception is
 * wrapped in a {@link CompletionException}.
 *
 * <p>Intended for a single consumer; several consumers would each get a subset of elements.
 *
 * @param <T> element type; nulls are rejected
 */
public final class BoundedBuffer<T> {

    private final int capacity;
    private final OverflowPolicy policy;
    private final ArrayDeque<T> queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // Guarded by lock.
    private boolean closed;
    private Throwable failure;
    private long dropped;

    /**
     * Creates an empty, open buffer.
     *
     * @param capacity maximum number of buffered elements, at least 1
     * @param policy what to do when full, not null
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public BoundedBuffer(int capacity, OverflowPolicy policy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
        this.policy = Objects.requireNonNull(policy, "policy");
        // Grows on demand: a generous capacity should not cost memory up front.
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Adds an element without ever blocking the caller.
     *
     * <p>When full: under {@link OverflowPolicy#DROP_OLDEST} the oldest element is evicted and
     * counted; under {@link OverflowPolicy#FAIL} the element is discarded (and counted) and the
     * buffer fails with a {@link KalshiBackpressureException}.
     *
     * @param element the element, not null
     * @return true if the element was buffered; false if it was discarded because the buffer is
     *     closed, failed, or just failed on overflow
     */
    public boolean offer(T element) {
        return offer(element, null);
    }

    /** Like {@link #offer(Object)}, handing an element evicted under DROP_OLDEST to {@code onEvict} (may be null). */
    boolean offer(T element, java.util.function.Consumer<? super T> onEvict) {
        Objects.requireNonNull(element, "element");
        List<T> evicted = onEvict == null ? null : new ArrayList<>(1);
        boolean accepted = offerLocked(element, evicted);
        if (evicted != null && !evicted.isEmpty()) {
            // Outside the lock: the callback is the producer's business, consumers must not wait on it.
            onEvict.accept(evicted.get(0));
        }
        return accepted;
    }

    private boolean offerLocked(T element, List<T> evictedOut) {
        lock.lock();
        try {
            if (closed || failure != null) {
                return false;
            }
            if (queue.size() >= capacity) {
                dropped++;
                if (policy == OverflowPolicy.FAIL) {
                    failure = new KalshiBackpressureException("subscription buffer overflow: consumer fell "
                            + capacity + " elements behind (policy FAIL)");
                    changed.signalAll();
                    return false;
                }
                T evicted = queue.pollFirst();
                if (evictedOut != null) {
                    evictedOut.add(evicted);
                }
            }
            queue.addLast(element);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the stream gracefully: further offers are refused, buffered elements stay available,
     * then consumers see the end. Has no effect if the buffer already ended.
     *
     * @return true if this call ended the stream
     */
    public boolean close() {
        lock.lock();
        try {
            if (closed || failure != null) {
                return false;
            }
            closed = true;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the stream with an error: further offers are refused, buffered elements stay
     * available, then consumers get {@code terminal}. Has no effect if the buffer already ended.
     *
     * @param terminal the cause, not null
     * @return true if this call ended the stream
     */
    public boolean fail(Throwable terminal) {
        Objects.requireNonNull(terminal, "terminal");
        lock.lock();
        try {
            if (closed || failure != null) {
                return false;
            }
            failure = terminal;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the next element, waiting up to {@code timeout} for one.
     *
     * @param timeout how long to wait; zero or negative means do not wait
     * @return the element; null on timeout, or at once if the stream was closed and is drained
     *     (tell the two apart with {@link #isDone()})
     * @throws InterruptedException if interrupted while waiting
     * @throws RuntimeException the terminal failure, once the elements buffered before it are consumed
     */
    public T poll(Duration timeout) throws InterruptedException {
        long nanos = Durations.saturatedNanos(Objects.requireNonNull(timeout, "timeout"));
        lock.lockInterruptibly();
        try {
            while (true) {
                T head = queue.pollFirst();
                if (head != null) {
                    return head;
                }
                throwIfFailed();
                if (closed || nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    // Blocks until an element is available; returns null only at a clean end.
    private T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                T head = queue.pollFirst();
                if (head != null) {
                    return head;
                }
                throwIfFailed();
                if (closed) {
                    return null;
                }
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void throwIfFailed() {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new CompletionException(t);
    }

    /**
     * Returns a blocking iterator over the stream: {@code hasNext()} waits for the next
     * element, returns false after {@link #close()} once drained, and throws the terminal
     * failure after {@link #fail} once drained. If the waiting thread is interrupted,
     * {@code hasNext()} restores the interrupt flag and throws a {@link KalshiException}.
     *
     * @return an iterator consuming from this buffer
     */
    public Iterator<T> iterator() {
        return new BlockingIterator<>(this::take, "subscription stream closed");
    }

    /**
     * Returns a sequential, blocking stream over the buffer with the same end and failure
     * semantics as {@link #iterator()}. Closing the stream closes the buffer.
     *
     * @return a stream consuming from this buffer
     */
    public Stream<T> stream() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(this::close);
    }

    /**
     * Returns how many elements overflow handling discarded: evictions under
     * {@link OverflowPolicy#DROP_OLDEST}, or the one element that tripped {@link OverflowPolicy#FAIL}.
     *
     * @return the number of lost elements
     */
    public long droppedCount() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the number of elements waiting to be consumed.
     *
     * @return the current size
     */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the maximum number of buffered elements.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Returns the overflow policy.
     *
     * @return the policy
     */
    public OverflowPolicy policy() {
        return policy;
    }

    /**
     * Returns the terminal failure, if the buffer failed.
     *
     * @return the failure, or empty if open or closed gracefully
     */
    public Optional<Throwable> failure() {
        lock.lock();
        try {
            return Optional.ofNullable(failure);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tells whether the stream has ended (closed or failed) and every buffered element has been
     * consumed, i.e. {@link #poll} will never return another element.
     *
     * @return true when nothing more can be consumed
     */
    public boolean isDone() {
        lock.lock();
        try {
            return (closed || failure != null) && queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
