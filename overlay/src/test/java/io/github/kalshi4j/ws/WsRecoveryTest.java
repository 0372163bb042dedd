package io.github.kalshi4j.ws;

import static io.github.kalshi4j.ws.WsHarness.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.errors.KalshiStreamGapException;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * How the socket recovers from what goes wrong between the two ends: rejected commands, frames that do not
 * decode, snapshots that never come, servers that flap or answer with transient errors, consumers and handlers
 * that fall behind. In every case the book ends fresh or the consumer is told, never a silent loss.
 */
class WsRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MARKET = "KXTEST-26JAN01-T1";
    private static final String OTHER = "KXTEST-26JAN01-T2";

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        return e.getCause();
    }

    private static void seedBooks(KalshiWsTestServer server) {
        server.setBook(MARKET, new String[][] {{"0.40", "100.00"}}, new String[][] {{"0.50", "10.00"}});
        server.setBook(OTHER, new String[][] {{"0.30", "5.00"}}, new String[][] {});
    }

    private static ObjectNode ticker(String market, int n) {
        return JsonNodeFactory.instance.objectNode().put("market_ticker", market).put("volume_fp", n + ".00");
    }

    /** Polls until a message of {@code type} arrives; fails after the wait. */
    private static <M extends WsMessage> M next(Subscription<WsMessage> sub, Class<M> type) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            WsMessage m = sub.poll(Duration.ofMillis(50));
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }

    // ------------------------------------------------------------------ order books

    @Test
    void rejectedDeleteMarkets_keepsTheBooks() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.builder(Channel.ORDERBOOK_DELTA)
                    .marketTickers(List.of(MARKET, OTHER)).build()));
            next(sub, WsMessage.OrderbookSnapshot.class);
            next(sub, WsMessage.OrderbookSnapshot.class);

            h.server.failNext("update_subscription", 17, "Internal error");
            assertInstanceOf(KalshiSubscriptionException.class, failure(sub.deleteMarkets(List.of(OTHER))));
            assertEquals(List.of(MARKET, OTHER), sub.marketTickers());

            // The server still sends OTHER's deltas, and they still apply: the book was never dropped.
            h.server.bookDelta(OTHER, "yes", "0.30", "1.00");
            WsMessage.OrderbookDelta d = next(sub, WsMessage.OrderbookDelta.class);
            assertEquals(OTHER, d.msg().marketTicker());
            assertTrue(h.server.commands("update_subscription").size() == 1, "no resync was needed");
        }
    }

    @Test
    void aSnapshotThatNeverComes_isAskedForAgain() throws Exception {
        try (WsHarness h = WsHarness.start(b -> b.commandTimeout(Duration.ofMillis(500)))) {
            seedBooks(h.server);
            OrderbookHandle book = await(h.ws.orderbook(MARKET));
            book.awaitFresh(WAIT);
            // A delta the book cannot take makes it stale and asks for a snapshot the server acknowledges but loses.
            h.server.suppressSnapshots(1);
            h.server.bookDelta(MARKET, "yes", "0.40", "-500.00");
            h.server.bookDelta(MARKET, "yes", "0.40", "500.00");
            h.server.await(s -> s.commands("update_subscription").size() >= 1, WAIT, "the first get_snapshot");
            // The next delta finds the book stale with nothing in flight: that alone must bring a snapshot.
            h.server.bookDelta(MARKET, "no", "0.50", "1.00");
            OrderbookView v = book.awaitFresh(WAIT);
            assertEquals("0.4000", v.bestYesBid().orElseThrow().toPlainString());
            assertTrue(h.server.commands("update_subscription").size() >= 2, "asked again");
        }
    }

    @Test
    void anUndecodableDelta_marksTheBookStaleAndResynchronizes() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            OrderbookHandle book = await(h.ws.orderbook(MARKET));
            book.awaitFresh(WAIT);
            long sid = h.server.sids().get("orderbook_delta");
            ObjectNode bad = JsonNodeFactory.instance.objectNode().put("market_ticker", MARKET).put("side", "yes")
                    .put("delta_fp", "1.00");
            bad.set("price_dollars", JsonNodeFactory.instance.objectNode().put("not", "a price"));
            h.server.sendTo(sid, "orderbook_delta", bad);

            eventually("the decode error", () -> h.errors.stream().anyMatch(e -> e.getMessage().contains("orderbook_delta")));
            h.server.await(s -> s.commands("update_subscription").size() == 1, WAIT, "a get_snapshot");
            assertEquals("get_snapshot", h.server.commands("update_subscription").get(0).at("/params/action").asText());
            OrderbookView v = book.awaitFresh(WAIT);
            assertTrue(v.seq() > 2, "the fresh view comes from the new snapshot: " + v);
        }
    }

    @Test
    void anUndecodableSnapshot_isRetriedUntilAGoodOneArrives() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            h.server.corruptSnapshots(2);
            OrderbookHandle book = await(h.ws.orderbook(MARKET));
            OrderbookView v = book.awaitFresh(WAIT);
            assertEquals("0.4000", v.bestYesBid().orElseThrow().toPlainString());
            assertTrue(h.server.commands("update_subscription").size() >= 2, "one retry per bad snapshot");
            assertTrue(h.errors.stream().anyMatch(e -> e.getMessage().contains("orderbook_snapshot")), h.errors.toString());
        }
    }

    @Test
    void aSnapshot_resetsTheSeqBaselineInsteadOfReportingAGap() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, MARKET)));
            next(sub, WsMessage.OrderbookSnapshot.class);
            long sid = h.server.sids().get("orderbook_delta");
            h.server.skipSeq(sid, 4);
            await(sub.requestSnapshot());
            WsMessage.OrderbookSnapshot snap = next(sub, WsMessage.OrderbookSnapshot.class);
            assertEquals(6, snap.seq().getAsLong());
            h.server.bookDelta(MARKET, "yes", "0.40", "1.00");
            assertEquals(7, next(sub, WsMessage.OrderbookDelta.class).seq().getAsLong());
            assertTrue(h.sequenceEvents.isEmpty(), "a snapshot is a new baseline, not a gap: " + h.sequenceEvents);
            assertEquals(1, h.server.commands("update_subscription").size(), "no resync");
        }
    }

    @Test
    void dropOldestOnAnOrderbookFeed_resynchronizesWhenItDropsDeltas() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.builder(Channel.ORDERBOOK_DELTA)
                    .marketTicker(MARKET).overflowPolicy(OverflowPolicy.DROP_OLDEST).bufferCapacity(3).build()));
            for (int i = 0; i < 6; i++) {
                h.server.bookDelta(MARKET, "yes", "0.41", "1.00");
            }
            h.server.await(s -> s.commands("update_subscription").size() >= 1, WAIT, "a get_snapshot after the drops");
            assertTrue(sub.droppedCount() > 0);
            // Whatever was dropped, the stream offers a snapshot to rebuild from, and it matches the server's book.
            WsMessage.OrderbookSnapshot snap;
            do {
                snap = next(sub, WsMessage.OrderbookSnapshot.class);
            } while (snap.msg().yesDollarsFp().size() < 2);
            assertEquals("6.00", snap.msg().yesDollarsFp().get(1).get(1).toPlainString());
        }
    }

    @Test
    void anOrderbookHandleAndAUserOrderbookSubscription_onTheSameMarketFailWithAClearMessage() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            await(h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, MARKET)));
            Throwable e = failure(h.ws.orderbook(MARKET));
            assertInstanceOf(IllegalStateException.class, e);
            assertTrue(e.getMessage().contains(MARKET) && e.getMessage().contains("orderbook_delta"), e.getMessage());

            await(h.ws.orderbook(OTHER)).awaitFresh(WAIT);
            Throwable e2 = failure(h.ws.subscribe(SubscribeRequest.builder(Channel.ORDERBOOK_DELTA)
                    .marketTickers(List.of("KXTEST-26JAN01-T3", OTHER)).build()));
            assertInstanceOf(IllegalStateException.class, e2);
            assertTrue(e2.getMessage().contains(OTHER) && e2.getMessage().contains("orderbook("), e2.getMessage());
            assertEquals(2, h.server.subscriptionCount(), "nothing was sent that the server would reject");
        }
    }

    // ------------------------------------------------------------------ reconnects

    @Test
    void aServerThatClosesRightAfterTheHandshake_isGivenUpOnWithinThePolicy() throws Exception {
        try (WsHarness h = WsHarness.start(b -> b.reconnectPolicy(
                ReconnectPolicy.of(Duration.ofMillis(10), Duration.ofMillis(40), 4)))) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.builder(Channel.FILL).build()));
            Iterator<WsMessage> it = sub.iterator();
            h.server.closeOnOpen(true);
            h.server.closeAll(jakarta.websocket.CloseReason.CloseCodes.TRY_AGAIN_LATER);
            eventually("the socket to give up", () -> h.ws.state() == ConnectionState.CLOSED);
            Thread.sleep(200);
            assertEquals(5, h.server.connectionsOpened(), "the first connection and four attempts");
            KalshiWebSocketException end = assertThrows(KalshiWebSocketException.class, it::hasNext);
            assertTrue(end.getMessage().contains("gave up reconnecting"), end.getMessage());
            assertFalse(sub.isActive());
        }
    }

    @Test
    void aServerThatNeverAnswersResubscribes_isGivenUpOnWithinThePolicy() throws Exception {
        try (WsHarness h = WsHarness.start(b -> b.commandTimeout(Duration.ofMillis(200)).reconnectPolicy(
                ReconnectPolicy.of(Duration.ofMillis(10), Duration.ofMillis(40), 3)))) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            h.server.ignoreAll("subscribe", true);
            h.server.closeAll(jakarta.websocket.CloseReason.CloseCodes.TRY_AGAIN_LATER);
            eventually(Duration.ofSeconds(10), "the socket to give up", () -> h.ws.state() == ConnectionState.CLOSED);
            assertEquals(4, h.server.connectionsOpened());
            assertThrows(KalshiWebSocketException.class, () -> sub.poll(WAIT), "the terminal failure, right after CLOSED");
        }
    }

    @Test
    void aTransientErrorOnAResubscribe_isRetried() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b)) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            h.server.failNext("subscribe", 18, "Command timeout");
            h.proxy.cut();
            eventually("the subscription to be live again", () -> !sub.sids().isEmpty() && h.server.connectionsOpened() == 2);
            assertEquals(3, h.server.commands("subscribe").size(), "first, rejected, retried");
            assertTrue(sub.isActive());
            h.server.publish("ticker", "ticker", MARKET, ticker(MARKET, 1));
            assertInstanceOf(WsMessage.Ticker.class, sub.poll(WAIT));
        }
    }

    @Test
    void aTransientErrorThatPersists_endsTheSubscriptionAfterBoundedRetries() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b)) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            h.server.failNext("subscribe", 17, "Internal error", 1_000);
            h.proxy.cut();
            KalshiSubscriptionException e = assertThrows(KalshiSubscriptionException.class, () -> sub.poll(WAIT));
            assertEquals(17, e.code());
            assertFalse(sub.isActive());
            int sent = h.server.commands("subscribe").size();
            assertTrue(sent > 2 && sent < 20, "bounded retries: " + sent);
            assertEquals(ConnectionState.OPEN, h.ws.state(), "the socket itself is fine");
        }
    }

    @Test
    void aFailPolicyFeed_isToldOnceThatFramesMayHaveBeenMissedAcrossAReconnect() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b)) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.builder(Channel.TICKER)
                    .marketTicker(MARKET).overflowPolicy(OverflowPolicy.FAIL).build()));
            h.server.publish("ticker", "ticker", MARKET, ticker(MARKET, 1));
            assertInstanceOf(WsMessage.Ticker.class, sub.poll(WAIT));
            h.proxy.cut();
            eventually("the resubscribe", () -> h.server.connectionsOpened() == 2 && !sub.sids().isEmpty());
            h.server.publish("ticker", "ticker", MARKET, ticker(MARKET, 2));
            KalshiStreamGapException gap = assertThrows(KalshiStreamGapException.class, () -> sub.poll(WAIT));
            assertTrue(gap.getMessage().contains("reconnect"), gap.getMessage());
            WsMessage.Ticker after = assertInstanceOf(WsMessage.Ticker.class, sub.poll(WAIT));
            assertEquals(2, after.msg().volumeFp().intValue());
            assertTrue(sub.isActive());
        }
    }

    // ------------------------------------------------------------------ slow dispatch

    @Test
    void aSlowPushHandler_doesNotTripTheHeartbeat() throws Exception {
        try (WsHarness h = WsHarness.start(b -> b.heartbeatTimeout(Duration.ofMillis(300)))) {
            CountDownLatch handled = new CountDownLatch(1);
            await(h.ws.subscribe(SubscribeRequest.builder(Channel.TICKER).marketTicker(MARKET).listener(m -> {
                try {
                    Thread.sleep(1_200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                handled.countDown();
            }).build()));
            h.server.publish("ticker", "ticker", MARKET, ticker(MARKET, 1));
            assertTrue(handled.await(5, TimeUnit.SECONDS));
            Thread.sleep(200);
            assertEquals(1, h.server.connectionsOpened(), "the socket was answering pings all along: " + h.errors);
            assertEquals(ConnectionState.OPEN, h.ws.state());
        }
    }

    @Test
    void anInboundQueueOverflow_isSignalledToFailFeedsInsteadOfGrowingTheHeap() throws Exception {
        try (WsHarness h = WsHarness.start(b -> b.inboundQueueCapacity(8))) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.builder(Channel.TICKER)
                    .marketTicker(MARKET).overflowPolicy(OverflowPolicy.FAIL).build()));
            AtomicBoolean first = new AtomicBoolean(true);
            CountDownLatch blocking = new CountDownLatch(1);
            h.ws.on(Channel.TICKER, m -> {
                if (first.getAndSet(false)) {
                    blocking.countDown();
                    try {
                        Thread.sleep(800);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            h.server.publish("ticker", "ticker", MARKET, ticker(MARKET, 0));
            assertTrue(blocking.await(5, TimeUnit.SECONDS));
            for (int i = 1; i <= 100; i++) {
                h.server.publish("ticker", "ticker", MARKET, ticker(MARKET, i));
            }
            Thread.sleep(1_000);
            h.server.publish("ticker", "ticker", MARKET, ticker(MARKET, 1_000));

            List<Integer> seen = new ArrayList<>();
            int gaps = 0;
            while (!seen.contains(1_000)) {
                try {
                    WsMessage m = sub.poll(WAIT);
                    assertInstanceOf(WsMessage.Ticker.class, m, "messages keep coming");
                    seen.add(((WsMessage.Ticker) m).msg().volumeFp().intValue());
                } catch (KalshiStreamGapException gap) {
                    gaps++;
                }
            }
            assertTrue(gaps >= 1, "the consumer is told frames were dropped");
            assertTrue(seen.size() < 102, "frames were dropped, not queued without bound: " + seen.size());
            assertTrue(h.errors.stream().anyMatch(e -> e.getMessage().contains("inbound")), h.errors.toString());
            assertEquals(1, h.server.connectionsOpened());
        }
    }
}
