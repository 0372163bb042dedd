package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.OTHER_MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import io.github.kalshi4j.ws.PriceLevel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Listing filters, ordering, lookups and determinism. */
final class ListingTest {
    private final TestExchange t = new TestExchange();

    @Test
    void ordersAreListedNewestFirstAndFilterByTickerStatusAndTime() {
        Order first = t.buyYes(ALICE, "1", "0.30");
        t.clock.advance(Duration.ofSeconds(10));
        Order second = t.exchange.createOrder(ALICE, NewOrder.limit(OTHER_MARKET, Side.YES, Action.BUY, "1", "0.30"));
        t.exchange.cancelOrder(ALICE, first.orderId());

        List<Order> all = t.exchange.listOrders(ALICE, OrderFilter.all());
        assertEquals(List.of(second.orderId(), first.orderId()), all.stream().map(Order::orderId).toList());
        assertTrue(second.sequence() > first.sequence());
        assertEquals(List.of(first.orderId()), ids(t.exchange.listOrders(ALICE, OrderFilter.all().withTicker(MARKET))));
        assertEquals(List.of(second.orderId()),
                ids(t.exchange.listOrders(ALICE, OrderFilter.all().withStatus(OrderStatus.RESTING))));
        assertEquals(List.of(second.orderId()), ids(t.exchange.listOrders(ALICE,
                OrderFilter.all().withCreatedTime(TimeRange.between(TestExchange.START.plusSeconds(5), null)))));
        assertEquals(2, t.exchange.listOrders(ALICE, OrderFilter.all().withEventTickers(Set.of("KXTEST-26JAN31"))).size());
    }

    private static List<String> ids(List<Order> orders) {
        return orders.stream().map(Order::orderId).toList();
    }

    @Test
    void fillsAndTradesFilterByOrderTickerAndTime() {
        t.buyNo(BOB, "2", "0.44");
        Order taker = t.buyYes(ALICE, "2", "0.56");
        t.clock.advance(Duration.ofMinutes(1));
        t.exchange.createOrder(BOB, NewOrder.limit(OTHER_MARKET, Side.NO, Action.BUY, "1", "0.44"));
        t.exchange.createOrder(ALICE, NewOrder.limit(OTHER_MARKET, Side.YES, Action.BUY, "1", "0.56"));

        assertEquals(2, t.exchange.listFills(ALICE, FillFilter.all()).size());
        assertEquals(1, t.exchange.listFills(ALICE, FillFilter.all().withOrderId(taker.orderId())).size());
        assertEquals(OTHER_MARKET, t.exchange.listFills(ALICE, FillFilter.all()).get(0).ticker()); // newest first
        assertEquals(1, t.exchange.listTrades(TradeFilter.all().withTicker(MARKET)).size());
        assertEquals(1, t.exchange.listTrades(TradeFilter.all()
                .withCreatedTime(TimeRange.between(null, TestExchange.START))).size());
    }

    @Test
    void marketWindowsAreCutsOfTheFullListing() {
        t.exchange.closeMarket(OTHER_MARKET);
        for (MarketFilter f : List.of(MarketFilter.all(), MarketFilter.all().withStatus(MarketStatusFilter.OPEN),
                MarketFilter.all().withEventTicker("KXTEST-26JAN31"))) {
            List<String> all = t.exchange.listMarkets(f).stream().map(Market::ticker).toList();
            for (int offset = 0; offset <= all.size() + 1; offset++) {
                for (int limit = 0; limit <= all.size() + 1; limit++) {
                    List<String> expected = all.subList(Math.min(offset, all.size()),
                            Math.min(all.size(), offset + limit));
                    assertEquals(expected, t.exchange.listMarkets(f, offset, limit).stream().map(Market::ticker)
                            .toList(), f + " offset " + offset + " limit " + limit);
                }
            }
        }
    }

