package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.errors.KalshiAuthException;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Connection} on its own: opening, reconnect backoff, giving up, refused keys and superseded connections, with
 * a scripted {@link Connector} and the test thread as the actor (the handshake runs inline too).
 */
class ConnectionTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final ReconnectPolicy POLICY = ReconnectPolicy.of(Duration.ofMillis(100), Duration.ofSeconds(1), 3);

    /** What one connect call does. */
    private enum Outcome { OPEN, FAIL, REFUSE, HANG }

    private static final class ScriptedLink implements Connector.Link {
        final List<String> sent = new ArrayList<>();
        boolean closed;

        @Override
        public void send(String text, Consumer<Throwable> onFailure) {
            sent.add(text);
        }

        @Override
        public void ping() {
        }

        @Override
        public void close(CloseReason.CloseCode code, String reason) {
            closed = true;
        }
    }

    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super("401");
        }
    }

    private final class ScriptedConnector implements Connector {
        final Deque<Outcome> script = new ArrayDeque<>();
        final List<Events> connections = new ArrayList<>();
        final List<ScriptedLink> links = new ArrayList<>();
        boolean shutDown;

        @Override
        public URI url() {
            return URI.create("ws://127.0.0.1:9/trade-api/ws/v2");
        }

        @Override
        public void connect(Events events) throws Exception {
            connections.add(events);
            Outcome next = script.isEmpty() ? Outcome.OPEN : script.poll();
            switch (next) {
                case OPEN -> {
                    ScriptedLink link = new ScriptedLink();
                    links.add(link);
                    events.opened(link);
                }
                case FAIL -> throw new IOException("connection refused");
                case REFUSE -> throw new Refused();
                default -> {
                    // The peer never answers the handshake.
                }
            }
        }

        @Override
        public KalshiAuthException refusedAuthentication(Throwable connectFailure) {
            return connectFailure instanceof Refused ? new KalshiAuthException("answered 401", connectFailure) : null;
        }

        @Override
        public void shutdown() {
            shutDown = true;
        }
    }

    /** Runs what it is given at once, on the caller's thread. */
    private static final class Inline extends AbstractExecutorService {
        private boolean shut;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shut = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private final ManualActor actor = new ManualActor();
    private final ScriptedConnector connector = new ScriptedConnector();
    private final ScheduledThreadPoolExecutor heartbeat = new ScheduledThreadPoolExecutor(1);
    private final Listeners listeners = new Listeners();
    private final List<ConnectionState> states = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<String> frames = new ArrayList<>();
    private final List<KalshiWebSocketException> losses = new ArrayList<>();
    private final List<KalshiException> endings = new ArrayList<>();
    private int opened;
    private boolean live = true;
    private Connection connection;

    ConnectionTest() {
        listeners.onState(states::add);
        listeners.onError(errors::add);
        WebSocketOptions options = WebSocketOptions.builder().reconnectPolicy(POLICY)
                .heartbeatTimeout(Duration.ofSeconds(3)).build();
        connection = new Connection(connector, options, CONNECT_TIMEOUT, actor, heartbeat, new Inline(), listeners,
                new Connection.Owner() {
                    @Override
                    public void opened() {
                        opened++;
                    }

                    @Override
                    public void text(String frame) {
                        frames.add(frame);
                    }

                    @Override
                    public void framesDropped(int dropped, int capacity) {
                    }

                    @Override
                    public void lost(KalshiWebSocketException cause, Consumer<Runnable> step) {
                        losses.add(cause);
                    }

                    @Override
                    public void giveUp(KalshiException failure) {
                        endings.add(failure);
                        connection.close(failure);
                    }

                    @Override
                    public boolean subscriptionsLive() {
                        return live;
                    }
                });
    }

    @AfterEach
    void stopTimers() {
        heartbeat.shutdownNow();
    }

    @Test
    void startingOpensAConnectionAndTellsTheOwner() {
        connection.start();

        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.OPEN), states);
        assertTrue(connection.isOpen());
        assertTrue(connection.firstOpen().isDone());
        assertEquals(1, opened);
        connection.send("{\"id\":1}");
        assertEquals(List.of("{\"id\":1}"), connector.links.get(0).sent);
    }

    @Test
    void framesOfTheCurrentConnectionReachTheOwnerAndThoseOfAnOldOneDoNot() {
        connection.start();
        Connector.Events first = connector.connections.get(0);
        first.text("one");
        first.closed(1006, "");
        actor.advance(POLICY.ceilingForAttempt(1));

        first.text("late");
        connector.connections.get(1).text("two");

        assertEquals(List.of("one", "two"), frames);
    }

    @Test
    void aLostConnectionReconnectsAfterThePolicysDelay() {
        connection.start();
        connector.connections.get(0).closed(1011, "server restarting");

        assertEquals(ConnectionState.RECONNECTING, connection.state());
        assertFalse(connection.isOpen());
        assertTrue(losses.get(0).getMessage().contains("1011"), losses.get(0).getMessage());
        assertTrue(connector.links.get(0).closed);
        assertEquals(1, errors.size(), "an open connection's loss is reported");

        actor.advance(POLICY.ceilingForAttempt(1));

        assertEquals(ConnectionState.OPEN, connection.state());
        assertEquals(2, connector.connections.size());
        assertEquals(2, opened);
    }

    @Test
    void reconnectingGivesUpAfterThePolicysAttempts() {
        connector.script.addAll(List.of(Outcome.OPEN, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL));
        connection.start();
        connector.connections.get(0).failed(new IOException("reset"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            actor.advance(POLICY.ceilingForAttempt(attempt));
        }

        assertEquals(ConnectionState.CLOSED, connection.state());
        assertTrue(endings.get(0).getMessage().startsWith("gave up reconnecting"), endings.get(0).getMessage());
        assertTrue(endings.get(0).getMessage().contains("after 3 attempts"), endings.get(0).getMessage());
        assertTrue(connector.shutDown);
    }

    @Test
    void aHandshakeThatNeverCompletesCountsAsFailedAtTheConnectTimeout() {
        connector.script.add(Outcome.HANG);
        connection.start();
        actor.advance(CONNECT_TIMEOUT.minusMillis(1));
        assertEquals(ConnectionState.CONNECTING, connection.state());

        actor.advance(Duration.ofMillis(1));

        assertEquals(ConnectionState.RECONNECTING, connection.state());
        assertTrue(losses.get(0).getMessage().contains("connect timeout"), losses.get(0).getMessage());
    }

    @Test
    void aKeyRefusedBeforeEverGettingInEndsTheSocketAtOnce() {
        connector.script.add(Outcome.REFUSE);
        connection.start();

        assertEquals(ConnectionState.CLOSED, connection.state());
        KalshiAuthException e = assertInstanceOf(KalshiAuthException.class, endings.get(0));
        assertTrue(e.getMessage().contains("not retrying"), e.getMessage());
        assertEquals(1, connector.connections.size());
    }

    @Test
    void aKeyRefusedAfterItWorkedIsTriedTwiceMoreThenTheSocketEnds() {
        connector.script.addAll(List.of(Outcome.OPEN, Outcome.REFUSE, Outcome.REFUSE, Outcome.REFUSE));
        connection.start();
        connector.connections.get(0).closed(1001, "going away");
        for (int attempt = 1; attempt <= 3 && !connection.isClosed(); attempt++) {
            actor.advance(POLICY.ceilingForAttempt(attempt));
        }

        assertEquals(1 + 1 + Connection.AUTH_RETRY_LIMIT, connector.connections.size());
        assertInstanceOf(KalshiAuthException.class, endings.get(0));
        long refusalsReported = errors.stream().filter(KalshiAuthException.class::isInstance).count();
        assertEquals(Connection.AUTH_RETRY_LIMIT + 1, refusalsReported);
    }

    @Test
    void theBackoffStartsOverOnlyOnceAConnectionIsStableWithEverySubscriptionLive() {
        connection.start();
        connector.connections.get(0).closed(1006, "");
        actor.advance(POLICY.ceilingForAttempt(1));
        assertEquals(1, connection.attempt());

        live = false;
        actor.advance(Duration.ofSeconds(3));
        assertEquals(1, connection.attempt(), "a subscription still unconfirmed keeps the count");

        live = true;
        connection.maybeHealthy();
        assertEquals(0, connection.attempt());
    }

    @Test
    void closingEndsForGoodAndSendsTheCloseFrame() {
        connection.start();
        connection.close(null);

        assertEquals(ConnectionState.CLOSED, connection.state());
        assertTrue(connector.links.get(0).closed);
        assertTrue(connector.shutDown);
        connector.connections.get(0).closed(1000, "");
        actor.advance(Duration.ofSeconds(10));
        assertEquals(1, connector.connections.size());
        assertTrue(errors.isEmpty());
    }
}
