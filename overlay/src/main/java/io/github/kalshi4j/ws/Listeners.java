package io.github.kalshi4j.ws;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket's state, error and sequence listeners. Registered from any thread; told on the actor thread. A listener
 * that throws never stops the others, nor the engine.
 */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);

    private final CopyOnWriteArrayList<Consumer<? super ConnectionState>> state = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<? super Throwable>> errors = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<? super SequenceEvent>> sequence = new CopyOnWriteArrayList<>();

    Registration onState(Consumer<? super ConnectionState> l) {
        state.add(l);
        return () -> state.remove(l);
    }

    Registration onError(Consumer<? super Throwable> l) {
        errors.add(l);
        return () -> errors.remove(l);
    }

    Registration onSequence(Consumer<? super SequenceEvent> l) {
        sequence.add(l);
        return () -> sequence.remove(l);
    }

    /** Tells the error listeners; with none registered the error is logged, so it is never lost. */
    void error(Throwable error) {
        if (errors.isEmpty()) {
            LOG.warn("kalshi4j WebSocket: {}", error.toString(), error);
            return;
        }
        for (Consumer<? super Throwable> l : errors) {
            try {
                l.accept(error);
            } catch (Throwable t) {
                LOG.warn("kalshi4j WebSocket error listener threw", t);
            }
        }
    }

    void state(ConnectionState next) {
        for (Consumer<? super ConnectionState> l : state) {
            try {
                l.accept(next);
            } catch (Throwable t) {
                error(t);
            }
        }
    }

    void sequence(SequenceEvent event) {
        for (Consumer<? super SequenceEvent> l : sequence) {
            try {
                l.accept(event);
            } catch (Throwable t) {
                error(t);
            }
        }
    }

    /**
     * Runs one step of cleaning up after a lost connection or the end of the socket: what it throws is reported, and
     * the next step still runs, so the socket never ends up half cleaned up.
     */
    void step(Runnable step) {
        try {
            step.run();
        } catch (Throwable t) {
            LOG.error("kalshi4j WebSocket: a step of handling a lost connection failed; carrying on", t);
            error(t);
        }
    }
}