    @Test
    void marketsAndEventsFilterByEventSeriesAndStatus() {
        t.exchange.closeMarket(OTHER_MARKET);

        assertEquals(List.of(MARKET, OTHER_MARKET, TestExchange.WHOLE_MARKET), t.exchange.listMarkets(
                MarketFilter.all().withEventTicker("KXTEST-26JAN31")).stream().map(Market::ticker).toList());
        assertEquals(List.of(OTHER_MARKET), t.exchange.listMarkets(MarketFilter.all()
                .withStatus(MarketStatusFilter.CLOSED)).stream().map(Market::ticker).toList());
        assertEquals(List.of(TestExchange.MAKER_FEE_MARKET), t.exchange.listMarkets(MarketFilter.all()
                .withSeriesTicker("KXMAKER")).stream().map(Market::ticker).toList());
        assertEquals(List.of(MARKET, OTHER_MARKET), t.exchange.listMarkets(MarketFilter.all()
                .withTickers(Set.of(OTHER_MARKET, MARKET))).stream().map(Market::ticker).toList());
        assertEquals(List.of("KXTEST-26JAN31"), t.exchange.listEvents(EventFilter.all().withSeriesTicker("KXTEST"))
                .stream().map(Event::eventTicker).toList());
        assertEquals(MarketStatusFilter.OPEN, t.exchange.getEvent("KXTEST-26JAN31").status());
        assertEquals(List.of("KXTEST"), t.exchange.listSeries(SeriesFilter.all().withTag("Test"))
                .stream().map(Series::ticker).toList());
        assertRejected(ErrorCode.EVENT_NOT_FOUND, () -> t.exchange.getEvent("KXNOPE"));
        assertRejected(ErrorCode.SERIES_NOT_FOUND, () -> t.exchange.getSeries("KXNOPE"));
        assertRejected(ErrorCode.MARKET_NOT_FOUND, () -> t.exchange.getMarket("KXNOPE"));
        assertRejected(ErrorCode.ACCOUNT_NOT_FOUND, () -> t.exchange.getBalance("nobody"));
    }

    @Test
    void orderbookDepthLimitsLevelsPerSide() {
        t.buyYes(ALICE, "1", "0.30");
        t.buyYes(ALICE, "2", "0.31");
        t.buyYes(BOB, "3", "0.32");

        Orderbook book = t.exchange.getOrderbook(MARKET, 2);
        assertEquals(List.of(new PriceLevel(TestExchange.dec("0.3200"), TestExchange.dec("3.00")),
                new PriceLevel(TestExchange.dec("0.3100"), TestExchange.dec("2.00"))), book.yes());
        assertEquals(3, t.exchange.getOrderbook(MARKET, 0).yes().size());
    }

    @Test
    void sameSeedClockAndIdsGiveTheSameRun() {
        TestExchange other = new TestExchange();
        Order a = t.buyYes(ALICE, "1", "0.30");
        Order b = other.buyYes(ALICE, "1", "0.30");

        assertEquals(a, b);
        assertEquals("00000001-0000-4000-8000-000000000001", a.orderId());
    }

    @Test
    void concurrentOrdersKeepTheBooksConsistent() throws Exception {
        t.exchange.deposit(ALICE, TestExchange.dec("100000"));
        t.exchange.deposit(BOB, TestExchange.dec("100000"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean yes = i % 2 == 0;
                futures.add(pool.submit(() -> yes ? t.buyYes(ALICE, "1", "0.50") : t.buyNo(BOB, "1", "0.50")));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        // 100 YES and 100 NO bids at 0.50 cross pairwise: every contract traded, nothing rests
        assertTrue(t.book().yes().isEmpty() && t.book().no().isEmpty());
        TestExchange.assertAmount("100", t.exchange.getMarket(MARKET).volume());
        TestExchange.assertAmount("100", t.position(ALICE).position());
        TestExchange.assertAmount("-100", t.position(BOB).position());
    }
}
