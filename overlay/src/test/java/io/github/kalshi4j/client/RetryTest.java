package io.github.kalshi4j.client;

import io.github.kalshi4j.api.PortfolioApi;
import io.github.kalshi4j.errors.KalshiBadRequestException;
import io.github.kalshi4j.errors.KalshiNetworkException;
import io.github.kalshi4j.errors.KalshiRateLimitException;
import io.github.kalshi4j.errors.KalshiServerException;
import io.github.kalshi4j.errors.KalshiTimeoutException;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.ExchangeStatus;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.testsupport.TestClock;
import io.github.kalshi4j.testsupport.TestCredentials;
import io.github.kalshi4j.transport.ApiResponse;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the client retries and how long it waits. Waits go through a recording sleeper, so the exact backoff is
 * asserted and the suite never sleeps; the jitter is the constant 0.5.
 */
final class RetryTest {

    private static final double JITTER = 0.5;
    private static final Reply BUSY = Reply.error(503, "service_unavailable", "try again");
    private static final Reply BROKEN = Reply.error(500, "internal_server_error", "oops");

    private LoopbackServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void startServer() {
        server = LoopbackServer.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /**
     * RetryPolicy's documented backoff, recomputed here: retry n waits min(cap, base * 2^(n-1)) jittered to
     * ceiling/2 + u * (ceiling - ceiling/2).
     */
    private static Duration expectedBackoff(int retry, Duration base, Duration cap, double u) {
        long ceiling = Math.min(cap.toNanos(), base.toNanos() * (1L << (retry - 1)));
        return Duration.ofNanos(ceiling / 2 + (long) (u * (ceiling - ceiling / 2)));
    }

    private static Duration defaultBackoff(int retry) {
        return expectedBackoff(retry, Duration.ofMillis(500), Duration.ofSeconds(30), JITTER);
    }

    @Test
    void getAnswered503Then200IsRetriedOnceAfterTheJitteredFirstBackoff() {
        server.respond("GET", "/exchange/status", BUSY, Reply.ok(Samples.exchangeStatus()));
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            ApiResponse<ExchangeStatus> r = client.exchange().getExchangeStatusWithResponse(RequestOptions.NONE);
            assertEquals(2, r.attempts());
            assertTrue(r.body().tradingActive());
        }
        assertEquals(List.of(Duration.ofMillis(375)), sleeper.waits(), "0.5 s ceiling, equal jitter at u = 0.5");
        assertEquals(List.of(defaultBackoff(1)), sleeper.waits());
        assertEquals(2, server.requestCount());
    }

