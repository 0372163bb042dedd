package io.github.kalshi4j.testkit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiApiException;
import io.github.kalshi4j.model.AmendOrderV2Request;
import io.github.kalshi4j.model.AmendOrderV2Response;
import io.github.kalshi4j.model.BatchCancelOrdersV2Request;
import io.github.kalshi4j.model.BatchCancelOrdersV2RequestOrdersInner;
import io.github.kalshi4j.model.BatchCancelOrdersV2Response;
import io.github.kalshi4j.model.BatchCreateOrdersV2Request;
import io.github.kalshi4j.model.BatchCreateOrdersV2Response;
import io.github.kalshi4j.model.CancelOrderV2Response;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.DecreaseOrderV2Request;
import io.github.kalshi4j.model.DecreaseOrderV2Response;
import io.github.kalshi4j.model.Fill;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.model.Trade;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.engine.Seed;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V2 order entry over real sockets, through the SDK: {@code side} is the book side, {@code price} the YES price for
 * bids and asks alike, and the orders are the engine's, so they show up in orders, fills, trades, positions and the
 * balance like any other. One market whose series charges Kalshi's plain taker fee, so fees are exact.
 */
class V2OrdersTest {

    static final String SEED = """
            {"series": [{"ticker": "KXV2", "title": "V2", "category": "Economics"}],
             "events": [{"event_ticker": "KXV2-1", "series_ticker": "KXV2", "title": "V2 event"}],
             "markets": [{"ticker": "KXV2-1-A", "event_ticker": "KXV2-1"},
                         {"ticker": "KXV2-1-B", "event_ticker": "KXV2-1"}],
             "accounts": [{"member_id": "alice", "api_key_id": "alice-key", "balance": "1000.00"},
                          {"member_id": "bob", "api_key_id": "bob-key", "balance": "1000.00"}]}
            """;
    static final String MARKET = "KXV2-1-A";

    private LocalKalshiExchange exchange;
    private KalshiClient alice;
    private KalshiClient bob;

    @BeforeEach
    void start() {
        exchange = LocalKalshiExchange.builder().seed(Seed.parse(SEED)).start();
        alice = exchange.client("alice");
        bob = exchange.client("bob");
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        exchange.close();
    }

