package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.errors.KalshiStreamGapException;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import io.github.kalshi4j.internal.KalshiMappers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link Subscriptions} on its own with the real commands, router and book sync behind it, on the test thread as the
 * actor: subscribe and confirm, resubscribe after a loss with its gap signal, transient rejections, unsubscribe.
 */
class SubscriptionsTest {

    private static final ReconnectPolicy BACKOFF = ReconnectPolicy.of(Duration.ofMillis(100), Duration.ofSeconds(1), 0);

    private final ManualActor actor = new ManualActor();
    private final RecordingWire wire = new RecordingWire();
    private final List<Throwable> errors = new ArrayList<>();
    private Subscriptions subscriptions;
    private final Commands commands = new Commands(KalshiMappers.create(), actor, wire, Duration.ofSeconds(3),
            errors::add, sid -> subscriptions.orphanSubscribed(sid));
    private final BookSync books = new BookSync(actor, wire, commands, BACKOFF, Duration.ofSeconds(3), errors::add,
            sub -> subscriptions.resubscribeForBooks(sub));
    private final Router router = new Router(KalshiMappers.create(), new FrameDecoder(KalshiMappers.create(),
            errors::add), commands, new SequenceGate(e -> { }), books, errors::add);
    private final List<KalshiWebSocketException> reconnects = new ArrayList<>();
    private int healthChecks;

    SubscriptionsTest() {
        subscriptions = new Subscriptions(KalshiMappers.create(), actor, wire, commands, router, books, BACKOFF,
                errors::add, new Subscriptions.Host() {
                    @Override
                    public ConnectionState state() {
                        return wire.open ? ConnectionState.OPEN : ConnectionState.RECONNECTING;
                    }

                    @Override
                    public void reconnect(KalshiWebSocketException cause) {
                        reconnects.add(cause);
                    }

                    @Override
                    public void healthChanged() {
                        healthChecks++;
                    }
                });
    }

    private Subscription<WsMessage> fills() {
        return new Subscription<>(null, 1, SubscribeRequest.builder(Channel.FILL).build(), WsMessage.class, 16, false);
    }

    private void reply(String json) {
        router.onText(json);
    }

    private void confirm(JsonNode subscribe, String channel, long sid) {
        reply("{\"id\":" + subscribe.path("id").asInt() + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\"" + channel
                + "\",\"sid\":" + sid + "}}");
    }

    @Test
    void aSubscribeCarriesChannelsAndMarketsAndItsConfirmationBindsTheSid() {
        Subscription<WsMessage> sub = Frames.pull(Channel.TICKER, "A", "B");
        assertTrue(subscriptions.add(sub));

        JsonNode sent = wire.last();
        assertEquals("subscribe", sent.path("cmd").asText());
        assertEquals("ticker", sent.path("params").path("channels").get(0).asText());
        assertEquals("B", sent.path("params").path("market_tickers").get(1).asText());
        assertFalse(subscriptions.allLive());

        confirm(sent, "ticker", 11);

        assertTrue(sub.ready.isDone());
        assertEquals(Map.of(Channel.TICKER, 11L), sub.sids());
        assertTrue(subscriptions.allLive());
        assertEquals(1, healthChecks);
        router.onText(Frames.tickerText(11, "A"));
        assertEquals(1, subscriptions.view().size());
    }

    @Test
    void aSubscriptionAddedWhileDisconnectedIsSentWhenTheConnectionOpens() {
        wire.open = false;
        Subscription<WsMessage> sub = fills();
        subscriptions.add(sub);
        assertTrue(wire.sent.isEmpty());

        wire.open = true;
        subscriptions.opened();

        assertEquals(1, wire.commands("subscribe").size());
    }

