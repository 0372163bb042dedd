package io.github.kalshi4j.testkit;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.GetOrdersResponse;
import io.github.kalshi4j.model.GetTradesResponse;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.model.Trade;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cursors are keyset cursors: items created between page requests never shift the pages still to come. */
class CursorPagingTest {

    private static LocalKalshiExchange exchange;
    private static KalshiClient alice;
    private static KalshiClient bob;
    private static String ticker;

    @BeforeAll
    static void start() {
        exchange = LocalKalshiExchange.builder().start();
        alice = exchange.client(exchange.userIds().get(0));
        bob = exchange.client(exchange.userIds().get(1));
        ticker = alice.markets().getMarkets(p -> p.status("open").limit(1L)).markets().get(0).ticker();
    }

    @AfterAll
    static void stop() {
        alice.close();
        bob.close();
        exchange.close();
    }

    private static String restBid(KalshiClient who, String clientOrderId) {
        return who.orders().createOrderV2(order(ticker, "bid", "0.0100").clientOrderId(clientOrderId).build()).orderId();
    }

    private static CreateOrderV2Request.Builder order(String market, String side, String price) {
        return CreateOrderV2Request.builder().ticker(market).side(side).count("1").price(price)
                .timeInForce("good_till_canceled").selfTradePreventionType("taker_at_cross");
    }

    @Test
    void ordersCreatedBetweenPageRequestsCauseNoDuplicatesAndNoGaps() {
        List<String> placed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            placed.add(0, restBid(alice, "page-" + i)); // newest first, as the listing sorts
        }
        GetOrdersResponse first = alice.orders().getOrders(p -> p.ticker(ticker).limit(2L));
        List<String> seen = new ArrayList<>(first.orders().stream().map(Order::orderId).toList());
        restBid(alice, "late-1");
        restBid(alice, "late-2");
        String cursor = first.cursor();
        while (cursor != null && !cursor.isEmpty()) {
            String c = cursor;
            GetOrdersResponse page = alice.orders().getOrders(p -> p.ticker(ticker).limit(2L).cursor(c));
            page.orders().forEach(o -> seen.add(o.orderId()));
            cursor = page.cursor();
        }
        // The listing as it was when paging began: the five orders, each once, newest first.
        assertEquals(placed, seen);
    }

    @Test
    void tradesPrintedBetweenPageRequestsCauseNoDuplicatesAndNoGaps() {
        String market = alice.markets().getMarkets(p -> p.status("open").limit(2L)).markets().get(1).ticker();
        for (int i = 0; i < 4; i++) {
            alice.orders().createOrderV2(order(market, "bid", "0.5000").build());
            bob.orders().createOrderV2(order(market, "ask", "0.5000").build());
        }
        List<String> before = alice.markets().getTrades(p -> p.ticker(market).limit(100L)).trades().stream()
                .map(Trade::tradeId).toList();
        assertTrue(before.size() >= 4, "trades: " + before);
        GetTradesResponse first = alice.markets().getTrades(p -> p.ticker(market).limit(3L));
        List<String> seen = new ArrayList<>(first.trades().stream().map(Trade::tradeId).toList());
        alice.orders().createOrderV2(order(market, "bid", "0.5000").build());
        bob.orders().createOrderV2(order(market, "ask", "0.5000").build());
        String cursor = first.cursor();
        while (cursor != null && !cursor.isEmpty()) {
            String c = cursor;
            GetTradesResponse page = alice.markets().getTrades(p -> p.ticker(market).limit(3L).cursor(c));
            page.trades().forEach(t -> seen.add(t.tradeId()));
            cursor = page.cursor();
        }
        assertEquals(before, seen);
    }
}
