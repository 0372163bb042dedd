package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.internal.KalshiMappers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link MarketUpdates} on its own: markets changed on every sid, in step with what the server confirms. */
class MarketUpdatesTest {

    private final ManualActor actor = new ManualActor();
    private final RecordingWire wire = new RecordingWire();
    private final Commands commands = new Commands(KalshiMappers.create(), actor, wire, Duration.ofSeconds(3),
            e -> { }, sid -> { });
    private final Map<String, BookFeed> bookFeeds = new HashMap<>();
    private final MarketUpdates updates = new MarketUpdates(commands, bookFeeds);
    private final Subscription<WsMessage> sub = Frames.pull(Channel.ORDERBOOK_DELTA, "A", "B");

    private void reply(JsonNode command, String json) throws Exception {
        int id = command.path("id").asInt();
        commands.onReply(id, KalshiMappers.create().readTree(json).path("type").asText(),
                KalshiMappers.create().readTree(json.replace("\"ID\"", String.valueOf(id))));
    }

    @Test
    void addingMarketsAsksEverySidAndCompletesWithWhatTheServerConfirms() throws Exception {
        sub.bind(Channel.ORDERBOOK_DELTA, 4);
        CompletableFuture<List<String>> f = new CompletableFuture<>();

        updates.update(sub, "add_markets", List.of("C"), f);

        JsonNode sent = wire.last();
        assertEquals("add_markets", sent.path("params").path("action").asText());
        assertEquals(4, sent.path("params").path("sids").get(0).asInt());
        assertEquals("C", sent.path("params").path("market_tickers").get(0).asText());
        assertEquals(List.of("A", "B", "C"), sub.marketTickers());
        reply(sent, "{\"id\":\"ID\",\"type\":\"ok\",\"msg\":{\"market_tickers\":[\"A\",\"B\",\"C\",\"D\"]}}");
        assertEquals(List.of("A", "B", "C", "D"), f.join());
    }

    @Test
    void aRejectedChangeLeavesTheMarketsAsTheyWere() throws Exception {
        sub.bind(Channel.ORDERBOOK_DELTA, 4);
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        updates.update(sub, "delete_markets", List.of("B"), f);

        reply(wire.last(), "{\"id\":\"ID\",\"type\":\"error\",\"msg\":{\"code\":12,\"msg\":\"Market not found\"}}");

        assertInstanceOf(KalshiSubscriptionException.class, f.handle((v, e) -> e).join());
        assertEquals(List.of("A", "B"), sub.marketTickers());
    }

    @Test
    void aDeletedMarketsBookIsDroppedOnlyOnceTheServerAgrees() throws Exception {
        sub.bind(Channel.ORDERBOOK_DELTA, 4);
        sub.books.put("B", new LocalOrderbook("B"));
        updates.update(sub, "delete_markets", List.of("B"), new CompletableFuture<>());
        assertTrue(sub.books.containsKey("B"));

        reply(wire.last(), "{\"id\":\"ID\",\"type\":\"ok\"}");

        assertFalse(sub.books.containsKey("B"));
    }

    @Test
    void deletingEveryMarketIsRefusedForItWouldMeanAllMarkets() {
        sub.bind(Channel.ORDERBOOK_DELTA, 4);
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        updates.update(sub, "delete_markets", List.of("A", "B"), f);
        assertInstanceOf(IllegalArgumentException.class, f.handle((v, e) -> e).join());
        assertTrue(wire.sent.isEmpty());
    }

    @Test
    void aSubscriptionNotLiveTakesTheChangeIntoItsNextSubscribe() {
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        updates.update(sub, "add_markets", List.of("C"), f);
        assertEquals(List.of("A", "B", "C"), f.join());
        assertTrue(wire.sent.isEmpty());
    }

    @Test
    void aChangeWhileTheSubscribeIsInFlightWaitsForItsConfirmation() {
        sub.pendingSubscribeId = 9;
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        updates.update(sub, "add_markets", List.of("C"), f);
        assertTrue(wire.sent.isEmpty());

        sub.pendingSubscribeId = 0;
        sub.bind(Channel.ORDERBOOK_DELTA, 4);
        sub.afterBound.remove(0).complete(null);

        assertEquals("add_markets", wire.last().path("params").path("action").asText());
    }

    @Test
    void addingAMarketHeldByAnOrderbookHandleIsRefused() {
        Subscription<WsMessage> internal = new Subscription<>(null, 2,
                SubscribeRequest.builder(Channel.ORDERBOOK_DELTA).marketTicker("C").build(), WsMessage.class, 1, true);
        bookFeeds.put("C", new BookFeed("C", internal, new LocalOrderbook("C")));
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        updates.update(sub, "add_markets", List.of("C"), f);
        assertInstanceOf(IllegalStateException.class, f.handle((v, e) -> e).join());
    }
}
