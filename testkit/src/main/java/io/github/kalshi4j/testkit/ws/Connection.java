package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.ws.Channel;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One client connection: the Jetty endpoint, the member it authenticated as (null for an unsigned handshake, which
 * only a gateway allowing anonymous connections accepts), its send queue and its subscriptions.
 *
 * <p>Jetty's callbacks only hand work to the gateway's dispatcher or queue a frame, so they return at once. The
 * subscriptions and the sid counter are touched by the dispatcher thread only.
 *
 * <p>Public only because Jetty calls the listener methods through method handles, which needs a public class;
 * nothing outside the package can create one.
 */
public final class Connection implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final WsGateway gateway;
    private final String userId;
    private final Outbox outbox;
    private volatile Session session;

    // Dispatcher thread only.
    private final Map<Integer, Subscription> subscriptions = new TreeMap<>();
    private int lastSid;

    Connection(WsGateway gateway, String userId) {
        this.gateway = gateway;
        this.userId = userId;
        this.outbox = new Outbox(gateway::isSilent);
    }

    /** The authenticated member, or null for a connection that did not sign its handshake. */
    String userId() {
        return userId;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        outbox.attach(s);
        gateway.opened(this);
    }

    @Override
    public void onWebSocketText(String text) {
        gateway.received(this, text);
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        // Answered here rather than by Jetty so that a silent server does not answer pings either.
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        outbox.offer(new Outbox.Pong(copy));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        gateway.closed(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("WebSocket connection failed", cause);
        gateway.closed(this);
    }

    /** Queues a text frame; a client that stopped reading long ago is disconnected instead. */
    void send(String json) {
        if (!outbox.offer(new Outbox.Text(json))) {
            LOG.warn("disconnecting a WebSocket client that left {} frames unread", Outbox.MAX_QUEUED);
            disconnect();
        }
    }

    void ping(byte[] payload) {
        outbox.offer(new Outbox.Ping(payload));
    }

    /** Drops the TCP connection without a close handshake. */
    void disconnect() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }

    /** Starts a close handshake; the future completes once the close frame is written (or cannot be). */
    CompletableFuture<Void> close(int statusCode, String reason) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(statusCode, reason, Callback.from(() -> done.complete(null), done::completeExceptionally));
        } else {
            done.complete(null);
        }
        return done;
    }

    // ------------------------------------------------------------------ dispatcher thread only

    int nextSid() {
        return ++lastSid;
    }

    Subscription subscription(int sid) {
        return subscriptions.get(sid);
    }

    void add(Subscription sub) {
        subscriptions.put(sub.sid, sub);
    }

    Subscription remove(int sid) {
        return subscriptions.remove(sid);
    }

    /** Subscriptions in sid order. */
    List<Subscription> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    /** Subscriptions to one channel, in sid order. */
    List<Subscription> subscriptions(Channel channel) {
        List<Subscription> result = new ArrayList<>();
        for (Subscription s : subscriptions.values()) {
            if (s.channel == channel) {
                result.add(s);
            }
        }
        return result;
    }

    void clearSubscriptions() {
        subscriptions.clear();
    }
}
