package io.github.kalshi4j.testsupport;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiClientBuilder;
import io.github.kalshi4j.model.CreateOrderRequest;
import io.github.kalshi4j.model.CreateOrderResponse;
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

    /** An order request that carries a caller-chosen client_order_id. */
    public static CreateOrderRequest orderRequest(String ticker, String clientOrderId) {
        return CreateOrderRequest.builder().ticker(ticker).clientOrderId(clientOrderId).side("yes").action("buy")
                .count("10").yesPrice("0.56").build();
    }

    /** The resting order the exchange made from {@link #orderRequest}. */
    public static Order order(String orderId, String ticker, String clientOrderId) {
        return Order.builder().orderId(orderId).userId("user-1").clientOrderId(clientOrderId).ticker(ticker)
                .side("yes").action("buy").type("limit").status("resting")
                .yesPriceDollars("0.5600").noPriceDollars("0.4400")
                .fillCountFp("0.00").remainingCountFp("10.00").initialCountFp("10.00")
                .takerFillCostDollars("0.000000").makerFillCostDollars("0.000000")
                .takerFeesDollars("0.000000").makerFeesDollars("0.000000")
                .build();
    }

    /** The CreateOrder answer for an order. */
    public static CreateOrderResponse created(Order order) {
        return CreateOrderResponse.builder().order(order).build();
    }

    /** A GetOrders page. */
    public static GetOrdersResponse orders(List<Order> orders, String cursor) {
        return GetOrdersResponse.builder().orders(orders).cursor(cursor).build();
    }
}
