package io.github.kalshi4j.ws;

import static io.github.kalshi4j.ws.WsHarness.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.errors.KalshiClientClosedException;
import io.github.kalshi4j.errors.KalshiBackpressureException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import jakarta.websocket.CloseReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How messages reach consumers: pull buffers under both overflow policies, push listeners and channel
 * handlers (whose exceptions are reported, never swallowed), typed streams, several consumers at once,
 * and a graceful close.
 */
class WsConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MARKET = "KXTEST-26JAN01-T1";

    private static ObjectNode numbered(String market, int n) {
        return JsonNodeFactory.instance.objectNode().put("market_ticker", market).put("n", n);
    }

    private static int n(WsMessage m) {
        WsMessage.Ticker t = (WsMessage.Ticker) m;
        return ((Number) t.msg().additionalProperties().get("n")).intValue();
    }

    /** Publishes {@code count} numbered messages and waits until the socket has dispatched them all. */
    private static void publishAndWait(WsHarness h, String channel, int from, int count) throws InterruptedException {
        AtomicInteger seen = new AtomicInteger();
        Registration r = h.ws.onMessage(m -> {
            if (m.type().equals(channel)) {
                seen.incrementAndGet();
            }
        });
        try {
            for (int i = from; i < from + count; i++) {
                h.server.publish(channel, channel, MARKET, numbered(MARKET, i));
            }
            eventually("the socket to dispatch " + count + " messages", () -> seen.get() == count);
        } finally {
            r.close();
        }
    }

    @Test
    void tickerAndTradeDefaultToDropOldestAndStatefulChannelsToFail() {
        assertEquals(OverflowPolicy.DROP_OLDEST, SubscribeRequest.of(Channel.TICKER).overflowPolicy());
        assertEquals(OverflowPolicy.DROP_OLDEST, SubscribeRequest.of(Channel.TRADE).overflowPolicy());
        for (Channel c : List.of(Channel.ORDERBOOK_DELTA, Channel.ORDER_GROUP_UPDATES, Channel.USER_ORDERS, Channel.FILL)) {
            assertEquals(OverflowPolicy.FAIL, SubscribeRequest.of(c).overflowPolicy(), c.wire());
        }
        assertEquals(OverflowPolicy.FAIL, SubscribeRequest.builder(Channel.TICKER, Channel.FILL).build().overflowPolicy(),
                "one stateful channel makes the whole subscription strict");
        assertEquals(OverflowPolicy.DROP_OLDEST, SubscribeRequest.builder(Channel.FILL)
                .overflowPolicy(OverflowPolicy.DROP_OLDEST).build().overflowPolicy());
    }

    @Test
    void underDropOldestASlowConsumerGetsTheNewestMessagesAndTheDropsAreCounted() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = h.ws.subscribe(SubscribeRequest.builder(Channel.TICKER).marketTicker(MARKET)
                    .bufferCapacity(5).build()).get(5, TimeUnit.SECONDS);
            publishAndWait(h, "ticker", 0, 50);
            assertEquals(45, sub.droppedCount());
            for (int i = 45; i < 50; i++) {
                assertEquals(i, n(sub.poll(WAIT)));
            }
            assertNull(sub.poll(Duration.ofMillis(50)));
            assertTrue(h.errors.isEmpty());
        }
    }

    @Test
    void underFailASlowConsumerGetsBackpressureWhereMessagesWereLostAndThenContinues() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = h.ws.subscribe(SubscribeRequest.builder(Channel.TICKER).marketTicker(MARKET)
                    .overflowPolicy(OverflowPolicy.FAIL).bufferCapacity(5).build()).get(5, TimeUnit.SECONDS);
            publishAndWait(h, "ticker", 0, 8);
            Iterator<WsMessage> it = sub.iterator();
            for (int i = 0; i < 5; i++) {
                assertEquals(i, n(it.next()));
            }
            KalshiBackpressureException e = assertThrows(KalshiBackpressureException.class, it::hasNext);
            assertTrue(e.getMessage().contains("5"), e.getMessage());
            // Message 5 was the one that did not fit; 6 and 7 went to the fresh buffer.
            assertEquals(6, n(it.next()));
            assertEquals(7, n(it.next()));
            publishAndWait(h, "ticker", 8, 1);
            assertEquals(8, n(it.next()));
            assertEquals(1, sub.droppedCount());
            assertTrue(sub.isActive());
        }
    }

    @Test
    void anOrderbookConsumerThatFallsBehindGetsBackpressureThenAFreshSnapshotToRebuildFrom() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.server.setBook(MARKET, new String[][] {{"0.40", "100.00"}}, new String[][] {{"0.50", "10.00"}});
            Subscription<WsMessage> sub = h.ws.subscribe(SubscribeRequest.builder(Channel.ORDERBOOK_DELTA)
                    .marketTicker(MARKET).bufferCapacity(4).build()).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                h.server.bookDelta(MARKET, "yes", "0.40", "1.00");
            }
            h.server.await(s -> s.commands("update_subscription").size() == 1, WAIT, "the client to ask for a snapshot");
            assertEquals("get_snapshot", h.server.commands("update_subscription").get(0).at("/params/action").asText());

            List<WsMessage> before = new ArrayList<>();
            KalshiBackpressureException overflow = null;
            while (overflow == null) {
                try {
                    before.add(sub.poll(WAIT));
                } catch (KalshiBackpressureException e) {
                    overflow = e;
                }
            }
            assertEquals(4, before.size());
            assertInstanceOf(WsMessage.OrderbookSnapshot.class, before.get(0));
            // What follows the exception starts from a snapshot, never from a delta the consumer cannot place.
            WsMessage.OrderbookSnapshot restart = assertInstanceOf(WsMessage.OrderbookSnapshot.class, sub.poll(WAIT));
            // The server may answer get_snapshot before the last of the ten deltas: those arrive after it as
            // contiguous deltas, and snapshot plus deltas is the server's book.
            BigDecimal level = restart.msg().yesDollarsFp().get(0).get(1);
            long seq = restart.seq().getAsLong();
            while (level.compareTo(new BigDecimal("110.00")) < 0) {
                WsMessage.OrderbookDelta d = assertInstanceOf(WsMessage.OrderbookDelta.class, sub.poll(WAIT));
                assertEquals(++seq, d.seq().getAsLong());
                level = level.add(d.msg().deltaFp());
            }
            assertEquals("110.00", level.toPlainString());
            h.server.bookDelta(MARKET, "yes", "0.40", "-10.00");
            WsMessage.OrderbookDelta next = assertInstanceOf(WsMessage.OrderbookDelta.class, sub.poll(WAIT));
            assertEquals(seq + 1, next.seq().getAsLong());
            assertEquals(new BigDecimal("-10.00"), next.msg().deltaFp());
        }
    }

    @Test
    void aDeltaOnlyStreamThatOverflowedResumesWithTheDeltasAfterTheFreshSnapshot() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.server.setBook(MARKET, new String[][] {{"0.40", "100.00"}}, new String[][] {});
            Subscription<WsMessage.OrderbookDelta> deltas = h.ws.subscribe(SubscribeRequest.builder(Channel.ORDERBOOK_DELTA)
                    .marketTicker(MARKET).bufferCapacity(3).build(), WsMessage.OrderbookDelta.class).get(5, TimeUnit.SECONDS);
            // The client asks for a snapshot as soon as its buffer overflows, while deltas are still being sent: held
            // until all six went out, the snapshot is seq 8 whatever the timing.
            h.server.holdNext("update_subscription");
            for (int i = 0; i < 6; i++) {
                h.server.bookDelta(MARKET, "yes", "0.40", "1.00");
            }
            h.server.await(s -> s.commands("update_subscription").size() == 1, WAIT, "the client to ask for a snapshot");
            h.server.releaseHeld();
            for (int seq = 2; seq <= 4; seq++) {
                assertEquals(seq, deltas.poll(WAIT).seq().getAsLong());
            }
            assertThrows(KalshiBackpressureException.class, () -> deltas.poll(WAIT));
            // The snapshot (seq 8) is not in this stream, but it reopens the stream to the deltas after it.
            h.server.bookDelta(MARKET, "yes", "0.40", "1.00");
            assertEquals(9, deltas.poll(WAIT).seq().getAsLong());
        }
    }

    @Test
    void aHandlerThatThrowsIsReportedToTheErrorListenerAndEveryoneElseStillGetsTheMessage() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            IllegalStateException boom = new IllegalStateException("handler bug");
            List<WsMessage> calm = new CopyOnWriteArrayList<>();
            h.ws.on(Channel.TICKER, m -> {
                throw boom;
            });
            h.ws.on(Channel.TICKER, calm::add);
            List<WsMessage> pushed = new CopyOnWriteArrayList<>();
            Subscription<WsMessage> push = h.ws.subscribe(SubscribeRequest.builder(Channel.TICKER).marketTicker(MARKET)
                    .listener(m -> {
                        pushed.add(m);
                        throw new IllegalArgumentException("listener bug " + n(m));
                    }).build()).get(5, TimeUnit.SECONDS);
            publishAndWait(h, "ticker", 0, 3);
            eventually("every failure to be reported", () -> h.errors.size() == 6);
            // The subscription's listener runs first, then the channel handlers, for each message.
            assertEquals("listener bug 0", h.errors.get(0).getMessage());
            assertSame(boom, h.errors.get(1));
            assertEquals(3, calm.size());
            assertEquals(3, pushed.size());
            assertEquals(3, h.errors.stream().filter(e -> e.getMessage().startsWith("listener bug")).count());
            assertTrue(push.isPush());
            assertThrows(IllegalStateException.class, () -> push.poll(Duration.ZERO), "a push subscription is not pulled");
            assertEquals(ConnectionState.OPEN, h.ws.state());
        }
    }

    @Test
    void aClosedRegistrationReceivesNothingMore() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            AtomicInteger count = new AtomicInteger();
            Registration r = h.ws.on(Channel.TICKER, m -> count.incrementAndGet());
            h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            publishAndWait(h, "ticker", 0, 2);
            r.close();
            r.close();
            publishAndWait(h, "ticker", 2, 2);
            assertEquals(2, count.get());
        }
    }

    @Test
    void aTypedSubscriptionHoldsOnlyItsRecordType() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.server.setBook(MARKET, new String[][] {{"0.40", "100.00"}}, new String[][] {});
            Subscription<WsMessage.OrderbookDelta> deltas = h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, MARKET),
                    WsMessage.OrderbookDelta.class).get(5, TimeUnit.SECONDS);
            h.server.bookDelta(MARKET, "no", "0.55", "2.00");
            WsMessage.OrderbookDelta d = deltas.poll(WAIT);
            assertEquals("no", d.msg().sideAsString());
            assertEquals(new BigDecimal("0.5500"), d.msg().priceDollars());
            assertEquals(2, d.seq().getAsLong(), "the snapshot (seq 1) is not in a delta stream");
        }
    }

    @Test
    void concurrentConsumersEachGetAllOfTheirSubscriptionInOrder() throws Exception {
        int markets = 4;
        int perMarket = 300;
        try (WsHarness h = WsHarness.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(markets * 2);
            try {
                // Subscribed from several threads at once: every command gets its own reply.
                List<Future<Subscription<WsMessage>>> subscribing = new ArrayList<>();
                for (int m = 0; m < markets; m++) {
                    String market = "M-" + m;
                    subscribing.add(pool.submit(() -> h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, market))
                            .get(5, TimeUnit.SECONDS)));
                }
                List<Subscription<WsMessage>> subs = new ArrayList<>();
                for (Future<Subscription<WsMessage>> f : subscribing) {
                    subs.add(f.get(10, TimeUnit.SECONDS));
                }
                assertEquals(markets, subs.stream().map(s -> s.sids().get(Channel.TICKER)).distinct().count());
                AtomicInteger handled = new AtomicInteger();
                h.ws.on(Channel.TICKER, m -> handled.incrementAndGet());

                List<Future<List<Integer>>> consumers = new ArrayList<>();
                for (Subscription<WsMessage> sub : subs) {
                    consumers.add(pool.submit(() -> {
                        List<Integer> got = new ArrayList<>();
                        Iterator<WsMessage> it = sub.iterator();
                        while (got.size() < perMarket && it.hasNext()) {
                            got.add(n(it.next()));
                        }
                        return got;
                    }));
                }
                List<Future<?>> producers = new ArrayList<>();
                for (int m = 0; m < markets; m++) {
                    String market = "M-" + m;
                    producers.add(pool.submit(() -> {
                        for (int i = 0; i < perMarket; i++) {
                            h.server.publish("ticker", "ticker", market, numbered(market, i));
                        }
                    }));
                }
                for (Future<?> p : producers) {
                    p.get(10, TimeUnit.SECONDS);
                }
                for (Future<List<Integer>> c : consumers) {
                    List<Integer> got = c.get(10, TimeUnit.SECONDS);
                    assertEquals(perMarket, got.size());
                    for (int i = 0; i < perMarket; i++) {
                        assertEquals(i, got.get(i));
                    }
                }
                eventually("the channel handler to see everything", () -> handled.get() == markets * perMarket);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closingSendsACloseFrameFailsPendingCommandsAndEndsEveryStreamCleanly() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.server.setBook(MARKET, new String[][] {{"0.40", "100.00"}}, new String[][] {});
            Subscription<WsMessage> ticker = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            OrderbookHandle book = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            book.awaitFresh(WAIT);
            publishAndWait(h, "ticker", 0, 2);
            h.server.holdNext("list_subscriptions");
            CompletableFuture<List<ServerSubscription>> pending = h.ws.listSubscriptions();
            h.server.await(s -> s.commands("list_subscriptions").size() == 1, WAIT, "the command to be sent");

            h.ws.close();

            ExecutionException failed = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
            KalshiWebSocketException e = assertInstanceOf(KalshiWebSocketException.class, failed.getCause());
            assertTrue(e.getMessage().contains("closed by the client"), e.getMessage());
            h.server.await(s -> !s.closes().isEmpty(), WAIT, "the close frame");
            assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, h.server.closes().get(0).getCloseCode());
            // Buffered messages are still there, then a clean end: no exception.
            List<Integer> rest = new ArrayList<>();
            ticker.iterator().forEachRemaining(m -> rest.add(n(m)));
            assertEquals(List.of(0, 1), rest);
            assertFalse(ticker.isActive());
            List<OrderbookView> views = new ArrayList<>();
            book.iterator().forEachRemaining(views::add);
            assertNotNull(book.view());
            assertEquals(ConnectionState.CLOSED, h.ws.state());
            assertTrue(h.ws.isClosed());
            assertTrue(h.errors.isEmpty(), () -> "a graceful close is not an error: " + h.errors);
            assertThrows(ExecutionException.class, () -> h.ws.subscribe(SubscribeRequest.of(Channel.TRADE)).get(5, TimeUnit.SECONDS));
            h.ws.close();
        }
    }

    @Test
    void bothClientTwinsShareOneSocketWhichClosesWithTheClient() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            assertSame(h.client.ws(), h.client.async().ws());
            assertSame(h.ws, h.client.ws());
            h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            h.client.close();
            assertTrue(h.ws.isClosed());
            h.server.await(s -> !s.closes().isEmpty(), WAIT, "the close frame");
            assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, h.server.closes().get(0).getCloseCode());
            assertThrows(KalshiClientClosedException.class, h.client::ws);
        }
    }

    @Test
    void subscriptionsListsTheLiveHandlesOnly() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> a = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "A-1")).get(5, TimeUnit.SECONDS);
            Subscription<WsMessage> b = h.ws.subscribe(SubscribeRequest.of(Channel.TRADE, "A-1")).get(5, TimeUnit.SECONDS);
            h.ws.orderbook("A-1").get(5, TimeUnit.SECONDS);
            assertEquals(List.of(a, b), h.ws.subscriptions());
            a.close();
            eventually("the closed one to leave", () -> h.ws.subscriptions().equals(List.of(b)));
            Map<String, Long> server = new TreeMap<>(h.server.sids());
            h.server.await(s -> s.subscriptionCount() == 2, WAIT, "the unsubscribe");
            assertTrue(server.containsKey("trade"));
            assertTrue(h.ws.toString().contains("OPEN"));
        }
    }
}
