package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CreateOrderGroupRequest;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.model.UpdateOrderGroupLimitRequest;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.ws.model.FillPayload;
import io.github.kalshi4j.ws.model.MarketPositionPayload;
import io.github.kalshi4j.ws.model.OrderGroupUpdatesPayload;
import io.github.kalshi4j.ws.model.UserOrderPayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The private channels: each member sees its own fills, orders, positions and order groups, and nobody else's. */
class WsPrivateChannelsTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private static LocalKalshiExchange exchange;
    private static Trading trading;
    private static String alice;
    private static String bob;
    private static String maker;

    @BeforeAll
    static void start() {
        exchange = LocalKalshiExchange.builder().start();
        trading = new Trading(exchange);
        alice = exchange.userIds().get(0);
        bob = exchange.userIds().get(1);
        maker = exchange.userIds().get(2);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    private static WsTestClient subscribedToPrivateChannels(String member) {
        WsTestClient ws = WsTestClient.signed(exchange, member);
        int id = ws.subscribe(Map.of("channels", List.of("fill", "user_orders", "market_positions")));
        for (int i = 0; i < 3; i++) {
            ws.reply(id, "subscribed");
        }
        return ws;
    }

    /** The next {@code n} frames by type; channels are not ordered among each other. */
    private static Map<String, WsTestClient.Frame> nextByType(WsTestClient ws, int n) {
        Map<String, WsTestClient.Frame> frames = new HashMap<>();
        for (int i = 0; i < n; i++) {
            WsTestClient.Frame f = ws.next();
            assertNull(frames.put(f.type(), f), () -> "two frames of type " + f.type());
        }
        return frames;
    }

    @Test
    void aCrossSendsFillsOrdersAndPositionsToEachSideOnly() {
        String market = trading.freshMarket();
        try (WsTestClient aliceWs = subscribedToPrivateChannels(alice);
             WsTestClient bobWs = subscribedToPrivateChannels(bob);
             WsTestClient makerWs = subscribedToPrivateChannels(maker);
             KalshiClient aliceRest = exchange.client(alice);
             KalshiClient bobRest = exchange.client(bob)) {
            Order resting = Trading.buyYes(aliceRest, market, "5", "0.4000", "alice-1");
            UserOrderPayload placed = aliceWs.next("user_order").as(UserOrderPayload.class);
            assertEquals(resting.orderId(), placed.msg().orderId());
            assertEquals("resting", placed.msg().statusAsString());
            assertEquals("alice-1", placed.msg().clientOrderId());
            assertEquals(alice, placed.msg().userId());
            assertEquals(Boolean.TRUE, placed.msg().isYes());
            assertEquals("5.00", placed.msg().remainingCountFp().toPlainString());

            Order taker = Trading.buyNo(bobRest, market, "3", "0.6000", "bob-1");

            Map<String, WsTestClient.Frame> aliceFrames = nextByType(aliceWs, 3);
            FillPayload makerFill = aliceFrames.get("fill").as(FillPayload.class);
            assertEquals(resting.orderId(), makerFill.msg().orderId());
            assertEquals(Boolean.FALSE, makerFill.msg().isTaker());
            assertEquals("yes", makerFill.msg().sideAsString());
            assertEquals("buy", makerFill.msg().actionAsString());
            assertEquals("0.4000", makerFill.msg().yesPriceDollars().toPlainString());
            assertEquals("3.00", makerFill.msg().countFp().toPlainString());
            assertEquals("3.00", makerFill.msg().postPositionFp().toPlainString());
            assertEquals("yes", makerFill.msg().purchasedSideAsString());
            assertEquals("alice-1", makerFill.msg().clientOrderId());
            UserOrderPayload partly = aliceFrames.get("user_order").as(UserOrderPayload.class);
            assertEquals("resting", partly.msg().statusAsString());
            assertEquals("3.00", partly.msg().fillCountFp().toPlainString());
            assertEquals("2.00", partly.msg().remainingCountFp().toPlainString());
            MarketPositionPayload long3 = aliceFrames.get("market_position").as(MarketPositionPayload.class);
            assertEquals(alice, long3.msg().userId());
            assertEquals(market, long3.msg().marketTicker());
            assertEquals("3.00", long3.msg().positionFp().toPlainString());
            assertEquals("1.2000", long3.msg().positionCostDollars().toPlainString(), "3 contracts at $0.40");

            Map<String, WsTestClient.Frame> bobFrames = nextByType(bobWs, 3);
            FillPayload takerFill = bobFrames.get("fill").as(FillPayload.class);
            assertEquals(taker.orderId(), takerFill.msg().orderId());
            assertEquals(Boolean.TRUE, takerFill.msg().isTaker());
            // A V2 ask sells YES: positioned for NO, on the ask side of the book.
            assertEquals("no", takerFill.msg().outcomeSideAsString());
            assertEquals("ask", takerFill.msg().bookSideAsString());
            assertEquals("no", takerFill.msg().purchasedSideAsString());
            assertEquals("-3.00", takerFill.msg().postPositionFp().toPlainString());
            assertEquals(makerFill.msg().tradeId(), takerFill.msg().tradeId(), "both fills name the public trade");
            UserOrderPayload executed = bobFrames.get("user_order").as(UserOrderPayload.class);
            assertEquals("executed", executed.msg().statusAsString());
            assertEquals("no", executed.msg().outcomeSideAsString());
            assertEquals("ask", executed.msg().bookSideAsString());
            MarketPositionPayload short3 = bobFrames.get("market_position").as(MarketPositionPayload.class);
            assertEquals(bob, short3.msg().userId());
            assertEquals("-3.00", short3.msg().positionFp().toPlainString());
            assertEquals("3.00", short3.msg().volumeFp().toPlainString());

            makerWs.assertQuiet(QUIET);
            aliceWs.assertQuiet(Duration.ofMillis(50));
            bobWs.assertQuiet(Duration.ofMillis(50));
        }
    }

    @Test
    void marketFiltersNarrowPrivateChannels() {
        String watched = trading.freshMarket();
        String other = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             KalshiClient aliceRest = exchange.client(alice);
             KalshiClient bobRest = exchange.client(bob)) {
            int id = ws.subscribe(Map.of("channels", List.of("fill"), "market_tickers", List.of(watched)));
            ws.reply(id, "subscribed");
            Trading.buyYes(aliceRest, other, "1", "0.5000", null);
            Trading.buyNo(bobRest, other, "1", "0.5000", null);
            ws.assertQuiet(QUIET);
            Trading.buyYes(aliceRest, watched, "1", "0.5000", null);
            Trading.buyNo(bobRest, watched, "1", "0.5000", null);
            assertEquals(watched, ws.next("fill").as(FillPayload.class).msg().marketTicker());
        }
    }

    @Test
    void orderGroupUpdatesAreSequencedPerSubscription_andPrivate() {
        try (WsTestClient aliceWs = WsTestClient.signed(exchange, alice);
             WsTestClient bobWs = WsTestClient.signed(exchange, bob);
             KalshiClient aliceRest = exchange.client(alice)) {
            for (WsTestClient ws : List.of(aliceWs, bobWs)) {
                int id = ws.subscribe(Map.of("channels", List.of("order_group_updates")));
                ws.reply(id, "subscribed");
            }
            String group = aliceRest.orderGroups().createOrderGroup(CreateOrderGroupRequest.builder()
                    .contractsLimitFp("10").build()).orderGroupId();
            aliceRest.orderGroups().updateOrderGroupLimit(group, UpdateOrderGroupLimitRequest.builder()
                    .contractsLimitFp("25").build());
            aliceRest.orderGroups().deleteOrderGroup(group);

            OrderGroupUpdatesPayload created = aliceWs.next("order_group_updates").as(OrderGroupUpdatesPayload.class);
            OrderGroupUpdatesPayload updated = aliceWs.next("order_group_updates").as(OrderGroupUpdatesPayload.class);
            OrderGroupUpdatesPayload deleted = aliceWs.next("order_group_updates").as(OrderGroupUpdatesPayload.class);
            assertEquals(List.of(1, 2, 3), List.of(created.seq(), updated.seq(), deleted.seq()));
            assertEquals(List.of("created", "limit_updated", "deleted"), List.of(created.msg().eventTypeAsString(),
                    updated.msg().eventTypeAsString(), deleted.msg().eventTypeAsString()));
            assertTrue(List.of(created, updated, deleted).stream().allMatch(u -> u.msg().orderGroupId().equals(group)));
            assertEquals("10.00", created.msg().contractsLimitFp().toPlainString());
            assertEquals("25.00", updated.msg().contractsLimitFp().toPlainString());
            assertNull(deleted.msg().contractsLimitFp(), "the limit comes with created and limit_updated only");
            bobWs.assertQuiet(QUIET);
        }
    }

    @Test
    void aMemberSeesItsOwnCancellation() {
        String market = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, bob);
             KalshiClient bobRest = exchange.client(bob)) {
            int id = ws.subscribe(Map.of("channels", List.of("user_orders"), "market_ticker", market));
            ws.reply(id, "subscribed");
            Order order = Trading.buyNo(bobRest, market, "4", "0.3000", null);
            assertEquals("resting", ws.next("user_order").as(UserOrderPayload.class).msg().statusAsString());
            bobRest.orders().cancelOrderV2(order.orderId());
            UserOrderPayload canceled = ws.next("user_order").as(UserOrderPayload.class);
            assertEquals("canceled", canceled.msg().statusAsString());
            assertEquals("0.00", canceled.msg().remainingCountFp().toPlainString());
            assertEquals("", canceled.msg().clientOrderId(), "no client order id was given");
            assertFalse(canceled.msg().createdTime().isAfter(canceled.msg().lastUpdateTime()));
        }
    }
}
