package io.github.kalshi4j.client;

import io.github.kalshi4j.errors.KalshiApiException;
import io.github.kalshi4j.errors.KalshiBadRequestException;
import io.github.kalshi4j.errors.KalshiConflictException;
import io.github.kalshi4j.errors.KalshiDecodeException;
import io.github.kalshi4j.errors.KalshiForbiddenException;
import io.github.kalshi4j.errors.KalshiNetworkException;
import io.github.kalshi4j.errors.KalshiNotFoundException;
import io.github.kalshi4j.errors.KalshiRateLimitException;
import io.github.kalshi4j.errors.KalshiServerException;
import io.github.kalshi4j.errors.KalshiTimeoutException;
import io.github.kalshi4j.errors.KalshiUnauthorizedException;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How HTTP failures reach the caller: one exception type per status family, with everything Kalshi said. */
final class ErrorMappingTest {

    /** One attempt only, so a retryable status is reported rather than retried. */
    private static final RequestOptions NO_RETRY = RequestOptions.builder().maxRetries(0).build();

    private LoopbackServer server;

    @BeforeEach
    void startServer() {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, "invalid_parameters", KalshiBadRequestException.class),
                Arguments.of(401, "authentication_error", KalshiUnauthorizedException.class),
                Arguments.of(403, "forbidden", KalshiForbiddenException.class),
                Arguments.of(404, "not_found", KalshiNotFoundException.class),
                Arguments.of(409, "conflict", KalshiConflictException.class),
                Arguments.of(429, "too_many_requests", KalshiRateLimitException.class),
                Arguments.of(500, "internal_server_error", KalshiServerException.class),
                Arguments.of(503, "service_unavailable", KalshiServerException.class));
    }

    @ParameterizedTest(name = "{0} maps to {2}")
    @MethodSource("statuses")
    void errorStatusMapsToItsSubclassWithKalshiCodeMessageRequestIdAndAttempts(int status, String code,
            Class<? extends KalshiApiException> type) {
        server.respond("GET", "/exchange/status",
                Reply.error(status, code, "something about " + code).requestId("req-" + status));
        try (KalshiClient client = Samples.client(server).build()) {
            KalshiApiException e = assertThrows(type, () -> client.exchange().getExchangeStatus(NO_RETRY));
            assertEquals(status, e.statusCode());
            assertEquals(code, e.errorCode());
            assertEquals("something about " + code, e.errorMessage());
            assertEquals("loopback", e.service());
            assertEquals("req-" + status, e.requestId());
            assertEquals(1, e.attempts());
            assertEquals("GetExchangeStatus", e.operationId());
            assertNull(e.bodyExcerpt(), "a Kalshi error body is parsed, not excerpted");
            assertTrue(e.getMessage().contains("req-" + status), e.getMessage());
        }
        assertEquals(1, server.requestCount());
    }

    @Test
    void asyncFailuresCarryTheSameExceptionInsideTheFuture() {
        server.respond("GET", "/exchange/status", Reply.error(404, "not_found", "no such thing").requestId("r-1"));
        try (KalshiAsyncClient client = Samples.client(server).buildAsync()) {
            CompletionException wrapped = assertThrows(CompletionException.class,
                    () -> client.exchange().getExchangeStatus(NO_RETRY).join());
            KalshiNotFoundException e = assertInstanceOf(KalshiNotFoundException.class, wrapped.getCause());
            assertEquals("not_found", e.errorCode());
            assertEquals("r-1", e.requestId());
        }
    }

    @Test
    void rateLimitErrorExposesTheServersRetryAfter() {
        server.respond("GET", "/exchange/status",
                Reply.error(429, "too_many_requests", "slow down").header("Retry-After", "2"));
        try (KalshiClient client = Samples.client(server).build()) {
            KalshiRateLimitException e = assertThrows(KalshiRateLimitException.class,
                    () -> client.exchange().getExchangeStatus(NO_RETRY));
            assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        }
    }

    @Test
    void nonJsonGatewayAnswerGivesTheStatusAndAnExcerptOfTheBody() {
        server.respond("GET", "/exchange/status",
                Reply.text(502, "text/html", "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"));
        try (KalshiClient client = Samples.client(server).build()) {
            KalshiServerException e = assertThrows(KalshiServerException.class,
                    () -> client.exchange().getExchangeStatus(NO_RETRY));
            assertEquals(502, e.statusCode());
            assertNull(e.errorCode());
            assertTrue(e.bodyExcerpt().contains("502 Bad Gateway"), e.bodyExcerpt());
            assertTrue(e.getMessage().contains("502"), e.getMessage());
            assertTrue(e.getMessage().contains("nginx"), "the message shows what the gateway said: " + e.getMessage());
        }
    }

    @Test
    void malformedSuccessBodyGivesADecodeExceptionNamingTheOperationNotARawJacksonError() {
        server.respond("GET", "/exchange/status", Reply.ok("{\"exchange_active\": tru"));
        try (KalshiClient client = Samples.client(server).build()) {
            KalshiDecodeException e = assertThrows(KalshiDecodeException.class,
                    () -> client.exchange().getExchangeStatus());
            assertEquals("GetExchangeStatus", e.operationId());
            assertEquals(200, e.statusCode());
            assertTrue(e.getMessage().startsWith("GetExchangeStatus: could not decode 200 response"), e.getMessage());
            assertEquals("{\"exchange_active\": tru", e.bodyExcerpt());
        }
        assertEquals(1, server.requestCount(), "a decode failure is not retried");
    }

    @Test
    void asyncMalformedSuccessBodyFailsTheFutureWithADecodeException() {
        server.respond("GET", "/exchange/status", Reply.ok("not json at all"));
        try (KalshiAsyncClient client = Samples.client(server).buildAsync()) {
            CompletionException wrapped = assertThrows(CompletionException.class,
                    () -> client.exchange().getExchangeStatus().join());
            assertEquals("GetExchangeStatus",
                    assertInstanceOf(KalshiDecodeException.class, wrapped.getCause()).operationId());
        }
    }

    @Test
    void successBodyOfTheWrongShapeAlsoGivesADecodeException() {
        server.respond("GET", "/exchange/status", Reply.ok("[1, 2, 3]"));
        try (KalshiClient client = Samples.client(server).build()) {
            KalshiDecodeException e = assertThrows(KalshiDecodeException.class,
                    () -> client.exchange().getExchangeStatus());
            assertEquals("GetExchangeStatus", e.operationId());
        }
    }

    @Test
    void connectionRefusedGivesANetworkException() throws IOException {
        int closedPort = closedPort();
        try (KalshiClient client = KalshiClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/trade-api/v2")
                .sleeper(new RecordingSleeper()).build()) {
            KalshiNetworkException e = assertThrows(KalshiNetworkException.class,
                    () -> client.exchange().getExchangeStatus(NO_RETRY));
            assertFalse(e instanceof KalshiTimeoutException, "a refused connection is not a timeout");
            assertEquals("GetExchangeStatus", e.operationId());
            assertEquals(1, e.attempts());
        }
    }

    @Test
    void responseSlowerThanThePerCallTimeoutGivesATimeoutException() {
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()).delay(Duration.ofSeconds(5)));
        RequestOptions fast = RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build();
        try (KalshiClient client = Samples.client(server).build()) {
            long start = System.nanoTime();
            KalshiTimeoutException e = assertThrows(KalshiTimeoutException.class,
                    () -> client.exchange().getExchangeStatus(fast));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("GetExchangeStatus", e.operationId());
            assertTrue(tookMillis < 3_000, "the per-call timeout applied, not the 30 s default: " + tookMillis + " ms");
        }
    }

    @Test
    void asyncResponseSlowerThanThePerCallTimeoutGivesATimeoutException() {
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()).delay(Duration.ofSeconds(5)));
        RequestOptions fast = RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build();
        try (KalshiAsyncClient client = Samples.client(server).buildAsync()) {
            CompletionException wrapped = assertThrows(CompletionException.class,
                    () -> client.exchange().getExchangeStatus(fast).join());
            assertInstanceOf(KalshiTimeoutException.class, wrapped.getCause());
        }
    }

    /** A port nothing listens on: bound to find a free one, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
