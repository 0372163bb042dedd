package io.github.kalshi4j.testsupport;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiClientBuilder;
import io.github.kalshi4j.model.BatchCreateOrdersV2Request;
import io.github.kalshi4j.model.BatchCreateOrdersV2Response;
import io.github.kalshi4j.model.BatchCreateOrdersV2ResponseOrdersInner;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.ExchangeStatus;
import io.github.kalshi4j.model.GetBalanceResponse;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.GetOrdersResponse;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.Order;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Response bodies built from the generated models, and client builders aimed at a loopback server. */
public final class Samples {

    /** Where CreateOrderV2 and BatchCreateOrdersV2 live, relative to {@link LoopbackServer#API_PREFIX}. */
    public static final String ORDERS_V2 = "/portfolio/events/orders";
    /** BatchCreateOrdersV2 (POST) and BatchCancelOrdersV2 (DELETE). */
    public static final String ORDERS_V2_BATCHED = "/portfolio/events/orders/batched";
    /** GetOrders: what safe order retry looks orders up with. */
    public static final String GET_ORDERS = "/portfolio/orders";

    /** The matching engine's clock in the sample answers: 2026-01-15T12:00:00Z. */
    public static final long TS_MS = 1_768_478_400_000L;

    private Samples() {
    }

    /**
     * A builder for an authenticated client on {@code server}, with a constant jitter of 0.5 so backoff is exact.
     * Tests add a sleeper (so no test ever really waits) and a clock as they need.
     */
    public static KalshiClientBuilder client(LoopbackServer server) {
        return KalshiClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(TestCredentials.KEY_ID, TestCredentials.privateKeyPem())
                .jitter(() -> 0.5);
    }

    /** A builder for a client on {@code server} with no credentials. */
    public static KalshiClientBuilder unauthenticatedClient(LoopbackServer server) {
        return KalshiClient.builder().baseUrl(server.baseUrl()).jitter(() -> 0.5);
    }

    /** The exchange is up and trading. */
    public static ExchangeStatus exchangeStatus() {
        return ExchangeStatus.builder().exchangeActive(true).tradingActive(true).build();
    }

    /** A balance of $123.45 in integer cents, as Kalshi sends it. */
    public static GetBalanceResponse balance() {
        return GetBalanceResponse.builder().balance(12_345L).portfolioValue(20_000L).updatedTs(1_768_478_400L).build();
    }

    /** An open market. */
    public static Market market(String ticker) {
        return Market.builder().ticker(ticker).eventTicker("KXTEST-26JAN15").title("Test market " + ticker)
                .status("active").yesBidDollars("0.5600").yesAskDollars("0.5800").volumeFp("1200.00").build();
    }

    /** A page of markets {@code prefix-from .. prefix-(to-1)} with the given next cursor (null on the last page). */
    public static GetMarketsResponse marketsPage(String prefix, int from, int to, String cursor) {
        List<Market> markets = IntStream.range(from, to).mapToObj(i -> market(prefix + "-" + i))
                .collect(Collectors.toList());
        return GetMarketsResponse.builder().markets(markets).cursor(cursor).build();
    }

    /**
     * A CreateOrderV2 request for a resting bid of 10 contracts at $0.56, carrying a caller-chosen
     * client_order_id (null: none).
     */
    public static CreateOrderV2Request orderRequest(String ticker, String clientOrderId) {
        return CreateOrderV2Request.builder().ticker(ticker).clientOrderId(clientOrderId).side("bid")
                .count("10").price("0.56").timeInForce("good_till_canceled")
                .selfTradePreventionType("taker_at_cross").build();
    }

    /** A BatchCreateOrdersV2 request of the given orders, in order. */
    public static BatchCreateOrdersV2Request batchRequest(CreateOrderV2Request... orders) {
        return BatchCreateOrdersV2Request.builder().orders(List.of(orders)).build();
    }

    /** The resting order the exchange made from {@link #orderRequest}, as GetOrders lists it. */
    public static Order order(String orderId, String ticker, String clientOrderId) {
        return Order.builder().orderId(orderId).userId("user-1").clientOrderId(clientOrderId).ticker(ticker)
                .outcomeSide("yes").bookSide("bid").type("limit").status("resting")
                .yesPriceDollars("0.5600").noPriceDollars("0.4400")
                .fillCountFp("0.00").remainingCountFp("10.00").initialCountFp("10.00")
                .takerFillCostDollars("0.000000").makerFillCostDollars("0.000000")
                .takerFeesDollars("0.000000").makerFeesDollars("0.000000")
                .selfTradePreventionType("taker_at_cross")
                .build();
    }

    /** The CreateOrderV2 answer for an order that went to rest unfilled. */
    public static CreateOrderV2Response created(Order order) {
        return CreateOrderV2Response.builder().orderId(order.orderId()).clientOrderId(order.clientOrderId())
                .fillCount(order.fillCountFp()).remainingCount(order.remainingCountFp()).tsMs(TS_MS).build();
    }

    /** The BatchCreateOrdersV2 answer for orders that all went to rest unfilled, in request order. */
    public static BatchCreateOrdersV2Response batchCreated(List<Order> orders) {
        return BatchCreateOrdersV2Response.builder().orders(orders.stream()
                .map(o -> BatchCreateOrdersV2ResponseOrdersInner.builder().orderId(o.orderId())
                        .clientOrderId(o.clientOrderId()).fillCount(o.fillCountFp())
                        .remainingCount(o.remainingCountFp()).tsMs(TS_MS).build())
                .collect(Collectors.toList())).build();
    }

    /** A GetOrders page. */
    public static GetOrdersResponse orders(List<Order> orders, String cursor) {
        return GetOrdersResponse.builder().orders(orders).cursor(cursor).build();
    }
}
