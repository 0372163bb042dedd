package io.github.kalshi4j.testkit.engine;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Buffers the events of the operation in progress and delivers them to the listeners once it has
 * succeeded, so a rejected request never leaks events and listeners always see committed state.
 */
final class EventSink {
    private static final System.Logger LOG = System.getLogger(EventSink.class.getName());

    private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ExchangeListener>> pending = new ArrayList<>();
    private final ArrayDeque<Consumer<ExchangeListener>> queue = new ArrayDeque<>();
    private boolean dispatching;

    void addListener(ExchangeListener listener) {
        listeners.add(listener);
    }

    void removeListener(ExchangeListener listener) {
        listeners.remove(listener);
    }

    void emit(Consumer<ExchangeListener> event) {
        pending.add(event);
    }

    /** Drops the events of a failed operation. */
    void discard() {
        pending.clear();
    }

    /**
     * Delivers the pending events. A nested call (a listener acting on the exchange) only queues
     * its events; the outermost call delivers everything in order.
     */
    void flush() {
        queue.addAll(pending);
        pending.clear();
        if (dispatching) {
            return;
        }
        dispatching = true;
        try {
            Consumer<ExchangeListener> event;
            while ((event = queue.pollFirst()) != null) {
                for (ExchangeListener listener : listeners) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "exchange listener " + listener + " failed", e);
                    }
                }
            }
        } finally {
            dispatching = false;
        }
    }
}
