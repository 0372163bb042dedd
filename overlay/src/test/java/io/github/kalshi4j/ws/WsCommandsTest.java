package io.github.kalshi4j.ws;

import static io.github.kalshi4j.ws.WsHarness.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssVerifier;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command side of the protocol against a real WebSocket server: the signed handshake, every
 * command and its reply, every error code of the AsyncAPI spec, timeouts, and frames that keep
 * flowing while a command is pending.
 */
class WsCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MARKET = "FED-23DEC-T3.00";

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        return e.getCause();
    }

    private static ObjectNode tickerMsg(String market, String yesBid) {
        return JsonNodeFactory.instance.objectNode().put("market_ticker", market).put("yes_bid_dollars", yesBid);
    }

    // ------------------------------------------------------------------ handshake

    @Test
    void handshakeCarriesAFreshRsaPssSignatureOverGetAndTheWebSocketPath() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            await(h.ws.connect());
            Map<String, List<String>> headers = h.server.handshakes().get(0);
            String key = KalshiWsTestServer.header(headers, RequestSignature.ACCESS_KEY);
            String timestamp = KalshiWsTestServer.header(headers, RequestSignature.ACCESS_TIMESTAMP);
            String signature = KalshiWsTestServer.header(headers, RequestSignature.ACCESS_SIGNATURE);
            assertEquals(WsHarness.KEY_ID, key);
            assertTrue(Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) < 60_000, timestamp);
            assertTrue(RsaPssVerifier.verify(signature,
                    RequestSignature.message(Long.parseLong(timestamp), "GET", "/trade-api/ws/v2"), WsHarness.KEYS.getPublic()));
            assertTrue(KalshiWsTestServer.header(headers, "User-Agent").startsWith("kalshi4j/"));
        }
    }

    @Test
    void unauthenticatedClientConnectsWithoutSigningHeadersAndGetsPublicChannelsOnly() throws Exception {
        try (WsHarness h = WsHarness.unauthenticated()) {
            Subscription<WsMessage> ticker = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            assertNull(KalshiWsTestServer.header(h.server.handshakes().get(0), RequestSignature.ACCESS_KEY));
            assertNull(KalshiWsTestServer.header(h.server.handshakes().get(0), RequestSignature.ACCESS_SIGNATURE));
            assertEquals(1, ticker.sids().size());

            KalshiSubscriptionException e = assertInstanceOf(KalshiSubscriptionException.class,
                    failure(h.ws.subscribe(SubscribeRequest.of(Channel.FILL))));
            assertEquals(9, e.code());
            assertEquals("Authentication required", e.errorMessage());
            assertEquals("subscribe", e.command());
        }
    }

    // ------------------------------------------------------------------ subscribe

    @Test
    void subscribeSendsSpecShapedParamsAndCompletesWithOneSidPerChannel() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.builder(Channel.ORDERBOOK_DELTA, Channel.TICKER)
                    .marketTickers("FED-23DEC-T3.00", "CORIVER-2024-T1030")
                    .build()));
            assertEquals(h.server.sids().get("orderbook_delta"), sub.sids().get(Channel.ORDERBOOK_DELTA));
            assertEquals(h.server.sids().get("ticker"), sub.sids().get(Channel.TICKER));
            assertNotEquals(sub.sids().get(Channel.ORDERBOOK_DELTA), sub.sids().get(Channel.TICKER));

            JsonNode cmd = h.server.commands("subscribe").get(0);
            assertEquals("subscribe", cmd.get("cmd").asText());
            assertTrue(cmd.get("id").asInt() > 0);
            assertEquals("[\"orderbook_delta\",\"ticker\"]", cmd.at("/params/channels").toString());
            assertEquals("[\"FED-23DEC-T3.00\",\"CORIVER-2024-T1030\"]", cmd.at("/params/market_tickers").toString());
            assertFalse(cmd.get("params").has("market_ticker"));

            await(h.ws.subscribe(SubscribeRequest.builder(Channel.TICKER).marketTicker("KXONE-1")
                    .params(p -> p.sendInitialSnapshot(true).skipTickerAck(true)).build()));
            await(h.ws.subscribe(SubscribeRequest.builder(Channel.COMMUNICATIONS)
                    .params(p -> p.shardFactor(4).shardKey(1).userFilter("self"))
                    // A parameter newer than the pinned spec goes out as given.
                    .param("rfq_filter_v2", "mine").build()));
            JsonNode single = h.server.commands("subscribe").get(1).get("params");
            assertEquals("KXONE-1", single.get("market_ticker").asText());
            assertFalse(single.has("market_tickers"));
            assertTrue(single.get("send_initial_snapshot").asBoolean());
            assertTrue(single.get("skip_ticker_ack").asBoolean());
            JsonNode sharded = h.server.commands("subscribe").get(2).get("params");
            assertEquals(4, sharded.get("shard_factor").asInt());
            assertEquals(1, sharded.get("shard_key").asInt());
            assertEquals("self", sharded.get("user_filter").asText());
            assertEquals("mine", sharded.get("rfq_filter_v2").asText());
            assertEquals(3, h.ws.subscriptions().size());
        }
    }

    @Test
    void subscribeByMarketIdSendsMarketIdOrIds() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            await(h.ws.subscribe(SubscribeRequest.builder(Channel.TICKER)
                    .params(p -> p.marketId("9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1")).build()));
            await(h.ws.subscribe(SubscribeRequest.builder(Channel.TRADE)
                    .params(p -> p.marketIds(List.of("9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1",
                            "31185e50-0db4-4c57-b95d-0123f5c07ec8"))).build()));
            assertEquals("9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1", h.server.commands("subscribe").get(0).at("/params/market_id").asText());
            assertEquals(2, h.server.commands("subscribe").get(1).at("/params/market_ids").size());
        }
    }

    @Test
    void partiallyAcceptedSubscribeFailsAndDoesNotLeaveTheAcceptedChannelSubscribed() throws Exception {
        try (WsHarness h = WsHarness.unauthenticated()) {
            KalshiSubscriptionException e = assertInstanceOf(KalshiSubscriptionException.class,
                    failure(h.ws.subscribe(SubscribeRequest.builder(Channel.TICKER, Channel.FILL).build())));
            assertEquals(9, e.code());
            h.server.await(s -> s.subscriptionCount() == 0, WAIT, "the ticker sid to be unsubscribed");
            assertEquals(1, h.server.commands("unsubscribe").size());
            assertTrue(h.ws.subscriptions().isEmpty());
        }
    }

    // ------------------------------------------------------------------ unsubscribe, update, list

    @Test
    void unsubscribeIsAnsweredByUnsubscribedAndEndsTheStreamCleanly() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            h.ws.onMessage(m -> seen.incrementAndGet());
            h.server.publish("ticker", "ticker", MARKET, tickerMsg(MARKET, "0.4500"));
            eventually("the ticker to be buffered", () -> seen.get() == 1);
            long sid = sub.sids().get(Channel.TICKER);
            await(sub.unsubscribe());
            assertEquals(0, h.server.subscriptionCount());
            assertEquals(sid, h.server.commands("unsubscribe").get(0).at("/params/sids/0").asLong());
            assertFalse(sub.isActive());
            assertTrue(sub.sids().isEmpty());
            // Buffered before the unsubscribe: still readable, then the end.
            assertInstanceOf(WsMessage.Ticker.class, sub.poll(WAIT));
            assertNull(sub.poll(Duration.ofMillis(50)));
            assertFalse(sub.iterator().hasNext());
            assertTrue(h.ws.subscriptions().isEmpty());
            await(sub.unsubscribe());
        }
    }

    @Test
    void addAndDeleteMarketsAreAnsweredByOkWithTheFullMarketList() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "A-1")));
            assertEquals(List.of("A-1", "B-2", "C-3"), await(sub.addMarkets(List.of("B-2", "C-3"))));
            JsonNode add = h.server.commands("update_subscription").get(0).get("params");
            assertEquals("add_markets", add.get("action").asText());
            assertEquals(sub.sids().get(Channel.TICKER).longValue(), add.get("sids").get(0).asLong());
            assertEquals("[\"B-2\",\"C-3\"]", add.get("market_tickers").toString());

            assertEquals(List.of("A-1", "C-3"), await(sub.deleteMarkets(List.of("B-2"))));
            assertEquals("delete_markets", h.server.commands("update_subscription").get(1).at("/params/action").asText());
            assertEquals(List.of("A-1", "C-3"), sub.marketTickers());
            assertThrows(ExecutionException.class, () -> sub.deleteMarkets(List.of("A-1", "C-3")).get(5, TimeUnit.SECONDS),
                    "emptying a market-scoped subscription would widen it to every market on resubscribe");
        }
    }

    @Test
    void rejectedUpdateKeepsTheMarketsAsTheyWere() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.server.setMarketLimit(2);
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "A-1")));
            KalshiSubscriptionException e = assertInstanceOf(KalshiSubscriptionException.class,
                    failure(sub.addMarkets(List.of("B-2", "C-3"))));
            assertEquals(26, e.code());
            assertEquals("update_subscription", e.command());
            assertEquals(List.of("A-1"), sub.marketTickers());
        }
    }

    @Test
    void addingAMarketToAnOrderbookSubscriptionBringsItsSnapshot() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.server.setBook("B-2", new String[][] {{"0.4000", "10.00"}}, new String[][] {});
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, "A-1")));
            assertInstanceOf(WsMessage.OrderbookSnapshot.class, sub.poll(WAIT));
            await(sub.addMarkets(List.of("B-2")));
            WsMessage.OrderbookSnapshot snap = assertInstanceOf(WsMessage.OrderbookSnapshot.class, sub.poll(WAIT));
            assertEquals("B-2", snap.msg().marketTicker());
            assertEquals("10.00", snap.msg().yesDollarsFp().get(0).get(1).toPlainString());
        }
    }

    @Test
    void anUpdateIssuedWhileTheSubscribeIsInFlightWaitsForItAndFailsWithIt() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            await(h.ws.connect());
            h.server.holdNext("subscribe");
            CompletableFuture<Subscription<WsMessage>> subscribing = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "A-1"));
            eventually("the pending handle to be listed", () -> h.ws.subscriptions().size() == 1);
            Subscription<?> sub = h.ws.subscriptions().get(0);
            CompletableFuture<List<String>> added = sub.addMarkets(List.of("B-2"));
            h.server.await(s -> s.commands("subscribe").size() == 1, WAIT, "the subscribe to be held");
            Thread.sleep(50);
            assertTrue(h.server.commands("update_subscription").isEmpty(), "the update waits for the subscribe's reply");
            h.server.releaseHeld();
            assertSame(sub, await(subscribing));
            assertEquals(List.of("A-1", "B-2"), await(added));

            h.server.holdNext("subscribe");
            h.server.failNext("subscribe", 26, "Subscription market limit exceeded");
            h.ws.subscribe(SubscribeRequest.of(Channel.TRADE, "C-3"));
            eventually("the second pending handle", () -> h.ws.subscriptions().size() == 2);
            Subscription<?> doomed = h.ws.subscriptions().get(1);
            CompletableFuture<List<String>> never = doomed.addMarkets(List.of("D-4"));
            h.server.await(s -> s.commands("subscribe").size() == 2, WAIT, "the second subscribe to be held");
            h.server.releaseHeld();
            assertEquals(26, code(never));
        }
    }

    @Test
    void requestSnapshotSendsGetSnapshotAndTheSnapshotFollowsTheOk() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, "A-1")));
            assertInstanceOf(WsMessage.OrderbookSnapshot.class, sub.poll(WAIT));
            await(sub.requestSnapshot());
            assertEquals("get_snapshot", h.server.commands("update_subscription").get(0).at("/params/action").asText());
            WsMessage.OrderbookSnapshot again = assertInstanceOf(WsMessage.OrderbookSnapshot.class, sub.poll(WAIT));
            assertEquals(2, again.seq().getAsLong());
            Subscription<WsMessage> tickers = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "A-1")));
            assertThrows(IllegalStateException.class, tickers::requestSnapshot);
        }
    }

    @Test
    void listSubscriptionsReturnsTheServersChannelsAndSidsWhicheverReplyTypeItUses() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> ticker = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            Subscription<WsMessage> fills = await(h.ws.subscribe(SubscribeRequest.of(Channel.FILL)));
            assertEquals(List.of(new ServerSubscription("ticker", ticker.sids().get(Channel.TICKER)),
                    new ServerSubscription("fill", fills.sids().get(Channel.FILL))), await(h.ws.listSubscriptions()));
            // The spec's example answers with type "ok"; a server naming it list_subscriptions works the same.
            h.server.setListReplyType("list_subscriptions");
            assertEquals(2, await(h.ws.listSubscriptions()).size());
            assertNull(h.server.commands("list_subscriptions").get(0).get("params"));
        }
    }

    // ------------------------------------------------------------------ errors

    @Test
    void errorRepliesTheClientCanProvokeCarryTheSpecsCodes() throws Exception {
        List<Integer> provoked = new ArrayList<>();
        try (WsHarness h = WsHarness.start()) {
            // A channel this server does not offer (as an exchange that has not rolled one out yet), and one the
            // spec retired (multivariate, gone from the later AsyncAPI): both are code 8.
            h.server.unsupportChannel(Channel.PYTH_VALUE.wire());
            h.server.setMarketLimit(2);
            Subscription<WsMessage> ticker = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            provoked.add(expectCode(8, h.ws.subscribe(SubscribeRequest.of(Channel.PYTH_VALUE))));
            provoked.add(expectCode(8, h.ws.subscribe(SubscribeRequest.of(Channel.of("multivariate")))));
            provoked.add(expectCode(14, h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA))));
            provoked.add(expectCode(26, h.ws.subscribe(SubscribeRequest.builder(Channel.TRADE)
                    .marketTickers("A-1", "B-2", "C-3").build())));
            // shard_factor 0 (code 19) never leaves the client: the generated model enforces the spec's minimum when
            // the request is built.
            assertThrows(IllegalArgumentException.class,
                    () -> SubscribeRequest.builder(Channel.COMMUNICATIONS).params(p -> p.shardFactor(0)).build());
            provoked.add(expectCode(20, h.ws.subscribe(SubscribeRequest.builder(Channel.COMMUNICATIONS)
                    .params(p -> p.shardKey(1)).build())));
            provoked.add(expectCode(21, h.ws.subscribe(SubscribeRequest.builder(Channel.COMMUNICATIONS)
                    .params(p -> p.shardFactor(2).shardKey(2)).build())));
            provoked.add(expectCode(22, h.ws.subscribe(SubscribeRequest.builder(Channel.COMMUNICATIONS)
                    .params(p -> p.shardFactor(101)).build())));
            h.server.setSupportsGetSnapshot(false);
            Subscription<WsMessage> book = await(h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, MARKET)));
            provoked.add(expectCode(13, book.requestSnapshot()));
            // Unsubscribing a sid the server no longer knows: the server closes it behind the client's back.
            h.server.closeSidQuietly(ticker.sids().get(Channel.TICKER));
            provoked.add(expectCode(7, ticker.unsubscribe()));
            // The connection stays usable after every one of these; only the order book subscription is left.
            assertEquals(List.of(new ServerSubscription("orderbook_delta", book.sids().get(Channel.ORDERBOOK_DELTA))),
                    await(h.ws.listSubscriptions()));
        }
        List<Integer> specCodes = specErrorCodes().map(a -> (Integer) a.get()[0]).toList();
        assertTrue(specCodes.containsAll(provoked), "every code is one the pinned spec lists: " + provoked);
    }

    private static int expectCode(int expected, CompletableFuture<?> f) throws Exception {
        assertEquals(expected, code(f));
        return expected;
    }

    @Test
    void twoSubscriptionsToTheSameChannelAndMarketEachGetTheirOwnFrames() throws Exception {
        // The later AsyncAPI retired error 6 ("Already subscribed"), so Kalshi no longer refuses an overlap: each
        // subscription has its sid, and the client routes every frame to the one its sid names.
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> first = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            Subscription<WsMessage> second = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            assertNotEquals(first.sids().get(Channel.TICKER), second.sids().get(Channel.TICKER));
            h.server.publish("ticker", "ticker", MARKET, JsonNodeFactory.instance.objectNode().put("market_ticker", MARKET));
            assertInstanceOf(WsMessage.Ticker.class, first.poll(Duration.ofSeconds(5)));
            assertInstanceOf(WsMessage.Ticker.class, second.poll(Duration.ofSeconds(5)));
        }
    }

    private static int code(CompletableFuture<?> f) throws Exception {
        return assertInstanceOf(KalshiSubscriptionException.class, failure(f)).code();
    }

    /** Every code in the spec's x-error-codes, read from the pinned spec itself. */
    static Stream<Arguments> specErrorCodes() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode code : PinnedSpec.asyncApi().at("/x-error-codes/codes")) {
            out.add(Arguments.of(code.get("code").asInt(), code.get("name").asText()));
        }
        // The table and the error payload's own enum of codes are two places of the spec: they must agree.
        List<Integer> enumerated = new ArrayList<>();
        PinnedSpec.asyncApi().at("/components/schemas/errorResponsePayload/properties/msg/properties/code/enum")
                .forEach(c -> enumerated.add(c.asInt()));
        assertEquals(enumerated, out.stream().map(a -> (Integer) a.get()[0]).toList(), "x-error-codes of the pinned spec");
        return out.stream();
    }

    @ParameterizedTest(name = "error {0} ({1}) fails each command with its code and message")
    @MethodSource("specErrorCodes")
    void everySpecErrorCodeFailsTheCommandWithThatCodeAndMessage(int code, String name) throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, MARKET)));
            for (String command : List.of("subscribe", "unsubscribe", "update_subscription", "list_subscriptions")) {
                h.server.failNext(command, code, name);
                CompletableFuture<?> f;
                switch (command) {
                    case "subscribe":
                        f = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET));
                        break;
                    case "unsubscribe":
                        f = sub.unsubscribe();
                        break;
                    case "update_subscription":
                        f = sub.addMarkets(List.of("OTHER-1"));
                        break;
                    default:
                        f = h.ws.listSubscriptions();
                }
                KalshiSubscriptionException e = assertInstanceOf(KalshiSubscriptionException.class, failure(f), command);
                assertEquals(code, e.code(), command);
                assertEquals(name, e.errorMessage(), command);
                assertEquals(command, e.command());
                if ("unsubscribe".equals(command)) {
                    sub = await(h.ws.subscribe(SubscribeRequest.of(Channel.ORDERBOOK_DELTA, "RE-" + code)));
                }
            }
            assertTrue(h.errors.isEmpty(), () -> "command errors belong to their futures: " + h.errors);
        }
    }

    @Test
    void anErrorWithoutACommandIdGoesToTheErrorListener() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            await(h.ws.connect());
            h.server.sendRaw("{\"type\":\"error\",\"msg\":{\"code\":1,\"msg\":\"Unable to process message\"}}");
            eventually("the error to be reported", () -> !h.errors.isEmpty());
            KalshiSubscriptionException e = assertInstanceOf(KalshiSubscriptionException.class, h.errors.get(0));
            assertEquals(1, e.code());
            assertNull(e.command());
        }
    }

    // ------------------------------------------------------------------ timeouts and concurrency

    @Test
    void unansweredCommandFailsWithATimeoutAndALateSubscribedIsUnsubscribed() throws Exception {
        try (WsHarness h = WsHarness.start(b -> b.commandTimeout(Duration.ofMillis(300)))) {
            await(h.ws.connect());
            h.server.holdNext("subscribe");
            KalshiTimeoutException e = assertInstanceOf(KalshiTimeoutException.class,
                    failure(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET))));
            assertTrue(e.getMessage().contains("subscribe"), e.getMessage());
            assertTrue(h.ws.subscriptions().isEmpty());
            h.server.releaseHeld();
            h.server.await(s -> s.commands("unsubscribe").size() == 1 && s.subscriptionCount() == 0, WAIT,
                    "the late subscription to be cancelled");

            h.server.ignoreNext("list_subscriptions");
            assertInstanceOf(KalshiTimeoutException.class, failure(h.ws.listSubscriptions()));
        }
    }

    @Test
    void framesForOtherSubscriptionsKeepFlowingWhileACommandIsPending() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> ticker = await(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, MARKET)));
            h.server.holdNext("subscribe");
            CompletableFuture<Subscription<WsMessage>> pending = h.ws.subscribe(SubscribeRequest.of(Channel.TRADE, MARKET));
            h.server.await(s -> s.commands("subscribe").size() == 2, WAIT, "the second subscribe to arrive");
            for (int i = 0; i < 20; i++) {
                h.server.publish("ticker", "ticker", MARKET, tickerMsg(MARKET, "0.45" + (10 + i)));
            }
            for (int i = 0; i < 20; i++) {
                WsMessage.Ticker t = assertInstanceOf(WsMessage.Ticker.class, ticker.poll(WAIT));
                assertEquals("0.45" + (10 + i), t.msg().yesBidDollars().toPlainString());
            }
            assertFalse(pending.isDone());
            h.server.releaseHeld();
            assertNotNull(await(pending).sids().get(Channel.TRADE));
        }
    }
}
