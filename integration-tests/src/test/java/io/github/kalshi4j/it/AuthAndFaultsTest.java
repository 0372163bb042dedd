package io.github.kalshi4j.it;

import io.github.kalshi4j.api.MarketsApi;
import io.github.kalshi4j.api.OrdersApi;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.transport.RequestOptions;
import io.github.kalshi4j.errors.KalshiAuthException;
import io.github.kalshi4j.errors.KalshiDecodeException;
import io.github.kalshi4j.errors.KalshiNetworkException;
import io.github.kalshi4j.errors.KalshiRateLimitException;
import io.github.kalshi4j.errors.KalshiUnauthorizedException;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.ws.ConnectionState;
import io.github.kalshi4j.ws.KalshiWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication exactly as Kalshi checks it, and the client's behaviour under injected faults. */
class AuthAndFaultsTest {

    private static SpecCheckedExchange checked;
    private static LocalKalshiExchange exchange;
    private static String user;

    @BeforeAll
    static void start() {
        checked = SpecCheckedExchange.start();
        exchange = checked.exchange;
        user = exchange.userIds().get(0);
    }

    @AfterAll
    static void stop() {
        checked.close();
        checked.assertAllResponsesConform();
    }

    private static KalshiClient clientWithWaits(List<Duration> waits) {
        LocalKalshiExchange.Credentials c = exchange.credentials(user);
        return KalshiClient.builder().config(exchange.clientConfig()).credentials(c.keyId(), c.privateKeyPem())
                .sleeper(waits::add).jitter(() -> 0.0).build();
    }

