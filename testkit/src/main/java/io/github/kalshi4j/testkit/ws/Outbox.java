package io.github.kalshi4j.testkit.ws;

import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One connection's ordered send queue: frames leave in the order they were offered, one write at a time, without
 * ever blocking the thread that offers them (the dispatcher, the pinger, Jetty's reader). Jetty's
 * {@link IteratingCallback} runs the loop, so a write that completes at once does not recurse; each step hands
 * Jetty the frames queued so far (up to a batch), which its flusher writes together.
 *
 * <p>While the gateway is silent (a fault) frames are taken off the queue and dropped: a silent server loses
 * them, and subscribers see the gap in {@code seq} once it speaks again.
 */
final class Outbox extends IteratingCallback {

    /** Frames a client may leave unread before it is cut off, as Kalshi cuts off slow consumers. */
    static final int MAX_QUEUED = 100_000;

    /** Frames handed to Jetty in one step. */
    private static final int BATCH = 64;

    /** A frame waiting to be written. */
    sealed interface Frame permits Text, Ping, Pong {
    }

    /** A text frame (JSON). */
    record Text(String json) implements Frame {
    }

    /** A ping control frame. */
    record Ping(byte[] payload) implements Frame {
    }

    /** A pong control frame answering the client's ping. */
    record Pong(byte[] payload) implements Frame {
    }

    private final Queue<Frame> queue = new ConcurrentLinkedQueue<>();
    /** The frames of the current step; only process() touches it, and Jetty never runs two steps at once. */
    private final Frame[] batch = new Frame[BATCH];
    private final AtomicInteger queued = new AtomicInteger();
    private final BooleanSupplier silent;
    private volatile Session session;

    Outbox(BooleanSupplier silent) {
        this.silent = silent;
    }

    /** Starts writing to the session; frames offered before it opened wait until now. */
    void attach(Session s) {
        this.session = s;
        iterate();
    }

    /** Queues a frame; false when the client has left too many frames unread. */
    boolean offer(Frame frame) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            return false;
        }
        queue.offer(frame);
        iterate();
        return true;
    }

    @Override
    protected Action process() {
        Session s = session;
        if (s == null) {
            return Action.IDLE;
        }
        // Hand Jetty up to BATCH frames at once: its flusher gathers frames queued together into one socket
        // write, where one frame per write costs a system call per frame. Frames are handed over in queue order
        // from this one thread, so they leave in order; the step completes when the last of them is written.
        int n = 0;
        Frame frame;
        while (n < BATCH && (frame = queue.poll()) != null) {
            queued.decrementAndGet();
            if (!silent.getAsBoolean()) {
                batch[n++] = frame;
            }
        }
        if (n == 0) {
            return Action.IDLE;
        }
        Callback written = new BatchCallback(n);
        for (int i = 0; i < n; i++) {
            if (batch[i] instanceof Text t) {
                s.sendText(t.json(), written);
            } else if (batch[i] instanceof Ping p) {
                s.sendPing(ByteBuffer.wrap(p.payload()), written);
            } else if (batch[i] instanceof Pong p) {
                s.sendPong(ByteBuffer.wrap(p.payload()), written);
            }
            batch[i] = null;
        }
        return Action.SCHEDULED;
    }

    /** Completes the step once every frame of a batch is written, or fails it at the first failure. */
    private final class BatchCallback implements Callback {
        private final AtomicInteger pending;
        private final AtomicBoolean failed = new AtomicBoolean();

        BatchCallback(int frames) {
            this.pending = new AtomicInteger(frames);
        }

        @Override
        public void succeed() {
            if (pending.decrementAndGet() == 0 && !failed.get()) {
                succeeded();
            }
        }

        @Override
        public void fail(Throwable cause) {
            if (failed.compareAndSet(false, true)) {
                failed(cause);
            }
        }
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        // The connection is gone; nothing queued can be delivered any more.
        queue.clear();
        queued.set(0);
    }
}