    @Test
    void afterALossTheResubscribeIsConfirmedWithAGapSignalForAFailFeed() throws Exception {
        Subscription<WsMessage> sub = fills();
        subscriptions.add(sub);
        confirm(wire.last(), "fill", 3);

        wire.lose();
        subscriptions.connectionLost(Runnable::run);
        assertTrue(sub.sids().isEmpty());
        wire.open = true;
        subscriptions.opened();
        confirm(wire.last(), "fill", 8);

        assertEquals(Map.of(Channel.FILL, 8L), sub.sids());
        KalshiStreamGapException gap = org.junit.jupiter.api.Assertions.assertThrows(KalshiStreamGapException.class,
                () -> sub.poll(Duration.ZERO));
        assertTrue(gap.getMessage().contains("a reconnect"), gap.getMessage());
    }

    @Test
    void aResubscribeRejectedWithATransientErrorIsAskedAgainAfterTheBackoff() {
        Subscription<WsMessage> sub = fills();
        subscriptions.add(sub);
        confirm(wire.last(), "fill", 3);
        wire.lose();
        subscriptions.connectionLost(Runnable::run);
        wire.open = true;
        subscriptions.opened();
        int id = wire.last().path("id").asInt();

        reply("{\"id\":" + id + ",\"type\":\"error\",\"msg\":{\"code\":17,\"msg\":\"Internal error\"}}");
        assertEquals(2, wire.commands("subscribe").size());
        actor.advance(BACKOFF.ceilingForAttempt(1));

        assertEquals(3, wire.commands("subscribe").size());
        assertTrue(sub.isActive());
    }

    @Test
    void aFirstSubscribeRejectedEndsTheSubscriptionWithTheServersError() {
        Subscription<WsMessage> sub = fills();
        subscriptions.add(sub);
        int id = wire.last().path("id").asInt();

        reply("{\"id\":" + id + ",\"type\":\"error\",\"msg\":{\"code\":8,\"msg\":\"Unknown channel\"}}");

        assertFalse(sub.isActive());
        CompletableFuture<?> ready = sub.ready;
        assertTrue(ready.isCompletedExceptionally());
        KalshiSubscriptionException e = assertInstanceOf(KalshiSubscriptionException.class,
                ready.handle((v, t) -> t).join());
        assertEquals(8, e.code());
        assertTrue(subscriptions.view().isEmpty());
        assertTrue(errors.isEmpty(), "the caller hears it through its future");
    }

    @Test
    void unsubscribingGivesUpTheSidAndCompletesOnTheServersConfirmation() throws Exception {
        Subscription<WsMessage> sub = fills();
        subscriptions.add(sub);
        confirm(wire.last(), "fill", 3);
        CompletableFuture<Void> done = new CompletableFuture<>();

        subscriptions.unsubscribe(sub, done);

        JsonNode unsubscribe = wire.last();
        assertEquals(3, unsubscribe.path("params").path("sids").get(0).asInt());
        assertFalse(done.isDone());
        reply("{\"id\":" + unsubscribe.path("id").asInt() + ",\"type\":\"unsubscribed\"}");
        assertTrue(done.isDone());
        assertFalse(sub.isActive());
        assertTrue(subscriptions.view().isEmpty());
    }

    @Test
    void aConfirmationForASubscriptionClosedMeanwhileIsUnsubscribedAtOnce() {
        Subscription<WsMessage> sub = fills();
        subscriptions.add(sub);
        JsonNode subscribe = wire.last();
        subscriptions.unsubscribe(sub, new CompletableFuture<>());

        confirm(subscribe, "fill", 4);

        assertEquals(4, wire.commands("unsubscribe").get(0).path("params").path("sids").get(0).asInt());
    }

    @Test
    void aUserBookSubscriptionOfAMarketHeldByAHandleIsRefused() {
        Subscription<WsMessage> internal = new Subscription<>(null, 2,
                SubscribeRequest.builder(Channel.ORDERBOOK_DELTA).marketTicker("A").build(), WsMessage.class, 1, true);
        subscriptions.bookFeeds.put("A", new BookFeed("A", internal, new LocalOrderbook("A")));

        Subscription<WsMessage> mine = Frames.pull(Channel.ORDERBOOK_DELTA, "A");

        assertFalse(subscriptions.add(mine));
        assertInstanceOf(IllegalStateException.class, mine.ready.handle((v, t) -> t).join());
        assertTrue(wire.sent.isEmpty());
    }
}
