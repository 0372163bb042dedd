package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.engine.Orderbook;
import io.github.kalshi4j.ws.PriceLevel;
import io.github.kalshi4j.ws.model.MarketLifecycleV2Payload;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayload;
import io.github.kalshi4j.ws.model.SubscribedResponsePayload;
import io.github.kalshi4j.ws.model.TickerPayload;
import io.github.kalshi4j.ws.model.TradePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public channels: order book, ticker, trade and market lifecycle, fed by orders placed over REST. */
class WsMarketDataTest {

    private static LocalKalshiExchange exchange;
    private static Trading trading;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void start() {
        exchange = LocalKalshiExchange.builder().start();
        trading = new Trading(exchange);
        alice = exchange.userIds().get(0);
        bob = exchange.userIds().get(1);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @Test
    void orderbookSnapshotThenContiguousDeltas_whenAnotherMemberPlacesAndCancels() {
        String market = "KXFED-26JUN-T3.75";
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             KalshiClient bobRest = exchange.client(bob)) {
            int id = ws.subscribe(Map.of("channels", List.of("orderbook_delta"), "market_ticker", market));
            int sid = ws.reply(id, "subscribed").as(SubscribedResponsePayload.class).msg().sid();
            OrderbookSnapshotPayload snapshot = ws.next("orderbook_snapshot").as(OrderbookSnapshotPayload.class);
            assertEquals(1, snapshot.seq());
            // The seeded liquidity, lowest price first as Kalshi lists it.
            assertEquals(List.of(row("0.6100", "1000.00"), row("0.6200", "500.00")), snapshot.msg().yesDollarsFp());
            assertEquals(List.of(row("0.3500", "800.00"), row("0.3600", "400.00")), snapshot.msg().noDollarsFp());

            Order order = Trading.buyYes(bobRest, market, "10", "0.0500", "bob-1");
            OrderbookDeltaPayload added = ws.next("orderbook_delta").as(OrderbookDeltaPayload.class);
            assertEquals(sid, added.sid());
            assertEquals(2, added.seq());
            assertEquals(market, added.msg().marketTicker());
            assertEquals(snapshot.msg().marketId(), added.msg().marketId());
            assertEquals("0.0500", added.msg().priceDollars().toPlainString());
            assertEquals("10.00", added.msg().deltaFp().toPlainString());
            assertEquals("yes", added.msg().sideAsString());
            assertNull(added.msg().clientOrderId(), "only the order's owner sees its client_order_id");
            Instant ts = added.msg().ts().toInstant();
            assertTrue(Math.abs(Duration.between(ts, Instant.now()).toSeconds()) < 60, "ts: " + ts);

            bobRest.orders().cancelOrderV2(order.orderId());
            OrderbookDeltaPayload removed = ws.next("orderbook_delta").as(OrderbookDeltaPayload.class);
            assertEquals(3, removed.seq());
            assertEquals("-10.00", removed.msg().deltaFp().toPlainString());
            assertEquals("0.0500", removed.msg().priceDollars().toPlainString());
        }
    }

    private static List<BigDecimal> row(String price, String count) {
        return List.of(new BigDecimal(price), new BigDecimal(count));
    }

    @Test
    void deltasCarryTheClientOrderIdToItsOwnerOnly() {
        String market = trading.freshMarket();
        try (WsTestClient own = WsTestClient.signed(exchange, bob);
             WsTestClient other = WsTestClient.signed(exchange, alice);
             KalshiClient bobRest = exchange.client(bob)) {
            for (WsTestClient ws : List.of(own, other)) {
                int id = ws.subscribe(Map.of("channels", List.of("orderbook_delta"), "market_ticker", market));
                ws.reply(id, "subscribed");
                ws.next("orderbook_snapshot");
            }
            Trading.buyNo(bobRest, market, "3", "0.4400", "bobs-own-id");
            assertEquals("bobs-own-id", own.next("orderbook_delta").as(OrderbookDeltaPayload.class).msg().clientOrderId());
            assertNull(other.next("orderbook_delta").as(OrderbookDeltaPayload.class).msg().clientOrderId());
        }
    }

