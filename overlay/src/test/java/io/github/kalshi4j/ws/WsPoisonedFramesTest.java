package io.github.kalshi4j.ws;

import static io.github.kalshi4j.ws.WsHarness.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile or broken server can put in a book frame, over a real socket: numbers with absurd exponents, rows
 * that do not fit, sequence numbers far off the count. None of it may stall the dispatch thread, throw out of the
 * client, break a book for good or start a flood of {@code get_snapshot} commands: the book goes stale, asks for
 * a snapshot, and is fresh again within a few seconds.
 */
class WsPoisonedFramesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** How soon a poisoned book must be fresh again. */
    private static final Duration RECOVERY = Duration.ofSeconds(3);
    private static final String MARKET = "KXTEST-26JAN01-T1";
    private static final String OTHER = "KXTEST-26JAN01-T2";

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    private static void seedBooks(KalshiWsTestServer server) {
        server.setBook(MARKET, new String[][] {{"0.40", "100.00"}}, new String[][] {{"0.50", "10.00"}});
        server.setBook(OTHER, new String[][] {{"0.30", "5.00"}}, new String[][] {});
    }

    private static ObjectNode delta(String market, String price, String deltaFp) {
        return JsonNodeFactory.instance.objectNode().put("market_ticker", market).put("side", "yes")
                .put("price_dollars", price).put("delta_fp", deltaFp);
    }

    private static ObjectNode ticker(String market, int volume) {
        return JsonNodeFactory.instance.objectNode().put("market_ticker", market).put("volume", volume);
    }

    private static int getSnapshots(KalshiWsTestServer server) {
        return (int) server.commands("update_subscription").stream()
                .filter(c -> "get_snapshot".equals(c.at("/params/action").asText())).count();
    }

    /** The book keeps answering view() while it recovers, and is fresh again, matching the server, in time. */
    private static OrderbookView freshAgain(OrderbookHandle book, String bestYes) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            OrderbookView v = book.view();
            if (!v.isStale() && v.bestYesBid().map(p -> p.toPlainString().equals(bestYes)).orElse(false)) {
                return v;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the book was not fresh again within " + RECOVERY + ": " + book.view());
    }

    // ------------------------------------------------------------------ numbers

    @ParameterizedTest(name = "delta_fp {0}")
    @ValueSource(strings = {"\"1E+30000000\"", "\"1E+2147483647\"", "\"-1E+2147483647\"", "\"1e-999999999\"",
            "1E+2147483647", "1e-999999999"})
    void aDeltaWithAnAbsurdExponent_neitherStallsNorThrows_andTheBookResynchronizes(String deltaFp) throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            OrderbookHandle book = await(h.ws.orderbook(MARKET));
            book.awaitFresh(WAIT);
            Subscription<WsMessage> tickers = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            long sid = h.server.sids().get("orderbook_delta");

            long seq = h.server.nextSeq(sid);
            h.server.skipSeq(sid, 1);
            // Written raw: the test server's own JSON would not keep a number token like 1E+2147483647 as sent.
            h.server.sendRaw("{\"type\":\"orderbook_delta\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{"
                    + "\"market_ticker\":\"" + MARKET + "\",\"side\":\"yes\",\"price_dollars\":\"0.4000\","
                    + "\"delta_fp\":" + deltaFp + "}}");
            long sent = System.nanoTime();
            h.server.publish("ticker", "ticker", MARKET, ticker(MARKET, 7));

            // The dispatch thread got past the poisoned frame at once: the next frame arrives promptly.
            assertInstanceOf(WsMessage.Ticker.class, tickers.poll(WAIT));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertTrue(tookMillis < 1_000, "dispatch stalled for " + tookMillis + " ms");

            OrderbookView v = freshAgain(book, "0.4000");
            assertEquals(0, new BigDecimal("100.00").compareTo(v.bids(Side.YES).get(0).count()), v.toString());
            assertTrue(getSnapshots(h.server) >= 1 && getSnapshots(h.server) <= 2,
                    "one resync: " + getSnapshots(h.server));
            assertTrue(h.errors.stream().allMatch(KalshiException.class::isInstance),
                    "only SDK exceptions are reported: " + h.errors);
            assertTrue(h.errors.stream().anyMatch(e -> e.getMessage().contains("orderbook_delta")), h.errors.toString());
            assertEquals(ConnectionState.OPEN, h.ws.state());
            assertEquals(1, h.server.connectionsOpened());
        }
    }

    @Test
    void aSnapshotRowOutOfBounds_leavesTheBookStaleButReadable_andTheNextSnapshotFreshensIt() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            OrderbookHandle book = await(h.ws.orderbook(MARKET));
            book.awaitFresh(WAIT);
            long sid = h.server.sids().get("orderbook_delta");

            ObjectNode snapshot = JsonNodeFactory.instance.objectNode().put("market_ticker", MARKET);
            ArrayNode yes = snapshot.putArray("yes_dollars_fp");
            yes.addArray().add("0.4000").add("1e-999999999");
            h.server.sendTo(sid, "orderbook_snapshot", snapshot);

            eventually("the book to notice", () -> h.errors.stream()
                    .anyMatch(e -> e.getMessage().contains("orderbook_snapshot")));
            book.view();
            OrderbookView v = freshAgain(book, "0.4000");
            assertEquals(0, new BigDecimal("100.00").compareTo(v.bids(Side.YES).get(0).count()), v.toString());
            assertTrue(getSnapshots(h.server) >= 1 && getSnapshots(h.server) <= 2, "one resync");
        }
    }

    @Test
    void aLostConnectionReconnects_evenWhenWorkDoneOnTheLossThrows() throws Exception {
        // A jitter source outside [0, 1] makes the reconnect policy throw where the engine asks it for a delay,
        // in the middle of its connection-loss handling: the loss must still end in a reconnect.
        ReconnectPolicy throwing = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 50, () -> 2.0);
        try (WsHarness h = WsHarness.viaProxy(b -> b.reconnectPolicy(throwing))) {
            seedBooks(h.server);
            OrderbookHandle book = await(h.ws.orderbook(MARKET));
            book.awaitFresh(WAIT);
            h.states.clear();

            h.proxy.cut();
            eventually("the reconnect", () -> h.states.contains(ConnectionState.RECONNECTING)
                    && h.ws.state() == ConnectionState.OPEN && h.server.connectionsOpened() == 2);
            freshAgain(book, "0.4000");
            assertTrue(h.errors.stream().anyMatch(e -> e instanceof KalshiWebSocketException
                    && e.getMessage().contains("jitter")), "the policy's failure is reported: " + h.errors);
        }
    }

    // ------------------------------------------------------------------ sequence numbers

    @ParameterizedTest(name = "seq {0}")
    @ValueSource(strings = {"2147483649", "+1000", "9223372036854775807"})
    void anAbsurdSeqOnABookSid_costsOneSnapshot_andTheBookIsFreshAgainInSeconds(String poison) throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            OrderbookHandle book = await(h.ws.orderbook(MARKET));
            book.awaitFresh(WAIT);
            long sid = h.server.sids().get("orderbook_delta");
            // "+n": that far ahead of the server's count.
            long seq = poison.startsWith("+") ? h.server.nextSeq(sid) + Long.parseLong(poison.substring(1))
                    : Long.parseLong(poison);

            h.server.sendWithSeq(sid, "orderbook_delta", delta(MARKET, "0.4000", "1.00"), seq);
            eventually("the gap", () -> !h.sequenceEvents.isEmpty());
            freshAgain(book, "0.4000");
            // The server goes on numbering as before; its deltas apply again.
            h.server.bookDelta(MARKET, "yes", "0.4100", "3.00");
            freshAgain(book, "0.4100");
            Thread.sleep(500);
            int asked = getSnapshots(h.server);
            assertTrue(asked >= 1 && asked <= 2, "resync requests: " + asked);
            assertTrue(!book.view().isStale(), book.view().toString());
            assertEquals(1, h.server.connectionsOpened());
        }
    }

    @Test
    void aServerThatKeepsPoisoningTheSeq_getsResyncRequestsThatBackOff() throws Exception {
        try (WsHarness h = WsHarness.start(b -> b.reconnectPolicy(
                ReconnectPolicy.of(Duration.ofMillis(50), Duration.ofMillis(400), 50)))) {
            seedBooks(h.server);
            OrderbookHandle book = await(h.ws.orderbook(MARKET));
            book.awaitFresh(WAIT);
            long sid = h.server.sids().get("orderbook_delta");

            int poisoned = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < until) {
                h.server.sendWithSeq(sid, "orderbook_delta", delta(MARKET, "0.4000", "1.00"),
                        1_000_000L + 1_000L * poisoned++);
                Thread.sleep(10);
            }
            int asked = getSnapshots(h.server);
            // Backoff 50, 100, 200, 400, 400 ms ...: about eight in two seconds, against one per poisoned frame.
            assertTrue(asked <= 12, asked + " get_snapshot commands for " + poisoned + " poisoned frames");
            freshAgain(book, "0.4000");
        }
    }

    @Test
    void poisonedFramesSecondsApart_areEachRepairedAtOnce_whateverCameBefore() throws Exception {
        // The default policy (250 ms doubling up to 30 s), which the harness otherwise shortens.
        try (WsHarness h = WsHarness.start(b -> b.reconnectPolicy(WebSocketOptions.builder().build()
                .reconnectPolicy()))) {
            seedBooks(h.server);
            OrderbookHandle book = await(h.ws.orderbook(MARKET));
            book.awaitFresh(WAIT);
            long sid = h.server.sids().get("orderbook_delta");
            // Eight poisons would have climbed the backoff past the recovery time if it started over only after a
            // whole cap (30 s) without a resync; a book quiet for over a second is repaired at once.
            for (int i = 0; i < 8; i++) {
                int before = getSnapshots(h.server);
                h.server.sendWithSeq(sid, "orderbook_delta", delta(MARKET, "0.4000", "1.00"), 2_147_483_649L + i);
                h.server.await(s -> getSnapshots(s) > before, Duration.ofMillis(900), "an immediate get_snapshot");
                freshAgain(book, "0.4000");
                Thread.sleep(1_100);
            }
        }
    }

    @Test
    void aSnapshotAfterAPoisonedSeq_rebaselinesEveryMarketOfTheSid() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBooks(h.server);
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.builder(Channel.ORDERBOOK_DELTA)
                    .marketTickers(List.of(MARKET, OTHER)).build()));
            long sid = h.server.sids().get("orderbook_delta");
            for (int snapshots = 0; snapshots < 2; ) {
                if (sub.poll(WAIT) instanceof WsMessage.OrderbookSnapshot) {
                    snapshots++;
                }
            }

            h.server.sendWithSeq(sid, "orderbook_delta", delta(MARKET, "0.4000", "1.00"), 2_147_483_649L);
            h.server.await(s -> getSnapshots(s) >= 1, WAIT, "a get_snapshot");
            Thread.sleep(300);
            h.server.bookDelta(OTHER, "yes", "0.3000", "2.00");
            WsMessage.OrderbookDelta d = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (d == null && System.nanoTime() < deadline) {
                WsMessage m = sub.poll(Duration.ofMillis(50));
                if (m instanceof WsMessage.OrderbookDelta) {
                    d = (WsMessage.OrderbookDelta) m;
                }
            }
            assertTrue(d != null && OTHER.equals(d.msg().marketTicker()), "deltas flow again after the snapshots");
            assertTrue(getSnapshots(h.server) <= 2, "resync requests: " + getSnapshots(h.server));
        }
    }
}
