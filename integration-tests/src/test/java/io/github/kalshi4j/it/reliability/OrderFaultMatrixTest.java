package io.github.kalshi4j.it.reliability;

import io.github.kalshi4j.api.MarketsApi;
import io.github.kalshi4j.api.OrdersApi;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.testkit.Faults;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fault the local exchange can inject on {@code POST /portfolio/events/orders} (CreateOrderV2), through the
 * blocking and the async client, with safe order retry on and off: whatever the call ends in, the exchange holds at
 * most one order for its {@code client_order_id}, and a call that returns an order placed exactly one.
 */
@Tag(Reliability.TAG)
class OrderFaultMatrixTest {

    /** The answer of a delayed create arrives after the client stopped waiting for it. */
    private static final Duration DELAY = Duration.ofMillis(1_500);
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(400);

    private static LocalKalshiExchange exchange;
    private static String user;
    private static String ticker;

    @BeforeAll
    static void start() {
        exchange = LocalKalshiExchange.builder().start();
        user = exchange.userIds().get(0);
        try (KalshiClient client = client(false)) {
            ticker = client.markets().getMarkets(MarketsApi.GetMarketsParams.builder().status("open").limit(1L).build())
                    .markets().get(0).ticker();
        }
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    private static KalshiClient client(boolean safeRetry) {
        LocalKalshiExchange.Credentials c = exchange.credentials(user);
        return KalshiClient.builder().config(exchange.clientConfig()).credentials(c.keyId(), c.privateKeyPem())
                .sleeper(d -> { }).jitter(() -> 0.0).safeOrderRetry(safeRetry).build();
    }

    private static void arm(Faults.Kind kind) {
        Faults.Arming next = exchange.faults().next(1, "POST", "/portfolio/events/orders");
        switch (kind) {
            case RATE_LIMITED -> next.rateLimited(Duration.ofSeconds(1));
            case STATUS -> next.status(500);
            case DELAY -> next.delay(DELAY);
            case RESET_MID_BODY -> next.resetMidBody();
            case MALFORMED_JSON -> next.malformedJson();
            case NULL_ARRAYS -> next.nullArrays();
            case NULL_INNER_ARRAYS -> next.nullInnerArrays();
            default -> throw new AssertionError("a fault kind the matrix does not arm yet: " + kind);
        }
    }

    @Test
    void everyInjectedFault_blockingAndAsync_safeRetryOnAndOff_neverPlacesASecondOrder() throws Exception {
        List<String> problems = new ArrayList<>();
        int cases = 0;
        int returned = 0;
        int threw = 0;
        int duplicated = 0;
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Faults.Kind kind : Faults.Kind.values()) {
            for (boolean async : new boolean[] {false, true}) {
                for (boolean safeRetry : new boolean[] {false, true}) {
                    String label = kind + (async ? " async" : " blocking") + (safeRetry ? " safe-retry" : "");
                    String clientOrderId = UUID.randomUUID().toString();
                    CreateOrderV2Request request = CreateOrderV2Request.builder().ticker(ticker).side("bid").count("1")
                            .price(new BigDecimal("0.0100")).timeInForce("good_till_canceled")
                            .selfTradePreventionType("taker_at_cross").clientOrderId(clientOrderId).build();
                    RequestOptions options = RequestOptions.builder().timeout(CLIENT_TIMEOUT).build();
                    exchange.faults().clear();
                    arm(kind);
                    cases++;
                    CreateOrderV2Response order = null;
                    String outcome;
                    try (KalshiClient client = client(safeRetry)) {
                        order = async ? client.async().orders().createOrderV2(request, options).get(30, TimeUnit.SECONDS)
                                : client.orders().createOrderV2(request, options);
                        outcome = "returned";
                        returned++;
                    } catch (KalshiException e) {
                        outcome = e.getClass().getSimpleName();
                        threw++;
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof KalshiException) {
                            outcome = e.getCause().getClass().getSimpleName();
                            threw++;
                        } else {
                            outcome = "non-SDK " + e.getCause();
                            problems.add(label + ": " + Reliability.describe(e.getCause()));
                        }
                    } catch (RuntimeException | Error e) {
                        outcome = "non-SDK " + e;
                        problems.add(label + ": " + Reliability.describe(e));
                    }
                    if (kind == Faults.Kind.DELAY) {
                        // The delayed original is still on its way in; count once it has surely landed.
                        Thread.sleep(DELAY.toMillis() + 500);
                    }
                    long onExchange = ordersWithClientId(clientOrderId);
                    if (onExchange > 1) {
                        duplicated++;
                        problems.add(label + ": " + onExchange + " orders for one client_order_id");
                    }
                    if (order != null && (onExchange != 1 || !clientOrderId.equals(order.clientOrderId()))) {
                        problems.add(label + ": returned an order, " + onExchange + " on the exchange");
                    }
                    figures.put("case." + label.replace(' ', '.'), outcome + ", " + onExchange + " on the exchange");
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("faultKinds", Faults.Kind.values().length);
        summary.put("cases", cases);
        summary.put("returnedAnOrder", returned);
        summary.put("threwAKalshiException", threw);
        summary.put("ordersDuplicated", duplicated);
        summary.put("defects", problems.size());
        summary.putAll(figures);
        Reliability.record("order-faults", summary);
        assertTrue(problems.isEmpty(), String.valueOf(problems));
    }

    private static long ordersWithClientId(String clientOrderId) {
        try (KalshiClient client = client(false)) {
            return client.orders().getOrdersPages(OrdersApi.GetOrdersParams.builder().ticker(ticker).build()).stream()
                    .filter(o -> clientOrderId.equals(o.clientOrderId())).count();
        }
    }
}
