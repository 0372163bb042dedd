package io.github.kalshi4j.http;

import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.RecordedRequest;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default HTTP exchange on a real socket: bytes out exactly as given, failures classified for retry. Requests
 * here are unsigned, so they use paths the server does not treat as authenticated.
 */
final class ApacheHttpExchangeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private LoopbackServer server;
    private ApacheHttpExchange exchange;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        exchange = new ApacheHttpExchange(Duration.ofSeconds(2), 4, false, "kalshi4j-test");
    }

    @AfterEach
    void stop() {
        exchange.close();
        server.close();
    }

    private RawRequest get(String apiPathAndQuery, Duration timeout) {
        return new RawRequest("Test", "GET", URI.create(server.baseUrl() + apiPathAndQuery), Map.of(), null, timeout);
    }

    @Test
    void rawPathAndQueryReachTheServerUntouched() throws IOException {
        server.respond("GET", "/markets/A%2FB%20C", Reply.ok("{}"));
        exchange.send(get("/markets/A%2FB%20C?tickers=X%2CY&limit=5", TIMEOUT));
        RecordedRequest r = server.onlyRequest();
        assertEquals("/trade-api/v2/markets/A%2FB%20C", r.rawPath(), "no normalisation of %2F or %20");
        assertEquals("tickers=X%2CY&limit=5", r.rawQuery());
        assertEquals("kalshi4j-test", r.header("User-Agent").orElseThrow());
    }

    @Test
    void bodyIsSentAsJsonAndTheAnswerComesBackWithStatusHeadersAndBytes() throws IOException {
        server.respond("POST", "/echo", Reply.json(201, "{\"subaccount_number\":2}")
                .header("X-RateLimit-Remaining", "9"));
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        RawResponse response = exchange.send(new RawRequest("Test", "POST",
                URI.create(server.baseUrl() + "/echo"), Map.of("X-Trace", "t"), body, TIMEOUT));
        assertEquals(201, response.statusCode());
        assertEquals("9", response.header("x-ratelimit-remaining").orElseThrow());
        assertEquals("{\"subaccount_number\":2}", new String(response.body(), StandardCharsets.UTF_8));
        RecordedRequest r = server.onlyRequest();
        assertArrayEquals(body, r.body());
        assertTrue(r.header("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("t", r.header("X-Trace").orElseThrow());
    }

    @Test
    void asyncSendGivesTheSameAnswer() {
        server.respond("GET", "/exchange/status", Reply.ok("{\"trading_active\":true}").requestId("r-9"));
        RawResponse response = exchange.sendAsync(get("/exchange/status", TIMEOUT)).join();
        assertEquals(200, response.statusCode());
        assertEquals("r-9", response.header("X-Request-Id").orElseThrow());
    }

    @Test
    void connectionRefusedIsClassifiedAsNotSent() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RawRequest request = new RawRequest("Test", "POST", URI.create("http://127.0.0.1:" + port + "/trade-api/v2/x"),
                Map.of(), new byte[0], TIMEOUT);
        IOException e = assertThrows(IOException.class, () -> exchange.send(request));
        assertTrue(HttpExchange.isNotSent(e), "refused: nothing was sent, so even a POST may be retried: " + e);
        CompletionException async = assertThrows(CompletionException.class, () -> exchange.sendAsync(request).join());
        assertTrue(HttpExchange.isNotSent(async.getCause()), async.getCause().toString());
    }

    @Test
    void droppedConnectionIsNotClassifiedAsNotSent() {
        server.respond("POST", "/echo", Reply.dropConnection());
        RawRequest post = new RawRequest("Test", "POST", URI.create(server.baseUrl() + "/echo"), Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
        IOException e = assertThrows(IOException.class, () -> exchange.send(post));
        assertFalse(HttpExchange.isNotSent(e), "the request reached the server: a POST must not be blindly retried");
        assertEquals(1, server.requestCount());
    }

    @Test
    void responseTimeoutAppliesPerRequest() {
        server.respond("GET", "/exchange/status", Reply.ok("{}").delay(Duration.ofSeconds(5)));
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> exchange.send(get("/exchange/status",
                Duration.ofMillis(150))));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3_000, "timed out early: " + e);
        assertFalse(HttpExchange.isNotSent(e));
    }

    @Test
    void closedExchangeRefusesWithANotSentFailure() {
        exchange.close();
        IOException e = assertThrows(IOException.class, () -> exchange.send(get("/exchange/status", TIMEOUT)));
        assertTrue(HttpExchange.isNotSent(e));
        CompletionException async = assertThrows(CompletionException.class,
                () -> exchange.sendAsync(get("/exchange/status", TIMEOUT)).join());
        assertTrue(HttpExchange.isNotSent(async.getCause()));
        assertEquals(0, server.requestCount());
    }
}
