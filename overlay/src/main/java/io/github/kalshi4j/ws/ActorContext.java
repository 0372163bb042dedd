package io.github.kalshi4j.ws;

import java.time.Duration;

/**
 * What the WebSocket engine's collaborators need from the one thread they all run on: to post work to it, to set a
 * timer on it and to read its clock. {@link Actor} is the real thread; a test drives a collaborator on its own thread
 * through a manual implementation with a clock it advances, so backoffs and deadlines are checked without waiting.
 */
interface ActorContext {

    /** A timer that can be called off; cancelling one that has run or was cancelled already does nothing. */
    @FunctionalInterface
    interface Timer {
        /** Timers of a stopped actor: nothing left to cancel. */
        Timer NONE = () -> { };

        /** Makes sure the task does not run, if it has not started yet. */
        void cancel();
    }

    /**
     * Runs {@code task} on the actor thread: inline when already on it, else after the work posted before it.
     *
     * @return false once the actor has stopped, and the task will never run
     */
    boolean execute(Runnable task);

    /**
     * Runs a socket event (a frame, open, close, failure) on the actor thread, after every socket event posted before
     * it. By default the same as {@link #execute}; {@link Actor} gives socket events a lane of their own.
     *
     * @return false once the actor has stopped, and the event will never run
     */
    default boolean inbound(Runnable event) {
        return execute(event);
    }

    /**
     * Runs {@code task} on the actor thread after {@code delay} (at once for zero or negative).
     *
     * @return the timer, or {@link Timer#NONE} once the actor has stopped
     */
    Timer schedule(Runnable task, Duration delay);

    /** The actor's monotonic clock, in the units and with the arbitrary origin of {@link System#nanoTime()}. */
    long nanoTime();
}
