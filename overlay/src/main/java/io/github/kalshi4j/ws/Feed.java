package io.github.kalshi4j.ws;

import io.github.kalshi4j.errors.KalshiBackpressureException;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiStreamGapException;
import io.github.kalshi4j.internal.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The consumer side of a subscription: a chain of {@link BoundedBuffer}s that survives overflow.
 *
 * <p>A {@link BoundedBuffer} under {@link OverflowPolicy#FAIL} fails for good on overflow. A
 * subscription must go on after telling its consumer that data was lost, so on overflow the
 * producer appends a fresh buffer and writes there; the consumer drains the failed one, gets the
 * {@link KalshiBackpressureException} exactly once, and continues with the fresh one. At most two
 * buffers exist: if the fresh one overflows too before the consumer has seen the first failure, it
 * is replaced (its contents are lost in any case, the consumer will hear about it once).
 *
 * <p>Terminal endings ({@link #close()}, {@link #fail(Throwable)}) apply to the newest buffer, so the
 * consumer sees a pending backpressure failure first, then the end.
 *
 * @param <T> element type
 */
final class Feed<T> implements Iterable<T> {

    /** What became of an offered element. */
    enum Offer {
        /** Buffered (possibly evicting the oldest under DROP_OLDEST). */
        ACCEPTED,
        /** The buffer overflowed under FAIL: the element was discarded and a fresh buffer started. */
        OVERFLOWED,
        /** The feed has ended; the element was discarded. */
        ENDED
    }

    // Long.MAX_VALUE nanoseconds: BoundedBuffer saturates it, so this waits as long as needed.
    private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

    private final int capacity;
    private final OverflowPolicy policy;
    private final Object lock = new Object();
    // Guarded by lock. Head is what the consumer reads; tail is what the producer writes.
    private final ArrayDeque<BoundedBuffer<T>> chain = new ArrayDeque<>(2);
    private long droppedInRetired;
    private boolean ended;

    Feed(int capacity, OverflowPolicy policy) {
        this.capacity = capacity;
        this.policy = Objects.requireNonNull(policy, "policy");
        chain.add(new BoundedBuffer<>(capacity, policy));
    }

    /** Producer: never blocks. */
    Offer offer(T element) {
        return offer(element, null);
    }

    /** Producer: never blocks; an element evicted under DROP_OLDEST goes to {@code onEvict} (may be null). */
    Offer offer(T element, java.util.function.Consumer<? super T> onEvict) {
        java.util.List<T> evicted = new java.util.ArrayList<>(1);
        Offer result = offerLocked(element, onEvict == null ? null : evicted::add);
        if (onEvict != null && !evicted.isEmpty()) {
            // After the lock: the callback may do real work (ask for a resync), consumers must not wait on it.
            onEvict.accept(evicted.get(0));
        }
        return result;
    }

    private Offer offerLocked(T element, java.util.function.Consumer<? super T> onEvict) {
        synchronized (lock) {
            if (ended) {
                return Offer.ENDED;
            }
            BoundedBuffer<T> tail = chain.peekLast();
            if (tail.offer(element, onEvict)) {
                return Offer.ACCEPTED;
            }
            if (!(tail.failure().orElse(null) instanceof KalshiBackpressureException)) {
                return Offer.ENDED;
            }
            if (chain.size() > 1) {
                // The consumer has not yet seen the earlier overflow; this buffer's contents go too.
                BoundedBuffer<T> discarded = chain.pollLast();
                droppedInRetired += discarded.size() + discarded.droppedCount();
            }
            chain.addLast(new BoundedBuffer<>(capacity, policy));
            return Offer.OVERFLOWED;
        }
    }

    /**
     * Producer: tells the consumer, in stream order, that messages may be missing here. The consumer drains
     * what is buffered, gets {@code signal} once, and goes on with what is offered after this call.
     */
    void gap(KalshiStreamGapException signal) {
        synchronized (lock) {
            if (ended) {
                return;
            }
            BoundedBuffer<T> tail = chain.peekLast();
            if (chain.size() > 1 && tail.size() == 0 && tail.droppedCount() == 0) {
                // A signal the consumer has not reached yet is the last thing before now: it covers this one too.
                return;
            }
            if (chain.size() >= 3) {
                // Bounded: behind two unseen signals the newest buffer's contents go; the signals already say so.
                // (The buffer before it already ends in a signal.)
                BoundedBuffer<T> discarded = chain.pollLast();
                droppedInRetired += discarded.size() + discarded.droppedCount();
            } else {
                tail.fail(signal);
            }
            chain.addLast(new BoundedBuffer<>(capacity, policy));
        }
    }

    /** Ends the feed cleanly: the consumer drains what is buffered, then sees the end. */
    void close() {
        synchronized (lock) {
            ended = true;
            chain.peekLast().close();
        }
    }

    /** Ends the feed with an error the consumer gets after draining, every time it asks again. */
    void fail(Throwable terminal) {
        synchronized (lock) {
            ended = true;
            chain.peekLast().fail(terminal);
        }
    }

    boolean isEnded() {
        synchronized (lock) {
            return ended;
        }
    }

    long droppedCount() {
        synchronized (lock) {
            long n = droppedInRetired;
            for (BoundedBuffer<T> b : chain) {
                n += b.droppedCount();
            }
            return n;
        }
    }

    int size() {
        synchronized (lock) {
            int n = 0;
            for (BoundedBuffer<T> b : chain) {
                n += b.size();
            }
            return n;
        }
    }

    OverflowPolicy policy() {
        return policy;
    }

    int capacity() {
        return capacity;
    }

    /**
     * Consumer: the next element, waiting up to {@code timeout}.
     *
     * @return the element, or null on timeout or at a clean end
     * @throws KalshiBackpressureException once per overflow, after the elements buffered before it
     * @throws RuntimeException the terminal failure
     */
    T poll(Duration timeout) throws InterruptedException {
        long budget = Durations.saturatedNanos(timeout);
        long start = System.nanoTime();
        while (true) {
            BoundedBuffer<T> head;
            synchronized (lock) {
                head = chain.peekFirst();
            }
            // Elapsed-time arithmetic: a deadline of start + budget could overflow for FOREVER.
            long remaining = Math.max(0, budget - (System.nanoTime() - start));
            T element;
            try {
                element = head.poll(Duration.ofNanos(remaining));
            } catch (KalshiBackpressureException | KalshiStreamGapException loss) {
                retire(head);
                throw loss;
            }
            if (element != null) {
                return element;
            }
            if (!head.isDone() || !retire(head)) {
                return null;
            }
        }
    }

    // Moves the consumer past a finished head if a newer buffer follows it.
    private boolean retire(BoundedBuffer<T> head) {
        synchronized (lock) {
            if (chain.peekFirst() == head && chain.size() > 1) {
                chain.pollFirst();
                droppedInRetired += head.droppedCount();
                return true;
            }
            return false;
        }
    }

    /**
     * Blocking iterator: {@code hasNext()} waits, returns false at a clean end, throws a
     * {@link KalshiBackpressureException} once per overflow (iteration may continue after catching
     * it) and the terminal failure at a failed end.
     */
    @Override
    public Iterator<T> iterator() {
        // A deadline this far out never passes, so null means the feed ended cleanly.
        return new BlockingIterator<>(() -> poll(FOREVER), "subscription ended");
    }

    Stream<T> stream(Runnable onClose) {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(onClose);
    }
}
