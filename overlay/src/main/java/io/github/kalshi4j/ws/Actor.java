package io.github.kalshi4j.ws;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one dispatch thread of a socket. Every piece of the engine's mutable state is touched only here: Tyrus
 * callbacks, public calls, timers and reconnect attempts all post tasks to it, which keeps the ordering of frames,
 * replies and state changes obvious and needs no locks.
 *
 * <p>Socket events take a lane of their own ({@link #inbound}): a lock-free queue that one dispatch task drains, so a
 * burst of frames costs a queue offer each instead of an executor task each (the scheduled executor's queue is a
 * locked heap).
 */
final class Actor implements ActorContext {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);
    /** Socket events run per drain task before other dispatch work gets a turn. */
    static final int INBOUND_BATCH = 256;

    private final ScheduledThreadPoolExecutor executor;
    private final Consumer<Throwable> failures;
    private volatile Thread thread;
    private final ConcurrentLinkedQueue<Runnable> inboundEvents = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean inboundDraining = new AtomicBoolean();

    /**
     * @param name the thread's name
     * @param failures hears what a task throws: a bug must not kill the dispatch thread silently
     */
    Actor(String name, Consumer<Throwable> failures) {
        this.failures = failures;
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        // After the end nothing scheduled may run: timers belong to a socket that no longer exists.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** True on the dispatch thread itself. */
    boolean onActor() {
        return Thread.currentThread() == thread;
    }

    @Override
    public boolean execute(Runnable task) {
        if (onActor()) {
            guarded(task);
            return true;
        }
        try {
            executor.execute(() -> guarded(task));
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> f = executor.schedule(() -> guarded(task), Math.max(0, delay.toNanos()),
                    TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException stopped) {
            return Timer.NONE;
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /** Socket events wait in a lock-free lane; the drain yields to other work every {@value #INBOUND_BATCH}. */
    @Override
    public boolean inbound(Runnable event) {
        if (executor.isShutdown()) {
            return false;
        }
        inboundEvents.offer(event);
        if (inboundDraining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drainInbound);
            } catch (RejectedExecutionException stopped) {
                inboundDraining.set(false);
                return false;
            }
        }
        return true;
    }

    private void drainInbound() {
        int done = 0;
        while (true) {
            Runnable event;
            while ((event = inboundEvents.poll()) != null) {
                guarded(event);
                if (++done == INBOUND_BATCH && !inboundEvents.isEmpty()) {
                    try {
                        executor.execute(this::drainInbound);
                    } catch (RejectedExecutionException stopped) {
                        inboundDraining.set(false);
                    }
                    return;
                }
            }
            inboundDraining.set(false);
            // An event offered after the poll above and before the flag dropped found the flag still set and
            // scheduled nothing: this task takes it.
            if (inboundEvents.isEmpty() || !inboundDraining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.error("kalshi4j WebSocket dispatch task failed", t);
            failures.accept(t);
        }
    }

    /** Stops taking work; what is queued still runs, timers do not. */
    void shutdown() {
        executor.shutdown();
    }
}
