package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.ws.model.ErrorResponsePayload;
import io.github.kalshi4j.ws.model.ListSubscriptionsResponsePayload;
import io.github.kalshi4j.ws.model.ListSubscriptionsResponsePayloadMsgInner;
import io.github.kalshi4j.ws.model.OkResponsePayload;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayload;
import io.github.kalshi4j.ws.model.SubscribedResponsePayload;
import io.github.kalshi4j.ws.model.UnsubscribedResponsePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands of Kalshi's WebSocket protocol and every error code the local exchange answers with. */
class WsCommandsTest {

    private static final Duration QUIET = Duration.ofMillis(300);

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
    void subscribeRepliesOncePerChannelWithItsOwnSid_thenTheBookSnapshot() {
        String market = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int id = ws.subscribe(Map.of("channels", List.of("orderbook_delta", "ticker", "trade"), "market_ticker", market));
            // Channel by channel: the book's snapshot follows its own subscribed reply.
            SubscribedResponsePayload book = ws.reply(id, "subscribed").as(SubscribedResponsePayload.class);
            OrderbookSnapshotPayload snapshot = ws.next("orderbook_snapshot").as(OrderbookSnapshotPayload.class);
            SubscribedResponsePayload ticker = ws.reply(id, "subscribed").as(SubscribedResponsePayload.class);
            SubscribedResponsePayload trade = ws.reply(id, "subscribed").as(SubscribedResponsePayload.class);
            assertEquals(List.of("orderbook_delta", "ticker", "trade"),
                    List.of(book.msg().channel(), ticker.msg().channel(), trade.msg().channel()));
            assertEquals(List.of(1, 2, 3), List.of(book.msg().sid(), ticker.msg().sid(), trade.msg().sid()));
            assertEquals(1, snapshot.sid());
            assertEquals(1, snapshot.seq());
            assertEquals(market, snapshot.msg().marketTicker());
            assertFalse(snapshot.msg().marketId().isEmpty());
        }
    }

    @Test
    void listSubscriptionsRepliesWithEveryChannelAndSid() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int sub = ws.subscribe(Map.of("channels", List.of("fill", "user_orders")));
            ws.reply(sub, "subscribed");
            ws.reply(sub, "subscribed");
            int id = ws.command("list_subscriptions", null);
            ListSubscriptionsResponsePayload list = ws.reply(id, "ok").as(ListSubscriptionsResponsePayload.class);
            assertEquals(List.of("fill:1", "user_orders:2"),
                    list.msg().stream().map(s -> s.channel() + ":" + s.sid()).toList());
        }
    }

    @Test
    void unsubscribeRepliesPerSid_andStopsTheFeed() {
        String market = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             KalshiClient bobRest = exchange.client(bob)) {
            int sub = ws.subscribe(Map.of("channels", List.of("trade", "orderbook_delta"), "market_ticker", market));
            ws.reply(sub, "subscribed");
            ws.reply(sub, "subscribed");
            ws.next("orderbook_snapshot");
            int id = ws.command("unsubscribe", Map.of("sids", List.of(1, 2)));
            UnsubscribedResponsePayload first = ws.reply(id, "unsubscribed").as(UnsubscribedResponsePayload.class);
            UnsubscribedResponsePayload second = ws.reply(id, "unsubscribed").as(UnsubscribedResponsePayload.class);
            assertEquals(List.of(1, 2), List.of(first.sid(), second.sid()));
            assertEquals(2, second.seq(), "the book's next seq after its snapshot");
            int list = ws.command("list_subscriptions", null);
            assertTrue(ws.reply(list, "ok").as(ListSubscriptionsResponsePayload.class).msg().isEmpty());
            Trading.buyYes(bobRest, market, "5", "0.3000", null);
            ws.assertQuiet(QUIET);
        }
    }

    @Test
    void updateSubscriptionAddsAndDeletesMarkets_withASnapshotForEachAddedBook() {
        String first = trading.freshMarket();
        String second = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             KalshiClient bobRest = exchange.client(bob)) {
            int sub = ws.subscribe(Map.of("channels", List.of("orderbook_delta"), "market_ticker", first));
            int sid = ws.reply(sub, "subscribed").as(SubscribedResponsePayload.class).msg().sid();
            assertEquals(1, ws.next("orderbook_snapshot").seq());

            int add = ws.command("update_subscription", Map.of("sids", List.of(sid), "market_tickers", List.of(second),
                    "action", "add_markets"));
            OkResponsePayload added = ws.reply(add, "ok").as(OkResponsePayload.class);
            assertEquals(sid, added.sid());
            assertEquals(List.of(first, second), added.msg().marketTickers());
            WsTestClient.Frame snapshot = ws.next("orderbook_snapshot");
            assertEquals(second, snapshot.as(OrderbookSnapshotPayload.class).msg().marketTicker());
            assertEquals(2, snapshot.seq());

            int delete = ws.command("update_subscription", Map.of("sid", sid, "market_ticker", first,
                    "action", "delete_markets"));
            assertEquals(List.of(second), ws.reply(delete, "ok").as(OkResponsePayload.class).msg().marketTickers());

            Trading.buyYes(bobRest, first, "1", "0.2000", null);
            Trading.buyYes(bobRest, second, "2", "0.2000", null);
            OrderbookDeltaPayload delta = ws.next("orderbook_delta").as(OrderbookDeltaPayload.class);
            assertEquals(second, delta.msg().marketTicker(), "the deleted market sends nothing");
            assertEquals(3, delta.seq());
        }
    }

    @Test
    void getSnapshotSendsAFreshSnapshotOnTheSameSid_continuingItsSeq() {
        String market = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             KalshiClient bobRest = exchange.client(bob)) {
            int sub = ws.subscribe(Map.of("channels", List.of("orderbook_delta"), "market_tickers", List.of(market)));
            int sid = ws.reply(sub, "subscribed").as(SubscribedResponsePayload.class).msg().sid();
            ws.next("orderbook_snapshot");
            Order resting = Trading.buyNo(bobRest, market, "7", "0.2500", null);
            assertEquals(2, ws.next("orderbook_delta").seq());

            int id = ws.command("update_subscription", Map.of("sids", List.of(sid), "action", "get_snapshot"));
            assertEquals(List.of(market), ws.reply(id, "ok").as(OkResponsePayload.class).msg().marketTickers());
            WsTestClient.Frame fresh = ws.next("orderbook_snapshot");
            assertEquals(3, fresh.seq());
            assertEquals(List.of(List.of(new BigDecimal("0.2500"), new BigDecimal("7.00"))),
                    fresh.as(OrderbookSnapshotPayload.class).msg().noDollarsFp());
            assertTrue(fresh.as(OrderbookSnapshotPayload.class).msg().yesDollarsFp().isEmpty());
            bobRest.orders().cancelOrderV2(resting.orderId());
            assertEquals(4, ws.next("orderbook_delta").seq());
        }
    }

    @Test
    void commandIdZeroOrMissingIsNotEchoed() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            ws.sendText("{\"id\":0,\"cmd\":\"list_subscriptions\"}");
            assertNull(ws.next("ok").as(ListSubscriptionsResponsePayload.class).id());
            ws.sendText("{\"cmd\":\"nope\"}");
            ErrorResponsePayload error = ws.next("error").as(ErrorResponsePayload.class);
            assertNull(error.id());
            assertEquals(5, error.msg().code());
        }
    }

    static Stream<Arguments> refusedCommands() {
        return Stream.of(
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"]", 1),
                Arguments.of("[{\"id\":1,\"cmd\":\"subscribe\"}]", 1),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\"}", 2),
                Arguments.of("{\"id\":1,\"cmd\":\"update_subscription\",\"params\":\"sid=1\"}", 2),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{}}", 3),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[]}}", 3),
                Arguments.of("{\"id\":1,\"cmd\":\"unsubscribe\",\"params\":{}}", 4),
                Arguments.of("{\"id\":1,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[]}}", 4),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe_all\",\"params\":{}}", 5),
                Arguments.of("{\"id\":1,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[42]}}", 7),
                Arguments.of("{\"id\":1,\"cmd\":\"update_subscription\",\"params\":{\"sid\":42,\"action\":\"get_snapshot\"}}", 7),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook\"]}}", 8),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"],\"market_tickers\":\"KXFED-26JUN-T3.25\"}}", 11),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"],\"send_initial_snapshot\":\"yes\"}}", 11),
                Arguments.of("{\"id\":1,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[\"one\"]}}", 11),
                Arguments.of("{\"id\":1,\"cmd\":\"update_subscription\",\"params\":{\"action\":\"add_markets\"}}", 12),
                Arguments.of("{\"id\":1,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[1,2],\"action\":\"add_markets\"}}", 12),
                Arguments.of("{\"id\":1,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"sids\":[1],\"action\":\"add_markets\"}}", 12),
                Arguments.of("{\"id\":1,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"action\":\"rename\"}}", 13),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"]}}", 14),
                Arguments.of("{\"id\":1,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1}}", 15),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"],\"market_ticker\":\"KXNOPE-1\"}}", 16),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"],\"market_id\":\"00000000-0000-0000-0000-000000000000\"}}", 16),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"communications\"],\"shard_factor\":0}}", 19),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"communications\"],\"shard_key\":1}}", 20),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"communications\"],\"shard_factor\":4,\"shard_key\":4}}", 21),
                Arguments.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"communications\"],\"shard_factor\":101}}", 22));
    }

    @ParameterizedTest(name = "[{index}] code {1}: {0}")
    @MethodSource("refusedCommands")
    void refusedCommandsGetTheirErrorCode_andTheCodesName(String command, int code) {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            ws.sendText(command);
            ErrorResponsePayload error = ws.next("error").as(ErrorResponsePayload.class);
            assertEquals(code, error.msg().code(), () -> "reply to " + command);
            // Code 1 means the command could not be read, so there is no id to echo.
            assertEquals(code == 1 ? null : 1, error.id());
            assertEquals(codeName(code), error.msg().msg());
            ws.assertQuiet(Duration.ofMillis(50));
        }
    }

    private static String codeName(int code) {
        return Map.ofEntries(Map.entry(1, "Unable to process message"), Map.entry(2, "Params required"),
                Map.entry(3, "Channels required"), Map.entry(4, "Subscription IDs required"),
                Map.entry(5, "Unknown command"), Map.entry(7, "Unknown subscription ID"),
                Map.entry(8, "Unknown channel name"), Map.entry(11, "Invalid parameter"),
                Map.entry(12, "Exactly one subscription ID is required"), Map.entry(13, "Unsupported action"),
                Map.entry(14, "Market Ticker required"), Map.entry(15, "Action required"),
                Map.entry(16, "Market not found"), Map.entry(19, "shard_factor must be > 0"),
                Map.entry(20, "shard_factor is required when shard_key is set"),
                Map.entry(21, "shard_key must be >= 0 and < shard_factor"),
                Map.entry(22, "shard_factor must be <= 100")).get(code);
    }

    @Test
    void marketNotFoundNamesTheMarket() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int id = ws.subscribe(Map.of("channels", List.of("orderbook_delta"),
                    "market_tickers", List.of("KXFED-26JUN-T3.25", "KXNOPE-26")));
            ErrorResponsePayload error = ws.reply(id, "error").as(ErrorResponsePayload.class);
            assertEquals(16, error.msg().code());
            assertEquals("KXNOPE-26", error.msg().marketTicker());
            ws.assertQuiet(QUIET);
        }
    }

    @Test
    void subscribingTwiceToTheSameMarketsIsRefusedPerChannel() {
        String market = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int first = ws.subscribe(Map.of("channels", List.of("ticker"), "market_ticker", market));
            ws.reply(first, "subscribed");
            int again = ws.subscribe(Map.of("channels", List.of("ticker", "trade"), "market_ticker", market));
            ErrorResponsePayload error = ws.reply(again, "error").as(ErrorResponsePayload.class);
            assertEquals(6, error.msg().code());
            assertEquals("Already subscribed", error.msg().msg());
            assertEquals(market, error.msg().marketTicker());
            assertEquals("trade", ws.reply(again, "subscribed").as(SubscribedResponsePayload.class).msg().channel());

            int all = ws.subscribe(Map.of("channels", List.of("fill")));
            ws.reply(all, "subscribed");
            int narrower = ws.subscribe(Map.of("channels", List.of("fill"), "market_ticker", market));
            assertEquals(6, ws.errorCode(narrower), "a subscription to every market already covers this one");
        }
    }

    @Test
    void onAnExchangeAllowingAnonymousConnections_privateChannelsStillNeedASignedHandshake() {
        try (LocalKalshiExchange open = LocalKalshiExchange.builder().allowAnonymousWebSocket(true).start();
             WsTestClient ws = WsTestClient.anonymous(open)) {
            for (String channel : List.of("fill", "user_orders", "market_positions", "order_group_updates",
                    "communications")) {
                int id = ws.subscribe(Map.of("channels", List.of(channel)));
                ErrorResponsePayload error = ws.reply(id, "error").as(ErrorResponsePayload.class);
                assertEquals(9, error.msg().code(), channel);
                assertEquals("Authentication required", error.msg().msg());
            }
            int id = ws.subscribe(Map.of("channels", List.of("ticker", "trade", "market_lifecycle_v2",
                    "multivariate_market_lifecycle")));
            List<String> channels = Stream.of(1, 2, 3, 4)
                    .map(i -> ws.reply(id, "subscribed").as(SubscribedResponsePayload.class).msg().channel()).toList();
            assertEquals(List.of("ticker", "trade", "market_lifecycle_v2", "multivariate_market_lifecycle"), channels);
        }
    }

    @Test
    void updateSubscriptionRefusesActionsTheSubscriptionCannotTake() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int sub = ws.subscribe(Map.of("channels", List.of("trade", "ticker"), "market_ticker", "KXFED-26JUN-T3.25"));
            ws.reply(sub, "subscribed");
            ws.reply(sub, "subscribed");
            int lifecycle = ws.subscribe(Map.of("channels", List.of("market_lifecycle_v2")));
            int lifecycleSid = ws.reply(lifecycle, "subscribed").as(SubscribedResponsePayload.class).msg().sid();

            int snapshotOfTicker = ws.command("update_subscription", Map.of("sid", 2, "action", "get_snapshot"));
            assertEquals(13, ws.errorCode(snapshotOfTicker), "only order books have snapshots");
            int addToEverything = ws.command("update_subscription", Map.of("sid", lifecycleSid,
                    "market_ticker", "KXFED-26JUN-T3.50", "action", "add_markets"));
            assertEquals(13, ws.errorCode(addToEverything), "market_lifecycle_v2 takes no markets");
            int addNothing = ws.command("update_subscription", Map.of("sid", 1, "action", "add_markets"));
            assertEquals(14, ws.errorCode(addNothing));
            int addUnknown = ws.command("update_subscription", Map.of("sid", 1, "market_ticker", "KXNOPE-1",
                    "action", "add_markets"));
            assertEquals(16, ws.errorCode(addUnknown));
        }
    }

    @Test
    void marketIdsNameTheSameMarketsAsTickers() {
        String market = trading.freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int book = ws.subscribe(Map.of("channels", List.of("orderbook_delta"), "market_ticker", market));
            ws.reply(book, "subscribed");
            String marketId = ws.next("orderbook_snapshot").as(OrderbookSnapshotPayload.class).msg().marketId();
            int ticker = ws.subscribe(Map.of("channels", List.of("ticker"), "market_ids", List.of(marketId)));
            int sid = ws.reply(ticker, "subscribed").as(SubscribedResponsePayload.class).msg().sid();
            int delete = ws.command("update_subscription", Map.of("sid", sid, "market_id", marketId,
                    "action", "delete_markets"));
            assertTrue(ws.reply(delete, "ok").as(OkResponsePayload.class).msg().marketTickers().isEmpty());
        }
    }

    @Test
    void listSubscriptionsOnAFreshConnectionIsEmpty() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int id = ws.command("list_subscriptions", null);
            List<ListSubscriptionsResponsePayloadMsgInner> subs =
                    ws.reply(id, "ok").as(ListSubscriptionsResponsePayload.class).msg();
            assertTrue(subs.isEmpty());
        }
    }
}
