package io.github.kalshi4j.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExceptionsTest {

    @Test
    void everyException_isUncheckedKalshiException() {
        List<Class<?>> types = List.of(KalshiAuthException.class, KalshiApiException.class,
                KalshiBadRequestException.class, KalshiUnauthorizedException.class, KalshiForbiddenException.class,
                KalshiNotFoundException.class, KalshiConflictException.class, KalshiRateLimitException.class,
                KalshiServerException.class, KalshiNetworkException.class, KalshiTimeoutException.class,
                KalshiDecodeException.class, KalshiPaginationException.class, KalshiSubscriptionException.class,
                KalshiBackpressureException.class, KalshiWebSocketException.class, FixtureNotFoundException.class,
                KalshiOrderOutcomeUnknownException.class, KalshiClientClosedException.class,
                KalshiRecordingException.class);
        for (Class<?> type : types) {
            assertTrue(KalshiException.class.isAssignableFrom(type), type.getName());
            assertTrue(RuntimeException.class.isAssignableFrom(type), type.getName());
        }
        assertTrue(KalshiNetworkException.class.isAssignableFrom(KalshiTimeoutException.class));
        assertTrue(KalshiNetworkException.class.isAssignableFrom(KalshiOrderOutcomeUnknownException.class),
                "whether the order reached Kalshi is unknown, as for any network failure of a write");
    }

    @Test
    void networkException_namesOperationAttemptsAndCause() {
        ConnectException cause = new ConnectException("Connection refused");
        KalshiNetworkException e = new KalshiNetworkException("GetBalance", 3, null, cause);
        assertEquals("GetBalance", e.operationId());
        assertEquals(3, e.attempts());
        assertSame(cause, e.getCause());
        assertEquals("GetBalance: network error (ConnectException: Connection refused) after 3 attempts", e.getMessage());
    }

    @Test
    void timeoutException_isNetworkException_withOwnWording() {
        KalshiTimeoutException e = new KalshiTimeoutException("CreateOrder", 1, "request timeout 10s",
                new HttpTimeoutException("request timed out"));
        assertTrue(e instanceof KalshiNetworkException);
        assertEquals("CreateOrder: timed out (request timeout 10s) after 1 attempt", e.getMessage());
    }

    @Test
    void decodeException_namesOperation_keepsStatusExcerptAndJacksonCause() {
        byte[] body = "{\"market\": {\"ticker\": 12".getBytes(StandardCharsets.UTF_8);
        JsonProcessingException cause = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readTree(body));
        KalshiDecodeException e = new KalshiDecodeException("GetMarket", 200, body, cause);
        assertEquals("GetMarket", e.operationId());
        assertEquals(200, e.statusCode());
        assertEquals("{\"market\": {\"ticker\": 12", e.bodyExcerpt());
        assertSame(cause, e.getCause());
        assertTrue(e.getMessage().startsWith("GetMarket: could not decode 200 response: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\"ticker\""), "body stays out of the message: " + e.getMessage());
    }

    @Test
    void decodeException_withoutJacksonCause() {
        KalshiDecodeException e = new KalshiDecodeException("GetMarket", 200, null, new IOException("boom"));
        assertNull(e.bodyExcerpt());
        assertEquals("GetMarket: could not decode 200 response: boom", e.getMessage());
    }

    @Test
    void paginationException_carriesCursorAndPage() {
        KalshiPaginationException e = new KalshiPaginationException("GetMarkets", "CgYIARAB", 7);
        assertEquals("CgYIARAB", e.cursor());
        assertEquals(7, e.page());
        assertEquals("GetMarkets", e.operationId());
        assertEquals("GetMarkets: server repeated cursor \"CgYIARAB\" on page 7; stopped to avoid an endless loop",
                e.getMessage());
    }

    @Test
    void subscriptionException_carriesCodeAndMessage() {
        KalshiSubscriptionException e = new KalshiSubscriptionException("subscribe", 6, "Already subscribed");
        assertEquals(6, e.code());
        assertEquals("Already subscribed", e.errorMessage());
        assertEquals("subscribe", e.command());
        assertEquals("subscribe: error 6 \"Already subscribed\"", e.getMessage());
    }

    @Test
    void webSocketAndBackpressureExceptions_keepMessageAndCause() {
        IOException cause = new IOException("reset");
        KalshiWebSocketException ws = new KalshiWebSocketException("reconnect attempts exhausted", cause);
        assertEquals("reconnect attempts exhausted", ws.getMessage());
        assertSame(cause, ws.getCause());
        assertEquals("orderbook buffer of 1024 full",
                new KalshiBackpressureException("orderbook buffer of 1024 full").getMessage());
    }

    @Test
    void fixtureNotFound_carriesMethodPathQuery() {
        FixtureNotFoundException e = new FixtureNotFoundException("GET", "/trade-api/v2/markets", "limit=5");
        assertEquals("GET", e.method());
        assertEquals("/trade-api/v2/markets", e.path());
        assertEquals("limit=5", e.query());
        assertEquals("no recorded fixture for GET /trade-api/v2/markets?limit=5", e.getMessage());
        assertEquals("no recorded fixture for GET /a", new FixtureNotFoundException("GET", "/a", null).getMessage());
    }
}