    @Test
    void wrongSignature_gets401() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String otherKey = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try (KalshiClient forger = KalshiClient.builder().config(exchange.clientConfig())
                .credentials(exchange.credentials(user).keyId(), otherKey).build()) {
            KalshiUnauthorizedException e = assertThrows(KalshiUnauthorizedException.class, () -> forger.portfolio().getBalance());
            assertEquals("authentication_error", e.errorCode());
        }
    }

    @Test
    void wrongKeyOnTheWebSocket_failsConnectAtOnce_withAnAuthExceptionNamingTheKeyId() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String otherKey = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String keyId = exchange.credentials(user).keyId();
        try (KalshiClient forger = KalshiClient.builder().config(exchange.clientConfig())
                .credentials(keyId, otherKey).build()) {
            KalshiWebSocket ws = forger.ws();
            List<Throwable> reported = new CopyOnWriteArrayList<>();
            ws.onError(reported::add);
            long started = System.nanoTime();
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> ws.connect().get(10, TimeUnit.SECONDS));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            KalshiAuthException auth = assertInstanceOf(KalshiAuthException.class, e.getCause());
            assertTrue(tookMillis < 5_000, "took " + tookMillis + " ms");
            assertTrue(auth.getMessage().contains(keyId) && auth.getMessage().contains("401"), auth.getMessage());
            assertTrue(reported.contains(auth), "onError heard it: " + reported);
            assertEquals(ConnectionState.CLOSED, ws.state());
        }
    }

    @Test
    void staleTimestamp_gets401() {
        LocalKalshiExchange.Credentials c = exchange.credentials(user);
        Clock fiveMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        try (KalshiClient late = KalshiClient.builder().config(exchange.clientConfig())
                .credentials(c.keyId(), c.privateKeyPem()).clock(fiveMinutesAgo).build()) {
            assertThrows(KalshiUnauthorizedException.class, () -> late.portfolio().getBalance());
        }
    }

    @Test
    void rateLimitedGet_isRetriedAfterRetryAfter_thenSucceeds() {
        List<Duration> waits = new ArrayList<>();
        exchange.faults().next(2, "GET", "/markets").rateLimited(Duration.ofSeconds(2));
        try (KalshiClient client = clientWithWaits(waits)) {
            var response = client.markets().getMarketsWithResponse(MarketsApi.GetMarketsParams.builder().limit(5L).build(), RequestOptions.NONE);
            assertEquals(200, response.statusCode());
            assertEquals(3, response.attempts());
            assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), waits);
        }
    }

    @Test
    void rateLimitedPost_isNotRetried_andReportsRetryAfter() {
        exchange.faults().next(1, "POST", "/portfolio/events/orders").rateLimited(Duration.ofSeconds(3));
        try (KalshiClient client = clientWithWaits(new ArrayList<>())) {
            KalshiRateLimitException e = assertThrows(KalshiRateLimitException.class, () -> client.orders().createOrderV2(
                    V2Orders.buy("X", "yes", "1", "0.01").build()));
            assertEquals(1, e.attempts());
            assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
        }
    }

    @Test
    void serverErrorsOnGet_areRetriedWithExponentialBackoff() {
        List<Duration> waits = new ArrayList<>();
        exchange.faults().next(2, "GET", "/exchange/status").status(503);
        try (KalshiClient client = clientWithWaits(waits)) {
            assertTrue(client.exchange().getExchangeStatus().exchangeActive());
            // jitter 0 gives half of each ceiling: 0.5 s -> 250 ms, 1 s -> 500 ms.
            assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), waits);
        }
    }

    @Test
    void connectionResetMidBody_onGet_isRetried() {
        exchange.faults().next(1, "GET", "/markets").resetMidBody();
        try (KalshiClient client = clientWithWaits(new ArrayList<>())) {
            var response = client.markets().getMarketsWithResponse(MarketsApi.GetMarketsParams.builder().limit(3L).build(), RequestOptions.NONE);
            assertEquals(2, response.attempts());
        }
    }

    @Test
    void createOrderWhoseAnswerIsLost_withSafeRetry_returnsTheOrderThatLanded_andPlacesNoDuplicate() {
        String ticker = openMarket();
        String clientOrderId = UUID.randomUUID().toString();
        // The exchange books the order, then the connection drops halfway through the answer.
        exchange.faults().next(1, "POST", "/portfolio/events/orders").resetMidBody();
        LocalKalshiExchange.Credentials c = exchange.credentials(user);
        try (KalshiClient client = KalshiClient.builder().config(exchange.clientConfig()).credentials(c.keyId(), c.privateKeyPem())
                .sleeper(d -> { }).jitter(() -> 0.0).safeOrderRetry(true).build()) {
            CreateOrderV2Response order = client.orders().createOrderV2(restingBuy(ticker, clientOrderId));
            assertEquals(clientOrderId, order.clientOrderId());
            assertEquals(1, ordersWithClientId(client, ticker, clientOrderId));
        }
    }

    @Test
    void createOrderWhoseAnswerIsLost_withoutSafeRetry_isNotResent() {
        String ticker = openMarket();
        String clientOrderId = UUID.randomUUID().toString();
        exchange.faults().next(1, "POST", "/portfolio/events/orders").resetMidBody();
        try (KalshiClient client = clientWithWaits(new ArrayList<>())) {
            KalshiNetworkException e = assertThrows(KalshiNetworkException.class,
                    () -> client.orders().createOrderV2(restingBuy(ticker, clientOrderId)));
            assertEquals(1, e.attempts());
            // It landed once; the caller decides what to do, the SDK did not double it.
            assertEquals(1, ordersWithClientId(client, ticker, clientOrderId));
        }
    }

    @Test
    void aCallThatGetsNoPooledConnectionInTime_sentNothing_soEvenAPostIsRetried_andNothingLands() throws Exception {
        String ticker = openMarket();
        String clientOrderId = UUID.randomUUID().toString();
        exchange.faults().next(1, "GET", "/exchange/status").delay(Duration.ofSeconds(3));
        List<Duration> waits = new ArrayList<>();
        LocalKalshiExchange.Credentials c = exchange.credentials(user);
        try (KalshiClient client = KalshiClient.builder().config(exchange.clientConfig().toBuilder().maxConnections(1).build())
                .credentials(c.keyId(), c.privateKeyPem()).sleeper(waits::add).jitter(() -> 0.0).build()) {
            // The slow GET holds the pool's only connection for three seconds.
            CompletableFuture<?> slow = CompletableFuture.runAsync(() -> client.exchange().getExchangeStatus());
            Thread.sleep(1_000);
            RequestOptions quick = RequestOptions.builder().timeout(Duration.ofMillis(200)).build();
            KalshiNetworkException e = assertThrows(KalshiNetworkException.class,
                    () -> client.orders().createOrderV2(restingBuy(ticker, clientOrderId), quick));
            assertEquals(4, e.attempts(), "a request that never left the pool is retried like a connect failure");
            assertEquals(3, waits.size());
            slow.get(10, TimeUnit.SECONDS);
            assertEquals(0, ordersWithClientId(client, ticker, clientOrderId));
        }
    }

    @Test
    void createOrderAcceptedWithAGarbledAnswer_withSafeRetry_returnsTheOrderThatLanded() {
        String ticker = openMarket();
        String clientOrderId = UUID.randomUUID().toString();
        exchange.faults().next(1, "POST", "/portfolio/events/orders").malformedJson();
        LocalKalshiExchange.Credentials c = exchange.credentials(user);
        try (KalshiClient client = KalshiClient.builder().config(exchange.clientConfig()).credentials(c.keyId(), c.privateKeyPem())
                .sleeper(d -> { }).jitter(() -> 0.0).safeOrderRetry(true).build()) {
            CreateOrderV2Response order = client.orders().createOrderV2(restingBuy(ticker, clientOrderId));
            assertEquals(clientOrderId, order.clientOrderId());
            assertEquals(1, ordersWithClientId(client, ticker, clientOrderId));
        }
    }

    @Test
    void createOrderAcceptedWithAGarbledAnswer_withoutSafeRetry_saysTheOrderWasAccepted_andIsNotResent() {
        String ticker = openMarket();
        String clientOrderId = UUID.randomUUID().toString();
        exchange.faults().next(1, "POST", "/portfolio/events/orders").malformedJson();
        try (KalshiClient client = clientWithWaits(new ArrayList<>())) {
            KalshiDecodeException e = assertThrows(KalshiDecodeException.class,
                    () -> client.orders().createOrderV2(restingBuy(ticker, clientOrderId)));
            assertTrue(e.accepted() && e.getMessage().contains("the order was accepted"), e.getMessage());
            assertTrue(new String(e.body(), java.nio.charset.StandardCharsets.UTF_8).contains("this is not json"));
            assertEquals(1, ordersWithClientId(client, ticker, clientOrderId));
        }
    }

    @Test
    void aNulInAPathGets400AndAClosedConnection_andTheNextCreateOrderStillGoesOutOnceAndLands() {
        // Jetty answers a path with %00 with an HTML 400 and closes the connection without saying so; the
        // pooled connection must not be reused for the order that follows (it used to fail, unretried, with
        // NoHttpResponseException).
        String ticker = openMarket();
        try (KalshiClient client = KalshiClient.builder()
                .config(exchange.clientConfig().toBuilder().maxConnections(1).build())
                .credentials(exchange.credentials(user).keyId(), exchange.credentials(user).privateKeyPem())
                .sleeper(d -> { }).jitter(() -> 0.0).build()) {
            for (int round = 0; round < 3; round++) {
                assertThrows(io.github.kalshi4j.errors.KalshiBadRequestException.class,
                        () -> client.markets().getMarket("A\u0000B"));
                String clientOrderId = UUID.randomUUID().toString();
                var placed = client.orders().createOrderV2WithResponse(restingBuy(ticker, clientOrderId),
                        RequestOptions.NONE);
                assertEquals(1, placed.attempts());
                assertEquals(1, ordersWithClientId(client, ticker, clientOrderId));
            }
        }
    }

    private static String openMarket() {
        try (KalshiClient client = clientWithWaits(new ArrayList<>())) {
            return client.markets().getMarkets(MarketsApi.GetMarketsParams.builder().status("open").limit(1L).build())
                    .markets().get(0).ticker();
        }
    }

    private static CreateOrderV2Request restingBuy(String ticker, String clientOrderId) {
        return V2Orders.buy(ticker, "yes", "1", "0.0100").clientOrderId(clientOrderId).build();
    }

    private static long ordersWithClientId(KalshiClient client, String ticker, String clientOrderId) {
        return client.orders().getOrdersPages(OrdersApi.GetOrdersParams.builder().ticker(ticker).build()).stream()
                .filter(o -> clientOrderId.equals(o.clientOrderId())).count();
    }

    @Test
    void malformedJson_raisesDecodeExceptionNamingTheOperation() {
        exchange.faults().next(1, "GET", "/markets").malformedJson();
        try (KalshiClient client = clientWithWaits(new ArrayList<>())) {
            KalshiDecodeException e = assertThrows(KalshiDecodeException.class, () -> client.markets().getMarkets());
            assertEquals("GetMarkets", e.operationId());
        }
    }

    @Test
    void nullArrays_readAsEmptyLists() {
        exchange.faults().next(1, "GET", "/markets").nullArrays();
        try (KalshiClient client = clientWithWaits(new ArrayList<>())) {
            GetMarketsResponse r = client.markets().getMarkets();
            assertEquals(List.of(), r.markets());
        }
    }

    @Test
    void exhaustedRetries_reportAttempts() {
        exchange.faults().next(4, "GET", "/exchange/status").status(502);
        try (KalshiClient client = clientWithWaits(new ArrayList<>())) {
            var e = assertThrows(io.github.kalshi4j.errors.KalshiServerException.class,
                    () -> client.exchange().getExchangeStatus());
            assertEquals(4, e.attempts());
            assertEquals(502, e.statusCode());
        }
    }

    @Test
    void stoppedServer_givesNetworkException() {
        LocalKalshiExchange other = LocalKalshiExchange.builder().start();
        KalshiClient client = KalshiClient.builder().config(other.clientConfig().toBuilder().maxRetries(0).build()).build();
        other.close();
        try (client) {
            assertThrows(KalshiNetworkException.class, () -> client.exchange().getExchangeStatus());
        }
    }
}
