package io.github.kalshi4j.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The actor for a collaborator under test: the test's own thread is the actor thread, and time stands still until the
 * test {@link #advance advances} it, running the timers that fall due in order. Work posted from another thread (a
 * heartbeat timer, say) waits until {@link #runPosted()}. What a task throws is kept in {@link #failures}.
 */
final class ManualActor implements ActorContext {

    private final Thread owner = Thread.currentThread();
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Due> timers = new PriorityQueue<>(Comparator.comparingLong((Due d) -> d.at)
            .thenComparingLong(d -> d.order));
    private long now = System.nanoTime();
    private long order;
    private boolean stopped;
    final List<Throwable> failures = new ArrayList<>();

    private static final class Due {
        final long at;
        final long order;
        final Runnable task;
        boolean cancelled;

        Due(long at, long order, Runnable task) {
            this.at = at;
            this.order = order;
            this.task = task;
        }
    }

    @Override
    public boolean execute(Runnable task) {
        if (stopped) {
            return false;
        }
        if (Thread.currentThread() == owner) {
            guarded(task);
        } else {
            posted.add(task);
        }
        return true;
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        if (stopped) {
            return Timer.NONE;
        }
        Due due = new Due(now + Math.max(0, delay.toNanos()), order++, task);
        timers.add(due);
        return () -> due.cancelled = true;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Moves the clock forward by {@code by}, running every timer due by then (and those they set), in order. */
    void advance(Duration by) {
        long until = now + by.toNanos();
        Due next;
        while ((next = timers.peek()) != null && next.at - until <= 0) {
            timers.poll();
            now = Math.max(now, next.at);
            if (!next.cancelled) {
                guarded(next.task);
            }
        }
        now = until;
    }

    /** Timers set and neither run nor cancelled. */
    int pendingTimers() {
        return (int) timers.stream().filter(d -> !d.cancelled).count();
    }

    /** Runs what other threads posted. */
    void runPosted() {
        Runnable task;
        while ((task = posted.poll()) != null) {
            guarded(task);
        }
    }

    /** Takes no more work, as a stopped actor. */
    void stop() {
        stopped = true;
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            failures.add(t);
        }
    }
}
