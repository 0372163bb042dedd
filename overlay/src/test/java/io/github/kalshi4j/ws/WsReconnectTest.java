package io.github.kalshi4j.ws;

import static io.github.kalshi4j.ws.WsHarness.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssVerifier;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import jakarta.websocket.CloseReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Liveness and reconnects: dropped and silent connections come back with a freshly signed handshake,
 * every subscription is subscribed again with new sids behind the same handles, order books are
 * re-snapshotted, and when the policy gives up every consumer gets a terminal exception.
 */
class WsReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MARKET = "KXTEST-26JAN01-T1";

    private static void seedBook(KalshiWsTestServer server) {
        server.setBook(MARKET, new String[][] {{"0.40", "100.00"}, {"0.42", "25.50"}}, new String[][] {{"0.50", "10.00"}});
    }

    @Test
    void aDroppedConnectionReconnectsResubscribesEverythingAndRemapsSidsBehindTheSameHandles() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b)) {
            seedBook(h.server);
            Subscription<WsMessage> ticker = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            Subscription<WsMessage> fills = h.ws.subscribe(SubscribeRequest.of(Channel.FILL)).get(5, TimeUnit.SECONDS);
            OrderbookHandle book = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            book.awaitFresh(WAIT);
            long tickerSid = ticker.sids().get(Channel.TICKER);

            h.proxy.cut();
            eventually("a second connection", () -> h.server.connectionsOpened() == 2 && h.server.subscriptionCount() == 3);
            eventually("the handles to be remapped", () -> ticker.sids().containsKey(Channel.TICKER)
                    && ticker.sids().get(Channel.TICKER) != tickerSid && !book.isStale());
            Map<String, Long> serverSids = h.server.sids();
            assertEquals(serverSids.get("ticker"), ticker.sids().get(Channel.TICKER));
            assertEquals(serverSids.get("fill"), fills.sids().get(Channel.FILL));
            assertNotEquals(tickerSid, ticker.sids().get(Channel.TICKER));
            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.OPEN, ConnectionState.RECONNECTING,
                    ConnectionState.OPEN), h.states);
            assertEquals(6, h.server.commands("subscribe").size());
            assertTrue(h.errors.stream().anyMatch(e -> e instanceof KalshiWebSocketException), "the drop is reported");

            // The same handle keeps delivering, from the new sid.
            h.server.publish("ticker", "ticker", MARKET,
                    JsonNodeFactory.instance.objectNode().put("market_ticker", MARKET).put("yes_bid_dollars", "0.4200"));
            WsMessage.Ticker t = assertInstanceOf(WsMessage.Ticker.class, ticker.poll(WAIT));
            assertEquals(ticker.sids().get(Channel.TICKER).longValue(), t.sid());
            assertSame(ticker, h.ws.subscriptions().get(0));
        }
    }

    @Test
    void everyReconnectSignsTheHandshakeAfresh() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b)) {
            h.ws.connect().get(5, TimeUnit.SECONDS);
            Thread.sleep(5);
            h.proxy.cut();
            eventually("a second handshake", () -> h.server.handshakes().size() == 2);
            String first = KalshiWsTestServer.header(h.server.handshakes().get(0), RequestSignature.ACCESS_TIMESTAMP);
            String second = KalshiWsTestServer.header(h.server.handshakes().get(1), RequestSignature.ACCESS_TIMESTAMP);
            assertTrue(Long.parseLong(second) > Long.parseLong(first), first + " then " + second);
            for (Map<String, List<String>> hs : h.server.handshakes()) {
                long ts = Long.parseLong(KalshiWsTestServer.header(hs, RequestSignature.ACCESS_TIMESTAMP));
                assertTrue(RsaPssVerifier.verify(KalshiWsTestServer.header(hs, RequestSignature.ACCESS_SIGNATURE),
                        RequestSignature.message(ts, "GET", "/trade-api/ws/v2"), WsHarness.KEYS.getPublic()));
            }
        }
    }

    @Test
    void theOrderBookComesBackIntactWithWhatChangedWhileDisconnected() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b)) {
            seedBook(h.server);
            OrderbookHandle book = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            book.awaitFresh(WAIT);
            h.server.bookDelta(MARKET, "yes", "0.42", "4.50");
            eventually("the delta", () -> book.view().seq() == 2);

            h.proxy.refuseNew(true);
            h.proxy.cut();
            eventually("the book to go stale", book::isStale);
            assertEquals("30.00", book.view().bestLevel(Side.YES).orElseThrow().count().toPlainString(),
                    "a stale view keeps the last known levels");
            // The market moves while the client is away.
            h.server.bookDelta(MARKET, "yes", "0.42", "-30.00");
            h.server.bookDelta(MARKET, "no", "0.51", "3.00");
            h.proxy.refuseNew(false);

            OrderbookView back = book.awaitFresh(WAIT);
            assertEquals("0.4000", back.bestYesBid().orElseThrow().toPlainString());
            assertEquals("0.4900", back.yesAsk().orElseThrow().toPlainString());
            assertEquals(0, new BigDecimal("3").compareTo(back.bestLevel(Side.NO).orElseThrow().count()));
            assertEquals(1, back.seq(), "a fresh snapshot on the new sid");
            h.server.bookDelta(MARKET, "yes", "0.40", "1.00");
            eventually("deltas on the new sid", () -> book.view().seq() == 2
                    && book.view().bestLevel(Side.YES).orElseThrow().count().compareTo(new BigDecimal("101")) == 0);
        }
    }

    @Test
    void aServerCloseFrameIsReconnectedLikeADrop() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> ticker = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            h.server.closeAll(CloseReason.CloseCodes.TRY_AGAIN_LATER);
            // At least two: under load a handshake can outlast the harness's 1 s connect deadline and be tried again.
            eventually("a second connection with the ticker resubscribed",
                    () -> h.server.connectionsOpened() >= 2 && h.server.subscriptionCount() == 1 && !ticker.sids().isEmpty());
            assertEquals(ConnectionState.OPEN, h.ws.state());
            assertTrue(h.errors.get(0).getMessage().contains("code 1013"), h.errors.get(0).getMessage());
        }
    }

    @Test
    void aSilentConnectionIsDeclaredDeadAfterTheHeartbeatTimeoutAndReconnected() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b.heartbeatTimeout(Duration.ofMillis(300)))) {
            Subscription<WsMessage> ticker = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            // Quiet but healthy: the client's pings are answered with pongs, so nothing happens.
            Thread.sleep(1_000);
            assertEquals(1, h.server.connectionsOpened());
            assertEquals(ConnectionState.OPEN, h.ws.state());

            long silencedAt = System.nanoTime();
            h.proxy.silence();
            eventually("a reconnect", () -> h.server.connectionsOpened() == 2 && !ticker.sids().isEmpty()
                    && h.ws.state() == ConnectionState.OPEN);
            long tookMillis = (System.nanoTime() - silencedAt) / 1_000_000;
            // Silence is measured from the last pong, which came up to one ping interval (100 ms) earlier.
            assertTrue(tookMillis >= 200, "not before the timeout: " + tookMillis);
            assertTrue(h.errors.stream().anyMatch(e -> e.getMessage().contains("heartbeat timeout")), h.errors.toString());
        }
    }

    @Test
    void whenReconnectingGivesUpEveryConsumerGetsATerminalException() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b.reconnectPolicy(
                ReconnectPolicy.of(Duration.ofMillis(10), Duration.ofMillis(20), 3)))) {
            seedBook(h.server);
            Subscription<WsMessage> ticker = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            OrderbookHandle book = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            book.awaitFresh(WAIT);
            Iterator<WsMessage> it = ticker.iterator();

            h.proxy.refuseNew(true);
            h.proxy.cut();
            eventually("the socket to close", () -> h.ws.state() == ConnectionState.CLOSED);

            KalshiWebSocketException e = assertThrows(KalshiWebSocketException.class, it::hasNext);
            assertTrue(e.getMessage().contains("gave up reconnecting") && e.getMessage().contains("after 3 attempts"),
                    e.getMessage());
            assertThrows(KalshiWebSocketException.class, it::hasNext, "and keeps saying so");
            assertThrows(KalshiWebSocketException.class, () -> ticker.poll(Duration.ZERO));
            // Views buffered before the end are still handed out, then the same exception.
            assertThrows(KalshiWebSocketException.class, () -> book.iterator().forEachRemaining(v -> { }));
            assertThrows(KalshiWebSocketException.class, () -> book.awaitFresh(WAIT));
            assertFalse(ticker.isActive());
            assertEquals(4, h.proxy.acceptedConnections(), "the first connection and three attempts");
            assertEquals(ConnectionState.CLOSED, h.states.get(h.states.size() - 1));
            assertSame(e, h.errors.get(h.errors.size() - 1), "the error listener hears the same ending");

            ExecutionException later = assertThrows(ExecutionException.class,
                    () -> h.ws.subscribe(SubscribeRequest.of(Channel.TRADE)).get(5, TimeUnit.SECONDS));
            assertInstanceOf(KalshiWebSocketException.class, later.getCause());
            KalshiWebSocket fresh = h.client.ws();
            assertNotEquals(h.ws, fresh, "the client hands out a new socket after the old one ended");
            assertEquals(ConnectionState.CONNECTING, fresh.state());
        }
    }

    @Test
    void aConnectionThatNeverOpensFailsConnectOnceThePolicyGivesUp() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b.reconnectPolicy(
                ReconnectPolicy.of(Duration.ofMillis(10), Duration.ofMillis(20), 2)))) {
            h.proxy.refuseNew(true);
            CompletableFuture<Void> connect = h.ws.connect();
            ExecutionException e = assertThrows(ExecutionException.class, () -> connect.get(5, TimeUnit.SECONDS));
            assertInstanceOf(KalshiWebSocketException.class, e.getCause());
            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.RECONNECTING, ConnectionState.CLOSED), h.states);
            assertEquals(3, h.proxy.acceptedConnections());
        }
    }

    @Test
    void aResubscribeTheServerRejectsEndsOnlyThatSubscriptionWithTheServersError() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b)) {
            Subscription<WsMessage> ticker = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            Subscription<WsMessage> trades = h.ws.subscribe(SubscribeRequest.of(Channel.TRADE, MARKET)).get(5, TimeUnit.SECONDS);
            h.server.failNext("subscribe", 26, "Subscription market limit exceeded");
            h.proxy.cut();
            KalshiSubscriptionException e = assertThrows(KalshiSubscriptionException.class,
                    () -> ticker.iterator().hasNext());
            assertEquals(26, e.code());
            assertFalse(ticker.isActive());
            eventually("the other subscription to be back", () -> !trades.sids().isEmpty());
            assertTrue(trades.isActive());
            assertEquals(List.of(trades), h.ws.subscriptions());
            assertTrue(h.errors.contains(e), "the error listener hears it too");
        }
    }

    @Test
    void commandsIssuedWhileReconnectingWaitForTheNextConnection() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b)) {
            h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            h.proxy.refuseNew(true);
            h.proxy.cut();
            eventually("reconnecting", () -> h.ws.state() == ConnectionState.RECONNECTING);
            CompletableFuture<List<ServerSubscription>> list = h.ws.listSubscriptions();
            CompletableFuture<Subscription<WsMessage>> trades = h.ws.subscribe(SubscribeRequest.of(Channel.TRADE, MARKET));
            Thread.sleep(100);
            assertFalse(list.isDone() || trades.isDone());
            h.proxy.refuseNew(false);
            assertEquals(2, list.get(5, TimeUnit.SECONDS).size());
            assertEquals(h.server.sids().get("trade"), trades.get(5, TimeUnit.SECONDS).sids().get(Channel.TRADE));
        }
    }

    @Test
    void marketsChangedWhileReconnectingAreCarriedByTheResubscribe() throws Exception {
        try (WsHarness h = WsHarness.viaProxy(b -> b)) {
            Subscription<WsMessage> ticker = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "A-1")).get(5, TimeUnit.SECONDS);
            h.proxy.refuseNew(true);
            h.proxy.cut();
            eventually("reconnecting", () -> h.ws.state() == ConnectionState.RECONNECTING);
            assertEquals(List.of("A-1", "B-2"), ticker.addMarkets(List.of("B-2")).get(5, TimeUnit.SECONDS));
            h.proxy.refuseNew(false);
            eventually("the resubscribe", () -> h.server.commands("subscribe").size() == 2 && !ticker.sids().isEmpty());
            assertEquals("[\"A-1\",\"B-2\"]", h.server.commands("subscribe").get(1).at("/params/market_tickers").toString());
            assertTrue(h.server.commands("update_subscription").isEmpty());
        }
    }

    @Test
    void theServersHeartbeatPingsAreAnsweredWithPongs() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.ws.connect().get(5, TimeUnit.SECONDS);
            h.server.latest();
            h.server.pingAll("heartbeat");
            h.server.await(s -> s.pongs().contains("heartbeat"), WAIT, "the pong");
            assertEquals(ConnectionState.OPEN, h.ws.state());
        }
    }

    @Test
    void closingTheSocketStopsItsThreads() throws Exception {
        java.util.Set<Thread> before = liveSocketThreads();
        try (WsHarness h = WsHarness.start()) {
            h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)).get(5, TimeUnit.SECONDS);
            assertFalse(before.containsAll(liveSocketThreads()), "the socket runs threads of its own");
            h.ws.close();
            eventually("the dispatch and I/O threads to end", () -> before.containsAll(liveSocketThreads()));
        }
    }

    private static java.util.Set<Thread> liveSocketThreads() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("kalshi4j-ws-")) {
                out.add(t);
            }
        }
        return out;
    }
}
