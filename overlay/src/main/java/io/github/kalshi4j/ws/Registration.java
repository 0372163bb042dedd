package io.github.kalshi4j.ws;

/**
 * Handle to a registered listener or handler; {@link #close()} removes it. Closing twice is harmless.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Removes the listener; it receives nothing after this returns, except a call already running. */
    @Override
    void close();
}
