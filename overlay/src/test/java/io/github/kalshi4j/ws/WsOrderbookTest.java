package io.github.kalshi4j.ws;

import static io.github.kalshi4j.ws.WsHarness.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Order books over the socket: snapshot plus deltas into {@link OrderbookHandle} views, sequence gaps
 * and regressions resynchronizing by themselves, and the real gold15m capture replayed through the
 * test server and checked against a recomputation written here.
 */
class WsOrderbookTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MARKET = "KXTEST-26JAN01-T1";

    /** The server's book for a market, as {side|price -> count} with normalized prices. */
    private static Map<String, BigDecimal> serverBook(KalshiWsTestServer server, String market) {
        synchronized (server) {
            KalshiWsTestServer.Book b = server.book(market);
            Map<String, BigDecimal> out = new TreeMap<>();
            b.yes.forEach((p, c) -> out.put("yes|" + p.stripTrailingZeros().toPlainString(), c));
            b.no.forEach((p, c) -> out.put("no|" + p.stripTrailingZeros().toPlainString(), c));
            return out;
        }
    }

    private static Map<String, BigDecimal> flatten(OrderbookView v) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Side side : Side.values()) {
            for (PriceLevel l : v.bids(side)) {
                out.put(side.wire() + "|" + l.price().stripTrailingZeros().toPlainString(), l.count());
            }
        }
        return out;
    }

    private static void assertSameBook(Map<String, BigDecimal> expected, Map<String, BigDecimal> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, c) -> assertEquals(0, c.compareTo(actual.get(k)), k + ": " + c + " vs " + actual.get(k)));
    }

    private static void seedBook(KalshiWsTestServer server) {
        server.setBook(MARKET, new String[][] {{"0.40", "100.00"}, {"0.42", "25.50"}},
                new String[][] {{"0.50", "10.00"}, {"0.55", "7.00"}});
    }

    /** Polls views until one at {@code seq} or later arrives. */
    private static OrderbookView viewAt(OrderbookHandle book, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            OrderbookView v = book.poll(Duration.ofMillis(50));
            if (v != null && v.seq() >= seq && !v.isStale()) {
                return v;
            }
        }
        throw new AssertionError("no fresh view at seq " + seq + "; now " + book.view());
    }

    @Test
    void anOrderbookHandleStreamsImmutableViewsFromTheSnapshotAndEachDelta() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBook(h.server);
            OrderbookHandle book = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            OrderbookView first = book.awaitFresh(WAIT);
            assertEquals(1, first.seq());
            assertEquals("0.4200", first.bestYesBid().orElseThrow().toPlainString());
            assertEquals("0.4500", first.yesAsk().orElseThrow().toPlainString());
            assertEquals("0.5800", first.noAsk().orElseThrow().toPlainString());
            assertEquals("0.0300", first.spread().orElseThrow().toPlainString());

            h.server.bookDelta(MARKET, "yes", "0.44", "3.00");
            h.server.bookDelta(MARKET, "no", "0.55", "-7.00");
            OrderbookView last = viewAt(book, 3);
            assertEquals("0.4400", last.bestYesBid().orElseThrow().toPlainString());
            assertEquals("0.5000", last.yesAsk().orElseThrow().toPlainString());
            assertSameBook(serverBook(h.server, MARKET), flatten(last));
            // The first view did not change under the reader's feet.
            assertEquals("0.4200", first.bestYesBid().orElseThrow().toPlainString());
            assertSame(book.view(), book.view(), "an unchanged book hands out the same view");
            assertEquals(MARKET, book.marketTicker());
        }
    }

    @Test
    void aSequenceGapIsReportedAndTheBookResynchronizesByItselfWithGetSnapshot() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBook(h.server);
            OrderbookHandle book = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            book.awaitFresh(WAIT);
            long sid = h.server.sids().get("orderbook_delta");
            List<OrderbookView> views = new CopyOnWriteArrayList<>();

            h.server.skipSeq(sid, 3);
            h.server.bookDelta(MARKET, "yes", "0.40", "-100.00");
            eventually("the gap to be reported", () -> !h.sequenceEvents.isEmpty());
            SequenceEvent gap = h.sequenceEvents.get(0);
            assertEquals(SequenceEvent.Kind.GAP, gap.kind());
            assertEquals(Channel.ORDERBOOK_DELTA, gap.channel());
            assertEquals(sid, gap.sid());
            assertEquals(2, gap.expected());
            assertEquals(5, gap.actual());
            assertEquals(3, gap.missing());

            h.server.await(s -> s.commands("update_subscription").size() == 1, WAIT, "get_snapshot");
            assertEquals("get_snapshot", h.server.commands("update_subscription").get(0).at("/params/action").asText());
            OrderbookView v;
            do {
                v = book.poll(WAIT);
                views.add(v);
            } while (v != null && (v.isStale() || v.seq() < 6));
            assertTrue(views.stream().anyMatch(OrderbookView::isStale), "the book was marked stale while resynchronizing");
            assertFalse(v.isStale());
            assertSameBook(serverBook(h.server, MARKET), flatten(v));
            assertEquals("0.4200", v.bestYesBid().orElseThrow().toPlainString());
        }
    }

    @Test
    void aRepeatedSeqIsIgnoredAndAStepBackIsReportedAsARegressionAndResynchronized() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBook(h.server);
            Subscription<WsMessage> raw = h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, MARKET)).get(5, TimeUnit.SECONDS);
            long sid = raw.sids().get(Channel.ORDERBOOK_DELTA);
            assertInstanceOf(WsMessage.OrderbookSnapshot.class, raw.poll(WAIT));
            h.server.bookDelta(MARKET, "yes", "0.40", "5.00");
            assertInstanceOf(WsMessage.OrderbookDelta.class, raw.poll(WAIT));

            h.server.repeatLast(sid);
            h.server.bookDelta(MARKET, "yes", "0.40", "1.00");
            WsMessage.OrderbookDelta next = assertInstanceOf(WsMessage.OrderbookDelta.class, raw.poll(WAIT));
            assertEquals(3, next.seq().getAsLong(), "the repeated seq 2 was dropped");
            assertTrue(h.sequenceEvents.isEmpty(), "a repeat is not reported");

            h.server.sendWithSeq(sid, 1);
            eventually("the regression to be reported", () -> h.sequenceEvents.size() == 1);
            assertEquals(SequenceEvent.Kind.REGRESSION, h.sequenceEvents.get(0).kind());
            assertEquals(0, h.sequenceEvents.get(0).missing());
            WsMessage.OrderbookSnapshot snapshot = assertInstanceOf(WsMessage.OrderbookSnapshot.class, raw.poll(WAIT));
            assertEquals(4, snapshot.seq().getAsLong(), "numbering goes on from the highest seq seen");
            assertEquals(1, h.sequenceEvents.size());
            assertEquals("0.4000", snapshot.msg().yesDollarsFp().get(0).get(0).toPlainString());
            assertEquals("106.00", snapshot.msg().yesDollarsFp().get(0).get(1).toPlainString());
        }
    }

    @Test
    void withoutGetSnapshotTheBookResynchronizesByResubscribingBehindTheSameHandle() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBook(h.server);
            h.server.setSupportsGetSnapshot(false);
            OrderbookHandle book = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            book.awaitFresh(WAIT);
            long firstSid = h.server.sids().get("orderbook_delta");

            h.server.skipSeq(firstSid, 1);
            h.server.bookDelta(MARKET, "no", "0.50", "5.00");
            h.server.await(s -> s.commands("subscribe").size() == 2, WAIT, "the resubscribe");
            long secondSid = h.server.sids().get("orderbook_delta");
            assertNotEquals(firstSid, secondSid);
            assertEquals(firstSid, h.server.commands("unsubscribe").get(0).at("/params/sids/0").asLong());
            eventually("the book to be fresh with no 0.50 at 15", () -> !book.isStale()
                    && noAt50(book).compareTo(new BigDecimal("15")) == 0);
            assertSameBook(serverBook(h.server, MARKET), flatten(book.view()));
            assertEquals(1, book.view().seq(), "the new sid numbers from 1 again");

            // Refused once, get_snapshot is not tried again on this connection.
            h.server.skipSeq(secondSid, 1);
            h.server.bookDelta(MARKET, "no", "0.50", "1.00");
            h.server.await(s -> s.commands("subscribe").size() == 3, WAIT, "the second resubscribe");
            assertEquals(1, h.server.commands("update_subscription").size());
            assertEquals(1, h.server.subscriptionCount());
            eventually("the book to be fresh with no 0.50 at 16", () -> !book.isStale()
                    && noAt50(book).compareTo(new BigDecimal("16")) == 0);
        }
    }

    private static BigDecimal noAt50(OrderbookHandle book) {
        return flatten(book.view()).getOrDefault("no|0.5", BigDecimal.ZERO);
    }

    @Test
    void deltasThatCannotApplyToAStaleBookAreWithheldUntilTheNextSnapshot() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBook(h.server);
            AtomicInteger handled = new AtomicInteger();
            h.ws.on(Channel.ORDERBOOK_DELTA, m -> handled.incrementAndGet());
            Subscription<WsMessage> raw = h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, MARKET)).get(5, TimeUnit.SECONDS);
            long sid = raw.sids().get(Channel.ORDERBOOK_DELTA);
            assertInstanceOf(WsMessage.OrderbookSnapshot.class, raw.poll(WAIT));

            h.server.holdNext("update_subscription");
            h.server.skipSeq(sid, 2);
            h.server.bookDelta(MARKET, "yes", "0.40", "1.00");
            h.server.bookDelta(MARKET, "yes", "0.40", "1.00");
            h.server.await(s -> s.commands("update_subscription").size() == 1, WAIT, "get_snapshot");
            assertNull(raw.poll(Duration.ofMillis(200)), "deltas on a stale book are not handed out");
            h.server.releaseHeld();
            h.server.bookDelta(MARKET, "yes", "0.40", "1.00");
            WsMessage.OrderbookSnapshot snap = assertInstanceOf(WsMessage.OrderbookSnapshot.class, raw.poll(WAIT));
            assertEquals("102.00", snap.msg().yesDollarsFp().get(0).get(1).toPlainString());
            WsMessage.OrderbookDelta after = assertInstanceOf(WsMessage.OrderbookDelta.class, raw.poll(WAIT));
            assertEquals(snap.seq().getAsLong() + 1, after.seq().getAsLong());
            eventually("handlers to follow the same rule: two snapshots and the last delta", () -> handled.get() == 3);
            Thread.sleep(50);
            assertEquals(3, handled.get());
        }
    }

    @Test
    void aDeltaThatWouldDriveALevelNegativeMarksTheBookStaleAndResynchronizes() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBook(h.server);
            OrderbookHandle book = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            book.awaitFresh(WAIT);
            long sid = h.server.sids().get("orderbook_delta");
            // The server's frame disagrees with its own book: exactly the case a snapshot must repair.
            h.server.sendTo(sid, "orderbook_delta", JsonNodeFactory.instance.objectNode().put("market_ticker", MARKET)
                    .put("market_id", "x").put("price_dollars", "0.4000").put("delta_fp", "-500.00").put("side", "yes"));
            h.server.await(s -> s.commands("update_subscription").size() == 1, WAIT, "get_snapshot");
            OrderbookView v = viewAt(book, 3);
            assertSameBook(serverBook(h.server, MARKET), flatten(v));
            assertTrue(h.sequenceEvents.isEmpty());
        }
    }

    @Test
    void orderGroupUpdateGapsAreReportedAndEveryFrameIsStillDelivered() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> groups = h.ws.subscribe(SubscribeRequest.of(Channel.ORDER_GROUP_UPDATES)).get(5, TimeUnit.SECONDS);
            long sid = groups.sids().get(Channel.ORDER_GROUP_UPDATES);
            ObjectNode msg = JsonNodeFactory.instance.objectNode().put("event_type", "limit_updated")
                    .put("order_group_id", "og_123").put("contracts_limit_fp", "150.00");
            h.server.sendTo(sid, "order_group_updates", msg);
            h.server.skipSeq(sid, 4);
            h.server.sendTo(sid, "order_group_updates", msg);
            WsMessage.OrderGroupUpdate a = assertInstanceOf(WsMessage.OrderGroupUpdate.class, groups.poll(WAIT));
            WsMessage.OrderGroupUpdate b = assertInstanceOf(WsMessage.OrderGroupUpdate.class, groups.poll(WAIT));
            assertEquals(1, a.seq().getAsLong());
            assertEquals(6, b.seq().getAsLong());
            assertEquals("150.00", b.msg().contractsLimitFp().toPlainString());
            eventually("the gap to be reported", () -> h.sequenceEvents.size() == 1);
            assertEquals(Channel.ORDER_GROUP_UPDATES, h.sequenceEvents.get(0).channel());
            assertSame(groups, h.sequenceEvents.get(0).subscription());
            assertEquals(4, h.sequenceEvents.get(0).missing());
            assertTrue(h.server.commands("update_subscription").isEmpty(), "no snapshot exists for order groups");
        }
    }

    @Test
    void handlesForOneMarketShareOneSubscriptionAndTheLastCloseUnsubscribes() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            seedBook(h.server);
            OrderbookHandle a = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            OrderbookHandle b = h.ws.orderbook(MARKET).get(5, TimeUnit.SECONDS);
            assertEquals(1, h.server.commands("subscribe").size());
            assertEquals(a.awaitFresh(WAIT).seq(), b.awaitFresh(WAIT).seq());
            assertTrue(h.ws.subscriptions().isEmpty(), "the shared subscription is internal");
            a.close();
            drainToEnd(a);
            assertFalse(a.iterator().hasNext(), "a closed handle's stream ends");
            h.server.bookDelta(MARKET, "yes", "0.41", "1.00");
            assertEquals(2, viewAt(b, 2).seq());
            assertEquals(1, h.server.subscriptionCount());
            b.close();
            h.server.await(s -> s.subscriptionCount() == 0, WAIT, "the unsubscribe");
            drainToEnd(b);
        }
    }

    /** Reads a handle's views until its stream ends (blocks until then). */
    private static List<OrderbookView> drainToEnd(OrderbookHandle handle) {
        List<OrderbookView> rest = new java.util.ArrayList<>();
        handle.iterator().forEachRemaining(rest::add);
        return rest;
    }

    @Test
    void theGoldCaptureReplayedThroughTheServerEndsInTheIndependentlyRecomputedBook() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(
                SharedSamples.require("wire-samples/ws/orderbook_delta__zkiihne-gold15m.jsonl"), StandardCharsets.UTF_8);
        String market = "KXGOLD15M-26AUG102130-30";

        // Independent recomputation: plain maps over the capture's strings, nothing shared with the client.
        Map<String, BigDecimal> expected = new HashMap<>();
        for (String line : lines) {
            JsonNode frame = json.readTree(line);
            JsonNode msg = frame.get("msg");
            if ("orderbook_snapshot".equals(frame.get("type").asText())) {
                expected.clear();
                for (String side : List.of("yes", "no")) {
                    for (JsonNode row : msg.path(side + "_dollars_fp")) {
                        expected.put(side + "|" + new BigDecimal(row.get(0).asText()).stripTrailingZeros().toPlainString(),
                                new BigDecimal(row.get(1).asText()));
                    }
                }
            } else {
                String key = msg.get("side").asText() + "|"
                        + new BigDecimal(msg.get("price_dollars").asText()).stripTrailingZeros().toPlainString();
                BigDecimal next = expected.getOrDefault(key, BigDecimal.ZERO).add(new BigDecimal(msg.get("delta_fp").asText()));
                if (next.signum() < 0) {
                    fail("recomputation went negative at " + key);
                } else if (next.signum() == 0) {
                    expected.remove(key);
                } else {
                    expected.put(key, next);
                }
            }
        }

        try (WsHarness h = WsHarness.start()) {
            AtomicInteger frames = new AtomicInteger();
            h.ws.on(Channel.ORDERBOOK_DELTA, m -> frames.incrementAndGet());
            OrderbookHandle book = h.ws.orderbook(market).get(5, TimeUnit.SECONDS);
            book.awaitFresh(WAIT);
            long sid = h.server.sids().get("orderbook_delta");
            // The capture's seq has 659 jumps because its sid spanned several markets and only this market
            // was logged. Fed here with contiguous seq (the server numbers each frame), gap checks stay on
            // and must stay silent.
            for (String line : lines) {
                JsonNode frame = json.readTree(line);
                h.server.sendTo(sid, frame.get("type").asText(), (ObjectNode) frame.get("msg"));
            }
            long lastSeq = 1 + lines.size();
            eventually(WAIT.multipliedBy(2), "the replay to finish",
                    () -> book.view().seq() == lastSeq && frames.get() == lines.size() + 1);
            OrderbookView last = book.view();
            assertFalse(last.isStale());
            assertSameBook(expected, flatten(last));
            assertEquals("0.3700", last.bestYesBid().orElseThrow().toPlainString());
            assertEquals("0.4600", last.yesAsk().orElseThrow().toPlainString());
            assertEquals(15, last.yesBids().size());
            assertEquals(20, last.noBids().size());
            assertTrue(h.sequenceEvents.isEmpty(), () -> "no gaps: " + h.sequenceEvents);
            assertTrue(h.server.commands("update_subscription").isEmpty(), "no resync was needed");
            assertTrue(h.errors.isEmpty(), () -> "no problems: " + h.errors);
        }
    }
}