    @Test
    void seqIsContiguousPerSubscription_notPerConnection() {
        String first = trading.freshMarket();
        String second = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             KalshiClient bobRest = exchange.client(bob)) {
            int a = ws.subscribe(Map.of("channels", List.of("orderbook_delta"), "market_ticker", first));
            ws.reply(a, "subscribed");
            ws.next("orderbook_snapshot");
            int b = ws.subscribe(Map.of("channels", List.of("orderbook_delta"), "market_ticker", second));
            ws.reply(b, "subscribed");
            ws.next("orderbook_snapshot");
            for (int i = 1; i <= 4; i++) {
                Trading.buyYes(bobRest, first, Integer.toString(i), "0.1" + i + "00", null);
                Trading.buyNo(bobRest, second, Integer.toString(i), "0.2" + i + "00", null);
            }
            Map<Integer, List<Integer>> seqBySid = new TreeMap<>();
            for (int i = 0; i < 8; i++) {
                WsTestClient.Frame f = ws.next("orderbook_delta");
                seqBySid.computeIfAbsent(f.sid(), k -> new ArrayList<>()).add(f.seq());
            }
            assertEquals(Map.of(1, List.of(2, 3, 4, 5), 2, List.of(2, 3, 4, 5)), seqBySid);
        }
    }

    @Test
    void snapshotAndDeltasRebuildTheEngineBook_evenWhileOrdersKeepArriving() throws Exception {
        String market = trading.freshMarket();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger placed = new AtomicInteger();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             KalshiClient bobRest = exchange.client(bob)) {
            // Order flow that races the subscription: the snapshot must fit exactly between the deltas.
            Thread flow = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    String price = "0." + (10 + i % 30) + "00";
                    Order o = i % 2 == 0 ? Trading.buyYes(bobRest, market, "2", price, null)
                            : Trading.buyNo(bobRest, market, "3", price, null);
                    if (i % 3 == 0) {
                        bobRest.orders().cancelOrderV2(o.orderId());
                    }
                    placed.incrementAndGet();
                    i++;
                }
            });
            flow.start();
            Thread.sleep(100);
            int id = ws.subscribe(Map.of("channels", List.of("orderbook_delta"), "market_ticker", market));
            ws.reply(id, "subscribed");
            OrderbookSnapshotPayload snapshot = ws.next("orderbook_snapshot").as(OrderbookSnapshotPayload.class);
            // Let the flow go on until it has placed enough orders after the snapshot, however slow the machine:
            // a fixed sleep gave too few deltas under load.
            int atSnapshot = placed.get();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (placed.get() - atSnapshot < 12 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            running.set(false);
            flow.join();

            Map<String, BigDecimal> yes = levels(snapshot.msg().yesDollarsFp());
            Map<String, BigDecimal> no = levels(snapshot.msg().noDollarsFp());
            int expectedSeq = 2;
            // The flow has stopped: every delta still to come is on its way. Apply them all to the snapshot.
            WsTestClient.Frame f;
            while ((f = ws.poll(Duration.ofMillis(500))) != null) {
                OrderbookDeltaPayload d = f.as(OrderbookDeltaPayload.class);
                assertEquals(expectedSeq++, d.seq());
                Map<String, BigDecimal> side = d.msg().sideAsString().equals("yes") ? yes : no;
                BigDecimal level = side.merge(d.msg().priceDollars().toPlainString(), d.msg().deltaFp(), BigDecimal::add);
                assertTrue(level.signum() >= 0, "a level went negative: " + d);
                side.values().removeIf(v -> v.signum() == 0);
            }
            assertTrue(expectedSeq > 10, "the order flow raced the subscription: " + expectedSeq);
            Orderbook engineBook = exchange.engine().getOrderbook(market, 0);
            assertEquals(engineLevels(engineBook.yes()), yes);
            assertEquals(engineLevels(engineBook.no()), no);
        }
    }

    private static Map<String, BigDecimal> levels(List<List<BigDecimal>> rows) {
        Map<String, BigDecimal> levels = new HashMap<>();
        for (List<BigDecimal> row : rows) {
            levels.put(row.get(0).toPlainString(), row.get(1));
        }
        return levels;
    }

    private static Map<String, BigDecimal> engineLevels(Collection<PriceLevel> engineLevels) {
        Map<String, BigDecimal> levels = new HashMap<>();
        for (PriceLevel l : engineLevels) {
            levels.put(l.price().toPlainString(), l.count());
        }
        return levels;
    }

    @Test
    void aTradeSendsATradeFrame_andATickerWithTheNewPriceAndVolume() {
        String market = trading.freshMarket();
        String maker = exchange.userIds().get(2);
        try (WsTestClient ws = WsTestClient.signed(exchange, maker);
             KalshiClient aliceRest = exchange.client(alice);
             KalshiClient bobRest = exchange.client(bob)) {
            int id = ws.subscribe(Map.of("channels", List.of("trade", "ticker"), "market_ticker", market));
            ws.reply(id, "subscribed");
            ws.reply(id, "subscribed");
            Trading.buyYes(aliceRest, market, "5", "0.4000", null);
            TickerPayload quote = ws.next("ticker").as(TickerPayload.class);
            assertEquals("0.4000", quote.msg().yesBidDollars().toPlainString());
            assertEquals("1.0000", quote.msg().yesAskDollars().toPlainString());
            assertEquals("5.00", quote.msg().yesBidSizeFp().toPlainString());

            Trading.buyNo(bobRest, market, "3", "0.6000", null);
            // One trade frame and one ticker frame, in either order: channels are not ordered among each other.
            Map<String, WsTestClient.Frame> byType = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                WsTestClient.Frame f = ws.next();
                byType.put(f.type(), f);
            }
            assertEquals(Set.of("trade", "ticker"), byType.keySet());
            TradePayload trade = byType.get("trade").as(TradePayload.class);
            assertEquals(market, trade.msg().marketTicker());
            assertEquals("0.4000", trade.msg().yesPriceDollars().toPlainString());
            assertEquals("0.6000", trade.msg().noPriceDollars().toPlainString());
            assertEquals("3.00", trade.msg().countFp().toPlainString());
            assertEquals("no", trade.msg().takerSideAsString());
            assertTrue(Math.abs(trade.msg().ts() - Instant.now().getEpochSecond()) < 60);
            assertEquals(exchange.engine().listTrades(null).get(0).tradeId(), trade.msg().tradeId());

            TickerPayload ticker = byType.get("ticker").as(TickerPayload.class);
            assertEquals("0.4000", ticker.msg().priceDollars().toPlainString());
            assertEquals("0.4000", ticker.msg().yesBidDollars().toPlainString());
            assertEquals("3.00", ticker.msg().volumeFp().toPlainString());
            assertEquals("3.00", ticker.msg().openInterestFp().toPlainString());
            assertEquals("2.00", ticker.msg().yesBidSizeFp().toPlainString());
            assertEquals(ticker.msg().ts(), ticker.msg().time().toEpochSecond());
            ws.assertQuiet(Duration.ofMillis(200));
        }
    }

    @Test
    void tickerWithSendInitialSnapshotStartsWithTheCurrentValues() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int id = ws.subscribe(Map.of("channels", List.of("ticker"), "market_ticker", "KXSENATE-26-R",
                    "send_initial_snapshot", true));
            ws.reply(id, "subscribed");
            TickerPayload ticker = ws.next("ticker").as(TickerPayload.class);
            assertEquals("KXSENATE-26-R", ticker.msg().marketTicker());
            assertEquals("0.7100", ticker.msg().yesBidDollars().toPlainString());
            assertEquals("0.7300", ticker.msg().yesAskDollars().toPlainString());
        }
    }

    @Test
    void settlingAMarketSendsItsLifecycleEvents_evenToAnUnsignedConnection() {
        try (LocalKalshiExchange open = LocalKalshiExchange.builder().allowAnonymousWebSocket(true).start();
             WsTestClient ws = WsTestClient.anonymous(open)) {
            String market = new Trading(open).freshMarket();
            int id = ws.subscribe(Map.of("channels", List.of("market_lifecycle_v2")));
            ws.reply(id, "subscribed");
            open.settle(market, "yes");
            List<MarketLifecycleV2Payload> events = new ArrayList<>();
            do {
                events.add(ws.next("market_lifecycle_v2").as(MarketLifecycleV2Payload.class));
            } while (!events.get(events.size() - 1).msg().eventTypeAsString().equals("settled"));
            assertTrue(events.stream().allMatch(e -> e.msg().marketTicker().equals(market)));
            List<String> types = events.stream().map(e -> e.msg().eventTypeAsString()).toList();
            assertEquals(List.of("close_date_updated", "determined", "settled"), types);
            MarketLifecycleV2Payload determined = events.get(1);
            assertEquals("yes", determined.msg().result());
            assertEquals("1.0000", determined.msg().settlementValue());
            assertTrue(determined.msg().determinationTs() > 0);
            assertTrue(events.get(2).msg().settledTs() > 0);
            assertTrue(events.get(0).msg().closeTs() > 0);
        }
    }

    @Test
    void pausingAndResumingAMarketReportsDeactivation() {
        String market = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int id = ws.subscribe(Map.of("channels", List.of("market_lifecycle_v2")));
            ws.reply(id, "subscribed");
            exchange.engine().pauseMarket(market);
            exchange.engine().resumeMarket(market);
            MarketLifecycleV2Payload paused = ws.next("market_lifecycle_v2").as(MarketLifecycleV2Payload.class);
            MarketLifecycleV2Payload resumed = ws.next("market_lifecycle_v2").as(MarketLifecycleV2Payload.class);
            assertEquals("deactivated", paused.msg().eventTypeAsString());
            assertEquals(Boolean.TRUE, paused.msg().isDeactivated());
            assertEquals("activated", resumed.msg().eventTypeAsString());
            assertEquals(Boolean.FALSE, resumed.msg().isDeactivated());
        }
    }
}
