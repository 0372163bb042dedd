package io.github.kalshi4j.client;

import io.github.kalshi4j.api.OrdersApi;
import io.github.kalshi4j.api.PortfolioApi;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.auth.RsaPssVerifier;
import io.github.kalshi4j.errors.KalshiAuthException;
import io.github.kalshi4j.errors.KalshiUnauthorizedException;
import io.github.kalshi4j.model.GetMarketResponse;
import io.github.kalshi4j.model.GetOrderResponse;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.RecordedRequest;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.LoopbackServer.SignatureStatus;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.testsupport.TestClock;
import io.github.kalshi4j.testsupport.TestCredentials;
import io.github.kalshi4j.testsupport.ThreadRecordingSigner;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kalshi's request signing, checked by a server that verifies every signature it receives. */
final class RequestSigningTest {

    private LoopbackServer server;

    @BeforeEach
    void startServer() {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void everyAuthenticatedRequestCarriesKeyIdMillisecondTimestampAndASignatureTheServerVerifies() {
        server.respond("GET", "/portfolio/balance", Reply.ok(Samples.balance()));
        TestClock clock = TestClock.fixed();
        try (KalshiClient client = Samples.client(server).clock(clock).build()) {
            assertEquals(12_345L, client.portfolio().getBalance().balance());
        }
        RecordedRequest r = server.onlyRequest();
        assertEquals(SignatureStatus.VALID, r.signature(), r.signatureProblem());
        assertEquals(TestCredentials.KEY_ID, r.header("KALSHI-ACCESS-KEY").orElseThrow());
        assertEquals(Long.toString(TestClock.START.toEpochMilli()), r.header("KALSHI-ACCESS-TIMESTAMP").orElseThrow());
        String signature = r.header("KALSHI-ACCESS-SIGNATURE").orElseThrow();
        assertTrue(signature.matches("[A-Za-z0-9+/]+={0,2}") && signature.length() % 4 == 0,
                "standard base64 with padding: " + signature);
    }

    @Test
    void signedPathIncludesTheTradeApiPrefixAndExcludesTheQuery() {
        server.respond("GET", "/portfolio/orders", Reply.ok(Samples.orders(List.of(), "")));
        try (KalshiClient client = Samples.client(server).clock(TestClock.fixed()).build()) {
            client.orders().getOrders(OrdersApi.GetOrdersParams.builder().ticker("KXTEST-1").status("resting")
                    .limit(50L).build());
        }
        RecordedRequest r = server.onlyRequest();
        assertEquals("/trade-api/v2/portfolio/orders", r.rawPath());
        assertEquals(List.of("KXTEST-1"), r.query("ticker"));
        assertEquals(List.of("50"), r.query("limit"));
        String timestamp = r.header("KALSHI-ACCESS-TIMESTAMP").orElseThrow();
        String signature = r.header("KALSHI-ACCESS-SIGNATURE").orElseThrow();
        // Checked here directly, independent of the server's own verdict.
        assertTrue(RsaPssVerifier.verify(signature, timestamp + "GET/trade-api/v2/portfolio/orders",
                TestCredentials.keyPair().getPublic()));
        assertFalse(RsaPssVerifier.verify(signature, timestamp + "GET/portfolio/orders",
                TestCredentials.keyPair().getPublic()), "the /trade-api/v2 prefix is part of the signed path");
        assertFalse(RsaPssVerifier.verify(signature, timestamp + "GET/trade-api/v2/portfolio/orders?" + r.rawQuery(),
                TestCredentials.keyPair().getPublic()), "the query is not part of the signed path");
    }

    @Test
    void baseUrlWithATrailingSlashStillSendsAndSignsASingleSlashPath() {
        server.respond("GET", "/portfolio/balance", Reply.ok(Samples.balance()));
        try (KalshiClient client = Samples.client(server).baseUrl(server.baseUrl() + "/").build()) {
            client.portfolio().getBalance();
        }
        RecordedRequest r = server.onlyRequest();
        assertEquals("/trade-api/v2/portfolio/balance", r.rawPath());
        assertEquals(SignatureStatus.VALID, r.signature(), r.signatureProblem());
    }

    @Test
    void concurrentCallsFromManyThreadsAreEachSignedCorrectly() throws Exception {
        server.respond("GET", "/portfolio/balance", Reply.ok(Samples.balance()));
        server.respond("GET", "/portfolio/orders/ord-7", Reply.ok(
                GetOrderResponse.builder().order(Samples.order("ord-7", "KX", null)).build()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (KalshiClient client = Samples.client(server).build()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(threads.submit(i % 2 == 0 ? () -> client.portfolio().getBalance()
                        : () -> client.orders().getOrder("ord-7")));
            }
            for (Future<?> f : calls) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(40, server.requestCount());
        server.requests().forEach(r -> assertEquals(SignatureStatus.VALID, r.signature(), r.signatureProblem()));
    }

    @Test
    void pathParametersWithSpaceAndSlashArePercentEncodedAndSignedExactlyAsSent() {
        String orderId = "ord 1/2";
        server.respond("GET", "/portfolio/orders/ord%201%2F2",
                Reply.ok(GetOrderResponse.builder().order(Samples.order(orderId, "KX", null)).build()));
        try (KalshiClient client = Samples.client(server).build()) {
            assertEquals(orderId, client.orders().getOrder(orderId).order().orderId());
        }
        RecordedRequest r = server.onlyRequest();
        assertEquals("/trade-api/v2/portfolio/orders/ord%201%2F2", r.rawPath(), "escapes reach the wire untouched");
        assertEquals(SignatureStatus.VALID, r.signature(), r.signatureProblem());
    }

    @Test
    void publicOperationWithAnEncodedTickerIsSentEncodedAndStillSignedByAnAuthenticatedClient() {
        server.respond("GET", "/markets/KX%20A%2FB",
                Reply.ok(GetMarketResponse.builder().market(Samples.market("KX A/B")).build()));
        try (KalshiClient client = Samples.client(server).build()) {
            assertEquals("KX A/B", client.markets().getMarket("KX A/B").market().ticker());
        }
        RecordedRequest r = server.onlyRequest();
        assertEquals("/trade-api/v2/markets/KX%20A%2FB", r.rawPath());
        assertEquals(SignatureStatus.VALID, r.signature(), r.signatureProblem());
    }

    @Test
    void everyRetryAttemptIsSignedAfreshWithANewTimestamp() {
        server.respond("GET", "/portfolio/balance",
                Reply.error(503, "service_unavailable", "busy"),
                Reply.error(503, "service_unavailable", "busy"),
                Reply.ok(Samples.balance()));
        // The clock moves a second per read, as real time would between attempts.
        TestClock clock = TestClock.advancingBy(Duration.ofSeconds(1));
        try (KalshiClient client = Samples.client(server).clock(clock).sleeper(new RecordingSleeper()).build()) {
            assertEquals(3, client.portfolio().getBalanceWithResponse(
                    PortfolioApi.GetBalanceParams.builder().build(), RequestOptions.NONE).attempts());
        }
        List<RecordedRequest> attempts = server.requests();
        assertEquals(3, attempts.size());
        attempts.forEach(r -> assertEquals(SignatureStatus.VALID, r.signature(), r.signatureProblem()));
        List<Long> timestamps = attempts.stream()
                .map(r -> Long.parseLong(r.header("KALSHI-ACCESS-TIMESTAMP").orElseThrow()))
                .collect(Collectors.toList());
        assertTrue(timestamps.get(0) < timestamps.get(1) && timestamps.get(1) < timestamps.get(2),
                "timestamps strictly increase: " + timestamps);
        assertEquals(3, new HashSet<>(attempts.stream().map(r -> r.header("KALSHI-ACCESS-SIGNATURE").orElseThrow())
                .collect(Collectors.toList())).size(), "each attempt has its own signature");
    }

    @Test
    void publicEndpointsWorkOnAnUnauthenticatedClientAndSendNoSigningHeaders() {
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()));
        server.respond("GET", "/markets", Reply.ok(Samples.marketsPage("KX", 0, 2, "")));
        try (KalshiClient client = Samples.unauthenticatedClient(server).build()) {
            assertFalse(client.isAuthenticated());
            assertTrue(client.exchange().getExchangeStatus().tradingActive());
            assertEquals(2, client.markets().getMarkets().markets().size());
        }
        assertEquals(2, server.requestCount());
        for (RecordedRequest r : server.requests()) {
            assertEquals(SignatureStatus.ABSENT, r.signature());
            assertTrue(r.header(RequestSignature.ACCESS_KEY).isEmpty());
        }
    }

    @Test
    void authenticatedOperationOnAnUnauthenticatedClientThrowsBeforeAnyIo() {
        try (KalshiClient client = Samples.unauthenticatedClient(server).build()) {
            KalshiAuthException blocking = assertThrows(KalshiAuthException.class, () -> client.portfolio().getBalance());
            assertTrue(blocking.getMessage().contains("GetBalance"), blocking.getMessage());
            assertTrue(blocking.getMessage().contains("KALSHI_KEY_ID"), "tells how to fix it: " + blocking.getMessage());
            // The async form refuses in the calling thread too, rather than failing a future later.
            assertThrows(KalshiAuthException.class, () -> client.async().portfolio().getBalance());
        }
        assertEquals(0, server.requestCount());
    }

    @Test
    void requestSignedWithAnotherKeyIsRejectedWithKalshis401AuthenticationError() {
        server.respond("GET", "/portfolio/balance", Reply.ok(Samples.balance()));
        String otherPem = TestCredentials.pkcs8Pem(TestCredentials.otherKeyPair());
        try (KalshiClient client = Samples.client(server).credentials(TestCredentials.KEY_ID, otherPem)
                .sleeper(new RecordingSleeper()).build()) {
            KalshiUnauthorizedException e = assertThrows(KalshiUnauthorizedException.class,
                    () -> client.portfolio().getBalance());
            assertEquals(401, e.statusCode());
            assertEquals("authentication_error", e.errorCode());
            assertEquals(1, e.attempts(), "a 401 is not retried");
        }
        assertEquals(SignatureStatus.INVALID, server.onlyRequest().signature());
    }

    @Test
    void asyncSigningRunsOnKalshiWorkerThreadsNeverOnAnHttpClientIoThread() {
        server.respond("GET", "/portfolio/balance",
                Reply.error(503, "service_unavailable", "busy"), Reply.ok(Samples.balance()));
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()));
        ThreadRecordingSigner signer = new ThreadRecordingSigner(
                RsaPssSigner.fromPem(TestCredentials.KEY_ID, TestCredentials.privateKeyPem()));
        // A real (tiny) backoff, so the retry goes through the async scheduler rather than an injected sleeper.
        KalshiConfig config = KalshiConfig.builder().baseUrl(server.baseUrl())
                .backoffBase(Duration.ofMillis(1)).backoffCap(Duration.ofMillis(2)).build();
        try (KalshiAsyncClient client = KalshiClient.builder().config(config).signer(signer).buildAsync()) {
            CompletableFuture<?>[] calls = new CompletableFuture<?>[6];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = i == 0 ? client.portfolio().getBalance() : client.exchange().getExchangeStatus();
            }
            CompletableFuture.allOf(calls).join();
        }
        List<String> threads = signer.threads();
        assertEquals(7, threads.size(), "six calls plus one retry: " + threads);
        for (String t : threads) {
            assertFalse(t.startsWith("httpclient-dispatch"), "signed on an HttpClient I/O thread: " + threads);
            assertTrue(t.startsWith("kalshi4j-worker"), "signed on a kalshi4j worker: " + threads);
        }
        server.requests().forEach(r -> assertEquals(SignatureStatus.VALID, r.signature(), r.signatureProblem()));
    }
}
