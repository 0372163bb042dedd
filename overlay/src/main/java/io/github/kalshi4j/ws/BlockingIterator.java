package io.github.kalshi4j.ws;

import io.github.kalshi4j.errors.KalshiException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The blocking iterator of a pull stream ({@link BoundedBuffer}, {@link Feed}): {@code hasNext()} waits for the next
 * element and returns false at a clean end; what the wait throws (an overflow, the terminal failure) reaches the
 * caller. An interrupted wait restores the interrupt flag and throws a {@link KalshiException}.
 *
 * @param <T> the element type
 */
final class BlockingIterator<T> implements Iterator<T> {

    /** One blocking wait for the next element. */
    @FunctionalInterface
    interface Take<T> {
        /** Waits for the next element; null at a clean end. */
        T take() throws InterruptedException;
    }

    private final Take<T> source;
    private final String ended;
    private T next;

    /** @param ended the message of the {@link NoSuchElementException} that {@code next()} throws after the end */
    BlockingIterator(Take<T> source, String ended) {
        this.source = source;
        this.ended = ended;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            next = source.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalshiException("interrupted while waiting for the next subscription element");
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException(ended);
        }
        T out = next;
        next = null;
        return out;
    }
}
