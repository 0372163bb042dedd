package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiTimeoutException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import io.github.kalshi4j.internal.KalshiMappers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link Commands} on its own: ids, replies, timeouts and orphans, on the test thread as the actor. */
class CommandsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ObjectMapper mapper = KalshiMappers.create();
    private final ManualActor actor = new ManualActor();
    private final RecordingWire wire = new RecordingWire();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<Long> orphanSids = new ArrayList<>();
    private final Commands commands = new Commands(mapper, actor, wire, TIMEOUT, errors::add, orphanSids::add);

    /** A command that records how it ended. */
    private static final class Probe extends Commands.Pending {
        final List<String> replies = new ArrayList<>();
        KalshiException failure;
        KalshiWebSocketException lost;

        Probe(int id) {
            super(id, "probe");
        }

        @Override
        boolean reply(String type, JsonNode frame) {
            replies.add(type);
            return "ok".equals(type);
        }

        @Override
        void fail(KalshiException error) {
            failure = error;
        }

        @Override
        void connectionLost(KalshiWebSocketException cause) {
            lost = cause;
        }
    }

    private Probe send() {
        Probe p = new Probe(commands.nextId());
        commands.send(p, Map.of("id", p.id, "cmd", "probe"));
        return p;
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void aReplyWithTheCommandsIdCompletesItAndCancelsItsTimeout() throws Exception {
        Probe p = send();
        assertEquals(p.id, wire.last().path("id").asInt());

        commands.onReply(p.id, "ok", json("{\"id\":" + p.id + ",\"type\":\"ok\"}"));
        actor.advance(TIMEOUT.multipliedBy(2));

        assertEquals(List.of("ok"), p.replies);
        assertNull(p.failure);
        assertEquals(0, commands.pendingCount());
    }

    @Test
    void aReplyTheCommandDoesNotFinishOnKeepsItWaiting() throws Exception {
        Probe p = send();
        commands.onReply(p.id, "subscribed", json("{\"id\":" + p.id + ",\"type\":\"subscribed\"}"));
        assertEquals(1, commands.pendingCount());
        commands.onReply(p.id, "ok", json("{\"id\":" + p.id + ",\"type\":\"ok\"}"));
        assertEquals(0, commands.pendingCount());
    }

    @Test
    void noReplyWithinTheTimeoutFailsTheCommandAndItsLateErrorIsNotReported() throws Exception {
        Probe p = send();
        actor.advance(TIMEOUT.minusMillis(1));
        assertNull(p.failure);
        actor.advance(Duration.ofMillis(1));

        assertInstanceOf(KalshiTimeoutException.class, p.failure);
        commands.onReply(p.id, "error", json("{\"id\":" + p.id + ",\"type\":\"error\",\"msg\":{\"code\":17}}"));
        assertTrue(errors.isEmpty(), "a late error for an abandoned command is expected, not news: " + errors);
    }

    @Test
    void anErrorReplyFailsTheCommandWithTheServersCodeAndText() throws Exception {
        Probe p = send();
        commands.onReply(p.id, "error",
                json("{\"id\":" + p.id + ",\"type\":\"error\",\"msg\":{\"code\":6,\"msg\":\"Already subscribed\"}}"));

        KalshiSubscriptionException e = assertInstanceOf(KalshiSubscriptionException.class, p.failure);
        assertEquals(6, e.code());
        assertTrue(e.getMessage().contains("Already subscribed"), e.getMessage());
        assertEquals(0, commands.pendingCount());
    }

    @Test
    void aSubscribedReplyNobodyWaitsForHandsItsSidOver() throws Exception {
        commands.onReply(99, "subscribed", json("{\"id\":99,\"type\":\"subscribed\",\"msg\":{\"sid\":12}}"));
        assertEquals(List.of(12L), orphanSids);
    }

    @Test
    void anErrorReplyForNoCommandIsReported() throws Exception {
        commands.onReply(0, "error", json("{\"type\":\"error\",\"msg\":{\"code\":8,\"msg\":\"Unknown channel\"}}"));
        KalshiSubscriptionException e = assertInstanceOf(KalshiSubscriptionException.class, errors.get(0));
        assertEquals(8, e.code());
    }

    @Test
    void aCommandSentWhileNotConnectedHearsSoAtOnce() {
        wire.open = false;
        Probe p = send();
        assertTrue(p.lost.getMessage().contains("not connected"), p.lost.getMessage());
        assertTrue(wire.sent.isEmpty());
        assertEquals(0, actor.pendingTimers());
    }

    @Test
    void aLostConnectionTellsEveryCommandInFlight() {
        Probe a = send();
        Probe b = send();
        wire.lose();
        commands.connectionLost(new KalshiWebSocketException("gone"), Runnable::run);

        assertEquals("gone", a.lost.getMessage());
        assertEquals("gone", b.lost.getMessage());
        assertEquals(0, commands.pendingCount());
        assertEquals(0, actor.pendingTimers());
    }

    @Test
    void listSubscriptionsWaitsForAConnectionAndReadsTheServersList() throws Exception {
        wire.open = false;
        CompletableFuture<List<ServerSubscription>> f = new CompletableFuture<>();
        commands.listSubscriptions(f);
        assertTrue(wire.sent.isEmpty());

        wire.open = true;
        commands.opened();
        JsonNode sent = wire.last();
        assertEquals("list_subscriptions", sent.path("cmd").asText());
        int id = sent.path("id").asInt();
        commands.onReply(id, "ok", json("{\"id\":" + id + ",\"type\":\"ok\",\"msg\":["
                + "{\"channel\":\"ticker\",\"sid\":1},{\"channel\":\"trade\",\"sid\":2}]}"));

        assertEquals(List.of(new ServerSubscription("ticker", 1), new ServerSubscription("trade", 2)), f.join());
    }

    @Test
    void theEndFailsCommandsInFlightAndThoseWaitingForAConnection() {
        Probe p = send();
        wire.open = false;
        CompletableFuture<List<ServerSubscription>> waiting = new CompletableFuture<>();
        commands.listSubscriptions(waiting);
        KalshiWebSocketException end = new KalshiWebSocketException("closed");

        commands.end(end, Runnable::run);

        assertEquals(end, p.failure);
        assertTrue(waiting.isCompletedExceptionally());
        assertFalse(wire.sent.stream().anyMatch(s -> s.contains("list_subscriptions")));
    }

    @Test
    void idsArePositiveAndIncreasing() {
        int a = commands.nextId();
        int b = commands.nextId();
        assertTrue(a > 0 && b == a + 1);
    }
}