    @Test
    void backoffDoublesWithEachRetry() {
        server.respond("GET", "/exchange/status", BUSY, BROKEN, Reply.text(502, "text/plain", "bad gateway"),
                Reply.ok(Samples.exchangeStatus()));
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            assertEquals(4, client.exchange().getExchangeStatusWithResponse(RequestOptions.NONE).attempts());
        }
        assertEquals(List.of(defaultBackoff(1), defaultBackoff(2), defaultBackoff(3)), sleeper.waits());
        assertEquals(List.of(Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(1500)), sleeper.waits());
    }

    @Test
    void backoffNeverExceedsTheCap() {
        server.respond("GET", "/exchange/status", BUSY);
        Duration base = Duration.ofSeconds(4);
        Duration cap = Duration.ofSeconds(10);
        KalshiConfig config = KalshiConfig.builder().baseUrl(server.baseUrl()).maxRetries(4)
                .backoffBase(base).backoffCap(cap).build();
        try (KalshiClient client = Samples.client(server).config(config).sleeper(sleeper).build()) {
            assertThrows(KalshiServerException.class, () -> client.exchange().getExchangeStatus());
        }
        // Ceilings 4, 8, 10 (capped from 16), 10 (capped from 32) seconds.
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofMillis(7500),
                Duration.ofMillis(7500)), sleeper.waits());
        for (int n = 1; n <= 4; n++) {
            assertEquals(expectedBackoff(n, base, cap, JITTER), sleeper.waits().get(n - 1));
        }
    }

    @Test
    void rateLimitedGetWaitsExactlyTheRetryAfterSeconds() {
        server.respond("GET", "/exchange/status",
                Reply.error(429, "too_many_requests", "slow down").header("Retry-After", "2"),
                Reply.ok(Samples.exchangeStatus()));
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            assertEquals(2, client.exchange().getExchangeStatusWithResponse(RequestOptions.NONE).attempts());
        }
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits());
    }

    @Test
    void rateLimitedGetWithoutRetryAfterFallsBackToBackoff() {
        server.respond("GET", "/exchange/status", Reply.error(429, "too_many_requests", "slow down"),
                Reply.ok(Samples.exchangeStatus()));
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            client.exchange().getExchangeStatus();
        }
        assertEquals(List.of(defaultBackoff(1)), sleeper.waits());
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromTheInjectedClock() {
        TestClock clock = TestClock.fixed();
        String inSevenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(TestClock.START.plusSeconds(7).atOffset(ZoneOffset.UTC));
        server.respond("GET", "/exchange/status", BUSY.header("Retry-After", inSevenSeconds),
                Reply.ok(Samples.exchangeStatus()));
        try (KalshiClient client = Samples.client(server).clock(clock).sleeper(sleeper).build()) {
            client.exchange().getExchangeStatus();
        }
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits());
    }

    @Test
    void postAnswered500IsNotRetriedBecauseTheOrderMayExist() {
        server.respond("POST", Samples.ORDERS_V2, BROKEN);
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            KalshiServerException e = assertThrows(KalshiServerException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest("KXTEST-1", "coid-1")));
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void postAnswered503WithRetryAfterIsStillNotRetried() {
        server.respond("POST", Samples.ORDERS_V2, BUSY.header("Retry-After", "1"));
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            assertThrows(KalshiServerException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest("KXTEST-1", "coid-1")));
        }
        assertEquals(1, server.requestCount());
    }

    @Test
    void postToAPortThatRefusesTheConnectionIsRetriedBecauseNothingWasSent() throws IOException {
        int port = ErrorMappingTest.closedPort();
        AtomicReference<LoopbackServer> late = new AtomicReference<>();
        // The exchange comes up while the client waits before its second attempt.
        RecordingSleeper startsServer = new RecordingSleeper(n -> {
            if (n == 1) {
                LoopbackServer s = LoopbackServer.start(TestCredentials.keyPair()
                        .getPublic(), TestCredentials.KEY_ID, port);
                s.respond("POST", Samples.ORDERS_V2, Reply.json(201,
                        Samples.created(Samples.order("ord-1", "KXTEST-1", "coid-1"))));
                late.set(s);
            }
        });
        String base = "http://127.0.0.1:" + port + "/trade-api/v2";
        try (KalshiClient client = Samples.client(server).baseUrl(base).sleeper(startsServer).build()) {
            CreateOrderV2Response r = client.orders().createOrderV2(Samples.orderRequest("KXTEST-1", "coid-1"));
            assertEquals("ord-1", r.orderId());
        } finally {
            if (late.get() != null) {
                late.get().close();
            }
        }
        assertEquals(List.of(defaultBackoff(1)), startsServer.waits());
        assertEquals(1, late.get().count("POST", Samples.ORDERS_V2));
    }

    @Test
    void getThatExhaustsMaxRetriesReportsMaxRetriesPlusOneAttempts() {
        server.respond("GET", "/exchange/status", BROKEN);
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            KalshiServerException e = assertThrows(KalshiServerException.class,
                    () -> client.exchange().getExchangeStatus());
            assertEquals(4, e.attempts(), "default maxRetries 3 + the first attempt");
            assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
        }
        assertEquals(4, server.requestCount());
        assertEquals(List.of(defaultBackoff(1), defaultBackoff(2), defaultBackoff(3)), sleeper.waits());
    }

    @Test
    void getToAClosedPortExhaustsRetriesWithANetworkException() throws IOException {
        int port = ErrorMappingTest.closedPort();
        try (KalshiClient client = KalshiClient.builder().baseUrl("http://127.0.0.1:" + port + "/trade-api/v2")
                .jitter(() -> JITTER).sleeper(sleeper).build()) {
            KalshiNetworkException e = assertThrows(KalshiNetworkException.class,
                    () -> client.exchange().getExchangeStatus());
            assertEquals(4, e.attempts());
        }
        assertEquals(3, sleeper.waits().size());
    }

    @Test
    void getWhoseConnectionDropsIsRetried() {
        server.respond("GET", "/exchange/status", Reply.dropConnection(), Reply.ok(Samples.exchangeStatus()));
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            assertEquals(2, client.exchange().getExchangeStatusWithResponse(RequestOptions.NONE).attempts());
        }
        assertEquals(2, server.requestCount());
    }

    @Test
    void getThatTimesOutIsRetriedAndTheNextAttemptSucceeds() {
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()).delay(Duration.ofSeconds(3)),
                Reply.ok(Samples.exchangeStatus()));
        RequestOptions fast = RequestOptions.builder().timeout(Duration.ofMillis(200)).build();
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            assertEquals(2, client.exchange().getExchangeStatusWithResponse(fast).attempts());
        }
        assertEquals(List.of(defaultBackoff(1)), sleeper.waits());
    }

    @Test
    void postThatTimesOutIsNotRetried() {
        server.respond("POST", Samples.ORDERS_V2, Reply.json(201,
                Samples.created(Samples.order("ord-1", "KXTEST-1", "coid-1"))).delay(Duration.ofSeconds(3)));
        RequestOptions fast = RequestOptions.builder().timeout(Duration.ofMillis(200)).build();
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            KalshiTimeoutException e = assertThrows(KalshiTimeoutException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest("KXTEST-1", "coid-1"), fast));
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.requestCount());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void perCallMaxRetriesZeroDisablesRetries() {
        server.respond("GET", "/exchange/status", BUSY, Reply.ok(Samples.exchangeStatus()));
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            KalshiServerException e = assertThrows(KalshiServerException.class,
                    () -> client.exchange().getExchangeStatus(RequestOptions.builder().maxRetries(0).build()));
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.requestCount());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void perCallMaxRetriesOverridesTheConfiguredBudget() {
        server.respond("GET", "/portfolio/balance", BUSY);
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            KalshiServerException e = assertThrows(KalshiServerException.class,
                    () -> client.portfolio().getBalance(PortfolioApi.GetBalanceParams.builder().build(),
                            RequestOptions.builder().maxRetries(1).build()));
            assertEquals(2, e.attempts());
        }
        assertEquals(2, server.requestCount());
    }

    @Test
    void configuredMaxRetriesZeroMakesEveryCallSingleShot() {
        server.respond("GET", "/exchange/status", BUSY, Reply.ok(Samples.exchangeStatus()));
        KalshiConfig config = KalshiConfig.builder().baseUrl(server.baseUrl()).maxRetries(0).build();
        try (KalshiClient client = Samples.client(server).config(config).sleeper(sleeper).build()) {
            assertThrows(KalshiServerException.class, () -> client.exchange().getExchangeStatus());
        }
        assertEquals(1, server.requestCount());
    }

    @Test
    void clientErrorsAreNeverRetried() {
        server.respond("GET", "/exchange/status", Reply.error(400, "invalid_parameters", "bad"));
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            assertThrows(KalshiBadRequestException.class,
                    () -> client.exchange().getExchangeStatus());
        }
        assertEquals(1, server.requestCount());
        assertEquals(List.of(), sleeper.waits());
    }

    // ---------------------------------------------------------------- async twins

    @Test
    void asyncGetAnswered503Then200RetriesWithTheSameWait() {
        server.respond("GET", "/exchange/status", BUSY, Reply.ok(Samples.exchangeStatus()));
        try (KalshiAsyncClient client = Samples.client(server).sleeper(sleeper).buildAsync()) {
            assertEquals(2, client.exchange().getExchangeStatusWithResponse(RequestOptions.NONE).join().attempts());
        }
        assertEquals(List.of(defaultBackoff(1)), sleeper.waits());
    }

    @Test
    void asyncRateLimitedGetWaitsExactlyTheRetryAfterSeconds() {
        server.respond("GET", "/exchange/status",
                Reply.error(429, "too_many_requests", "slow down").header("Retry-After", "2"),
                Reply.ok(Samples.exchangeStatus()));
        try (KalshiAsyncClient client = Samples.client(server).sleeper(sleeper).buildAsync()) {
            client.exchange().getExchangeStatus().join();
        }
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits());
    }

    @Test
    void asyncPostAnswered500IsNotRetried() {
        server.respond("POST", Samples.ORDERS_V2, BROKEN);
        try (KalshiAsyncClient client = Samples.client(server).sleeper(sleeper).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest("KXTEST-1", "coid-1")).join());
            assertEquals(1, assertInstanceOf(KalshiServerException.class, e.getCause()).attempts());
        }
        assertEquals(1, server.requestCount());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void asyncGetThatExhaustsMaxRetriesReportsMaxRetriesPlusOneAttempts() {
        server.respond("GET", "/exchange/status", BROKEN);
        try (KalshiAsyncClient client = Samples.client(server).sleeper(sleeper).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> client.exchange().getExchangeStatus().join());
            assertEquals(4, assertInstanceOf(KalshiServerException.class, e.getCause()).attempts());
        }
        assertEquals(4, server.requestCount());
        assertEquals(List.of(defaultBackoff(1), defaultBackoff(2), defaultBackoff(3)), sleeper.waits());
    }

    @Test
    void asyncPerCallMaxRetriesZeroDisablesRetries() {
        server.respond("GET", "/exchange/status", BUSY, Reply.ok(Samples.exchangeStatus()));
        try (KalshiAsyncClient client = Samples.client(server).sleeper(sleeper).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class, () -> client.exchange()
                    .getExchangeStatus(RequestOptions.builder().maxRetries(0).build()).join());
            assertEquals(1, assertInstanceOf(KalshiServerException.class, e.getCause()).attempts());
        }
        assertEquals(1, server.requestCount());
    }

    @Test
    void asyncGetToAClosedPortExhaustsRetriesWithANetworkException() throws IOException {
        int port = ErrorMappingTest.closedPort();
        try (KalshiAsyncClient client = KalshiClient.builder().baseUrl("http://127.0.0.1:" + port + "/trade-api/v2")
                .jitter(() -> JITTER).sleeper(sleeper).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> client.exchange().getExchangeStatus().join());
            assertEquals(4, assertInstanceOf(KalshiNetworkException.class, e.getCause()).attempts());
        }
        assertEquals(List.of(defaultBackoff(1), defaultBackoff(2), defaultBackoff(3)), sleeper.waits());
    }

    @Test
    void asyncCallCancelledDuringTheBackoffSendsNoFurtherRequest() throws InterruptedException {
        server.respond("GET", "/exchange/status", BUSY, Reply.ok(Samples.exchangeStatus()));
        AtomicReference<CompletableFuture<?>> call = new AtomicReference<>();
        CountDownLatch cancelled = new CountDownLatch(1);
        RecordingSleeper cancels = new RecordingSleeper(n -> {
            while (call.get() == null) {
                Thread.onSpinWait();
            }
            call.get().cancel(true);
            cancelled.countDown();
        });
        try (KalshiAsyncClient client = Samples.client(server).sleeper(cancels).buildAsync()) {
            call.set(client.exchange().getExchangeStatus());
            assertTrue(cancelled.await(10, TimeUnit.SECONDS));
            assertTrue(call.get().isCancelled());
            // Long enough for a retry that should not happen to reach the server.
            Thread.sleep(300);
        }
        assertEquals(1, server.requestCount(), "the retry after the backoff was never sent");
        assertEquals(List.of(Duration.ofMillis(375)), cancels.waits());
    }

    @Test
    void asyncCallCancelledWhileItsRetryIsScheduledSendsNoFurtherRequest() throws InterruptedException {
        server.respond("GET", "/exchange/status", BUSY, Reply.ok(Samples.exchangeStatus()));
        // The real scheduler: the retry sits in it, 600 ms out, when the call is cancelled.
        KalshiConfig config = KalshiConfig.builder().baseUrl(server.baseUrl())
                .backoffBase(Duration.ofMillis(800)).backoffCap(Duration.ofMillis(800)).build();
        try (KalshiAsyncClient client = Samples.client(server).config(config).buildAsync()) {
            CompletableFuture<?> call = client.exchange().getExchangeStatus();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.requestCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            call.cancel(true);
            Thread.sleep(1_000);
        }
        assertEquals(1, server.requestCount());
    }

    @Test
    void retryAfterLongerThanTheMaximumFailsAtOnceCarryingTheServersWait() {
        server.respond("GET", "/exchange/status",
                Reply.error(429, "too_many_requests", "come back later").header("Retry-After", "3600"),
                Reply.ok(Samples.exchangeStatus()));
        try (KalshiClient client = Samples.client(server).sleeper(sleeper).build()) {
            KalshiRateLimitException e = assertThrows(KalshiRateLimitException.class,
                    () -> client.exchange().getExchangeStatus());
            assertEquals(Optional.of(Duration.ofHours(1)), e.retryAfter());
            assertEquals(1, e.attempts());
        }
        assertEquals(List.of(), sleeper.waits(), "an hour is not slept through");
        assertEquals(1, server.requestCount());
    }

    @Test
    void retryAfterEqualToTheConfiguredMaximumIsWaitedExactly() {
        server.respond("GET", "/exchange/status",
                BUSY.header("Retry-After", "10"), Reply.ok(Samples.exchangeStatus()));
        KalshiConfig config = KalshiConfig.builder().baseUrl(server.baseUrl()).maxRetryAfter(Duration.ofSeconds(10))
                .build();
        try (KalshiClient client = Samples.client(server).config(config).sleeper(sleeper).build()) {
            assertTrue(client.exchange().getExchangeStatus().tradingActive());
        }
        assertEquals(List.of(Duration.ofSeconds(10)), sleeper.waits());
    }

    @Test
    void asyncRetryAfterBeyondAnyDurationFailsWithTheServerExceptionNotAnOverflow() {
        server.respond("GET", "/exchange/status", BUSY.header("Retry-After", "99999999999999999999"));
        // The real scheduler, as in production: this value used to overflow when converted to nanoseconds.
        try (KalshiAsyncClient client = Samples.client(server).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> client.exchange().getExchangeStatus().join());
            KalshiServerException cause = assertInstanceOf(KalshiServerException.class, e.getCause());
            assertTrue(cause.retryAfter().orElseThrow().compareTo(Duration.ofDays(365L * 1_000_000)) > 0);
        }
        assertEquals(1, server.requestCount());
    }
}