    static CreateOrderV2Request.Builder order(String side, String count, String price) {
        return CreateOrderV2Request.builder().ticker(MARKET).side(side).count(count).price(price)
                .timeInForce("good_till_canceled").selfTradePreventionType("taker_at_cross");
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void anAskAtTheBidsPriceFillsIt_payingTheTakerFee_andEveryListingShowsIt() {
        CreateOrderV2Response bid = alice.orders().createOrderV2(order("bid", "10", "0.56").clientOrderId("a-1").build());
        assertAmount("0", bid.fillCount());
        assertAmount("10", bid.remainingCount());
        assertNull(bid.averageFillPrice(), "no fill, no average");
        assertEquals("a-1", bid.clientOrderId());

        CreateOrderV2Response ask = bob.orders().createOrderV2(order("ask", "4", "0.56").clientOrderId("b-1")
                .timeInForce("immediate_or_cancel").build());

        assertAmount("4", ask.fillCount());
        assertAmount("0", ask.remainingCount());
        assertEquals("0.5600", ask.averageFillPrice().toPlainString(), "the YES price, as the ask was priced");
        // ceil_to_cent(0.07 * 4 * 0.56 * 0.44) = ceil(0.068992) = $0.07 for the order, $0.0175 a contract.
        assertAmount("0.0175", ask.averageFeePaid());
        assertTrue(ask.tsMs() > 0);

        Order bobs = bob.orders().getOrders(p -> p.ticker(MARKET)).orders().get(0);
        assertEquals(ask.orderId(), bobs.orderId());
        assertEquals("b-1", bobs.clientOrderId());
        assertEquals("ask", bobs.bookSideAsString());
        assertEquals("no", bobs.outcomeSideAsString());
        assertEquals("executed", bobs.statusAsString());
        assertEquals("0.5600", bobs.yesPriceDollars().toPlainString());
        assertAmount("0.07", bobs.takerFeesDollars());
        Order alices = alice.orders().getOrder(bid.orderId()).order();
        assertEquals("bid", alices.bookSideAsString());
        assertEquals("yes", alices.outcomeSideAsString());
        assertAmount("6", alices.remainingCountFp());

        Fill fill = bob.portfolio().getFills(p -> p.ticker(MARKET)).fills().get(0);
        assertAmount("0.07", fill.feeCost());
        assertEquals("ask", fill.bookSideAsString());
        assertEquals(Boolean.TRUE, fill.isTaker());
        Trade trade = bob.markets().getTrades(p -> p.ticker(MARKET)).trades().get(0);
        assertEquals("ask", trade.takerBookSideAsString());
        assertEquals("0.5600", trade.yesPriceDollars().toPlainString());
        assertAmount("-4", bob.portfolio().getPositions(p -> p.ticker(MARKET)).marketPositions().get(0).positionFp());
        assertAmount("4", alice.portfolio().getPositions(p -> p.ticker(MARKET)).marketPositions().get(0).positionFp());
        // Bob paid 4 x (1 - 0.56) for the NO side, plus the fee.
        assertAmount("998.17", bob.portfolio().getBalance().balanceDollars());
    }

    @Test
    void aDuplicateClientOrderIdIsAConflict() {
        alice.orders().createOrderV2(order("bid", "1", "0.10").clientOrderId("same").build());

        KalshiApiException e = assertThrows(KalshiApiException.class,
                () -> alice.orders().createOrderV2(order("bid", "1", "0.11").clientOrderId("same").build()));

        assertEquals(409, e.statusCode());
        assertEquals(1, alice.orders().getOrders(p -> p.ticker(MARKET)).orders().size());
    }

    @Test
    void fillOrKillWithoutEnoughRestingVolumeIsRejected_andNothingRests() {
        alice.orders().createOrderV2(order("bid", "2", "0.50").build());

        KalshiApiException e = assertThrows(KalshiApiException.class, () -> bob.orders().createOrderV2(
                order("ask", "3", "0.50").timeInForce("fill_or_kill").build()));

        assertEquals(409, e.statusCode());
        assertTrue(bob.orders().getOrders().orders().isEmpty());
    }

    @Test
    void amendingToACrossingPriceFillsAtTheRestingPrice_andReportsTheFill() {
        bob.orders().createOrderV2(order("ask", "5", "0.50").build());
        CreateOrderV2Response bid = alice.orders().createOrderV2(order("bid", "5", "0.45").clientOrderId("a-2").build());

        AmendOrderV2Response amended = alice.orders().amendOrderV2(bid.orderId(), AmendOrderV2Request.builder()
                .ticker(MARKET).side("bid").price("0.50").count("5").updatedClientOrderId("a-2b").build());

        assertEquals(bid.orderId(), amended.orderId());
        assertEquals("a-2b", amended.clientOrderId());
        assertAmount("5", amended.fillCount());
        assertAmount("0", amended.remainingCount());
        assertEquals("0.5000", amended.averageFillPrice().toPlainString());
        // ceil_to_cent(0.07 * 5 * 0.5 * 0.5) = ceil(0.0875) = $0.09, $0.018 a contract.
        assertAmount("0.018", amended.averageFeePaid());
        assertEquals("executed", alice.orders().getOrder(bid.orderId()).order().statusAsString());
    }

    @Test
    void amendingOnlyTheSizeReportsTheNewRestingCount_withoutAFill() {
        CreateOrderV2Response bid = alice.orders().createOrderV2(order("bid", "10", "0.40").build());

        AmendOrderV2Response amended = alice.orders().amendOrderV2(bid.orderId(), AmendOrderV2Request.builder()
                .ticker(MARKET).side("bid").price("0.40").count("6").build());

        assertAmount("6", amended.remainingCount());
        assertAmount("0", amended.fillCount());
        assertNull(amended.averageFillPrice());
        KalshiApiException wrongSide = assertThrows(KalshiApiException.class, () -> alice.orders().amendOrderV2(
                bid.orderId(), AmendOrderV2Request.builder().ticker(MARKET).side("ask").price("0.40").count("6").build()));
        assertEquals(400, wrongSide.statusCode());
    }

    @Test
    void decreaseByAndToShrinkTheOrder_andToZeroCancelsIt() {
        CreateOrderV2Response bid = alice.orders().createOrderV2(order("bid", "10", "0.30").build());

        DecreaseOrderV2Response by = alice.orders().decreaseOrderV2(bid.orderId(),
                DecreaseOrderV2Request.builder().reduceBy("3").build());
        assertAmount("7", by.remainingCount());
        DecreaseOrderV2Response to = alice.orders().decreaseOrderV2(bid.orderId(),
                DecreaseOrderV2Request.builder().reduceTo("0").marketTicker(MARKET).build());

        assertAmount("0", to.remainingCount());
        assertEquals("canceled", alice.orders().getOrder(bid.orderId()).order().statusAsString());
    }

    @Test
    void cancelReportsWhatItRemoved_andReleasesTheReserve() {
        BigDecimal before = alice.portfolio().getBalance().balanceDollars();
        CreateOrderV2Response bid = alice.orders().createOrderV2(order("bid", "8", "0.25").clientOrderId("a-3").build());
        assertAmount(before.subtract(new BigDecimal("2.00")).toPlainString(),
                alice.portfolio().getBalance().balanceDollars());

        CancelOrderV2Response canceled = alice.orders().cancelOrderV2(bid.orderId());

        assertEquals(bid.orderId(), canceled.orderId());
        assertEquals("a-3", canceled.clientOrderId());
        assertAmount("8", canceled.reducedBy());
        assertAmount(before.toPlainString(), alice.portfolio().getBalance().balanceDollars());
        KalshiApiException elsewhere = assertThrows(KalshiApiException.class,
                () -> alice.orders().cancelOrderV2("no-such-order"));
        assertEquals(404, elsewhere.statusCode());
    }

    @Test
    void cancelAllCancelsEveryRestingOrderOfTheMember_only() {
        CreateOrderV2Response one = alice.orders().createOrderV2(order("bid", "1", "0.20").build());
        CreateOrderV2Response two = alice.orders().createOrderV2(order("ask", "1", "0.90").ticker("KXV2-1-B").build());
        CreateOrderV2Response bobs = bob.orders().createOrderV2(order("bid", "1", "0.21").build());

        alice.orders().cancelAllOrders();

        assertEquals("canceled", alice.orders().getOrder(one.orderId()).order().statusAsString());
        assertEquals("canceled", alice.orders().getOrder(two.orderId()).order().statusAsString());
        assertEquals("resting", bob.orders().getOrder(bobs.orderId()).order().statusAsString());
    }

    @Test
    void batchCreatePlacesEachOrderOnItsOwn_aBadOneFailsAlone() {
        BatchCreateOrdersV2Response res = alice.orders().batchCreateOrdersV2(BatchCreateOrdersV2Request.builder()
                .orders(List.of(
                        order("bid", "2", "0.30").clientOrderId("b-ok-1").build(),
                        order("bid", "2", "1.50").clientOrderId("b-bad").build(),
                        order("ask", "1", "0.80").clientOrderId("b-ok-2").exchangeIndex(0).build(),
                        order("bid", "1", "0.30").clientOrderId("b-shard").exchangeIndex(7).build()))
                .build());

        assertEquals(4, res.orders().size());
        assertEquals("b-ok-1", res.orders().get(0).clientOrderId());
        assertNotNull(res.orders().get(0).orderId());
        assertNull(res.orders().get(0).error());
        assertAmount("2", res.orders().get(0).remainingCount());
        assertEquals("b-bad", res.orders().get(1).clientOrderId());
        assertEquals("invalid_parameters", res.orders().get(1).error().code());
        assertNull(res.orders().get(1).orderId());
        assertNull(res.orders().get(2).error());
        assertEquals("invalid_parameters", res.orders().get(3).error().code(), "there is no shard 7");
        assertEquals(2, alice.orders().getOrders(p -> p.status("resting")).orders().size());
    }

    @Test
    void batchCancelCancelsEachOrderOnItsOwn_anUnknownOneFailsAlone() {
        CreateOrderV2Response bid = alice.orders().createOrderV2(order("bid", "3", "0.30").clientOrderId("c-1").build());

        BatchCancelOrdersV2Response res = alice.orders().batchCancelOrdersV2(BatchCancelOrdersV2Request.builder()
                .orders(List.of(
                        BatchCancelOrdersV2RequestOrdersInner.builder().orderId(bid.orderId()).marketTicker(MARKET).build(),
                        BatchCancelOrdersV2RequestOrdersInner.builder().orderId("unknown").build()))
                .build());

        assertEquals(bid.orderId(), res.orders().get(0).orderId());
        assertEquals("c-1", res.orders().get(0).clientOrderId());
        assertAmount("3", res.orders().get(0).reducedBy());
        assertNull(res.orders().get(0).error());
        assertEquals("unknown", res.orders().get(1).orderId());
        assertAmount("0", res.orders().get(1).reducedBy());
        assertEquals("order_not_found", res.orders().get(1).error().code());
    }

    @Test
    void aSubaccountOrShardTheExchangeDoesNotHaveIsABadRequest() {
        KalshiApiException sub = assertThrows(KalshiApiException.class,
                () -> alice.orders().createOrderV2(order("bid", "1", "0.10").subaccount(2).build()));
        KalshiApiException shard = assertThrows(KalshiApiException.class,
                () -> alice.orders().createOrderV2(order("bid", "1", "0.10").exchangeIndex(3).build()));

        assertEquals(400, sub.statusCode());
        assertEquals(400, shard.statusCode());
        assertTrue(alice.orders().getOrders().orders().isEmpty());
    }

    @Test
    void theLegacyOrderEntryIsNotServed() throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(exchange.restUrl() + "/portfolio/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticker\":\"" + MARKET + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // Only GetOrders lives at /portfolio/orders now.
        assertEquals(405, res.statusCode(), res.body());
        assertTrue(exchange.modeledOperations().containsAll(List.of("CreateOrderV2", "BatchCreateOrdersV2",
                "AmendOrderV2", "DecreaseOrderV2", "CancelOrderV2", "BatchCancelOrdersV2", "CancelAllOrders")));
    }
}
