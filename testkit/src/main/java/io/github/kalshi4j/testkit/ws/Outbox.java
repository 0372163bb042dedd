package io.github.kalshi4j.testkit.ws;

import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One connection's ordered send queue: frames leave in the order they were offered, one write at a time, without
 * ever blocking the thread that offers them (the dispatcher, the pinger, Jetty's reader). Jetty's
 * {@link IteratingCallback} runs the loop, so a write that completes at once does not recurse.
 *
 * <p>While the gateway is silent (a fault) frames are taken off the queue and dropped: a silent server loses
 * them, and subscribers see the gap in {@code seq} once it speaks again.
 */
final class Outbox extends IteratingCallback {

    /** Frames a client may leave unread before it is cut off, as Kalshi cuts off slow consumers. */
    static final int MAX_QUEUED = 100_000;

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
        Frame frame;
        while ((frame = queue.poll()) != null) {
            queued.decrementAndGet();
            if (silent.getAsBoolean()) {
                continue;
            }
            Callback written = Callback.from(this::succeeded, this::failed);
            if (frame instanceof Text t) {
                s.sendText(t.json(), written);
            } else if (frame instanceof Ping p) {
                s.sendPing(ByteBuffer.wrap(p.payload()), written);
            } else if (frame instanceof Pong p) {
                s.sendPong(ByteBuffer.wrap(p.payload()), written);
            }
            return Action.SCHEDULED;
        }
        return Action.IDLE;
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        // The connection is gone; nothing queued can be delivered any more.
        queue.clear();
        queued.set(0);
    }
}
