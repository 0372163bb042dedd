package io.github.kalshi4j.errors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KalshiApiExceptionTest {

    private static final String NOT_FOUND_BODY =
            "{\"code\":\"not_found\",\"message\":\"market not found\",\"details\":\"ticker XYZ\",\"service\":\"exchange\"}";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, KalshiBadRequestException",
            "401, KalshiUnauthorizedException",
            "403, KalshiForbiddenException",
            "404, KalshiNotFoundException",
            "409, KalshiConflictException",
            "429, KalshiRateLimitException",
            "500, KalshiServerException",
            "502, KalshiServerException",
            "503, KalshiServerException",
            "504, KalshiServerException",
            "599, KalshiServerException",
            "402, KalshiApiException",
            "405, KalshiApiException",
            "410, KalshiApiException",
            "422, KalshiApiException",
            "600, KalshiApiException",
    })
    void status_picksSubclass(int status, String expectedClass) {
        KalshiApiException e = KalshiApiException.from("Op", status, Map.of(), bytes("{}"), 1);
        assertEquals(expectedClass, e.getClass().getSimpleName());
        assertEquals(status, e.statusCode());
        assertTrue(e instanceof KalshiException);
    }

    @Test
    void kalshiErrorBody_allFieldsParsed_andMessageIsClear() {
        KalshiApiException e = KalshiApiException.from("GetMarket", 404,
                Map.of("X-Request-Id", List.of("abc")), bytes(
                        "{\"code\":\"not_found\",\"message\":\"market not found\"}"), 1);
        assertTrue(e instanceof KalshiNotFoundException);
        assertEquals("not_found", e.errorCode());
        assertEquals("market not found", e.errorMessage());
        assertEquals("abc", e.requestId());
        assertEquals("GetMarket", e.operationId());
        assertEquals(1, e.attempts());
        assertNull(e.bodyExcerpt());
        assertEquals("GetMarket: 404 not_found \"market not found\" (request id abc, 1 attempt)", e.getMessage());
    }

    @Test
    void detailsAndService_parsed_andShownInMessage() {
        KalshiApiException e = KalshiApiException.from("GetMarket", 404, Map.of(), bytes(NOT_FOUND_BODY), 3);
        assertEquals("ticker XYZ", e.details());
        assertEquals("exchange", e.service());
        assertEquals("GetMarket: 404 not_found \"market not found\" details: \"ticker XYZ\" (3 attempts)", e.getMessage());
    }

    @Test
    void nestedErrorBody_parsed() {
        KalshiApiException e = KalshiApiException.from("CreateOrder", 400, Map.of(), bytes(
                "{\"error\":{\"code\":\"invalid_parameters\",\"message\":\"count must be positive\","
                        + "\"details\":{\"field\":\"count\"}},\"service\":\"order-api\"}"), 1);
        assertTrue(e instanceof KalshiBadRequestException);
        assertEquals("invalid_parameters", e.errorCode());
        assertEquals("count must be positive", e.errorMessage());
        assertEquals("{\"field\":\"count\"}", e.details(), "non-string details are kept as JSON text");
        assertEquals("order-api", e.service(), "outer service is used when the nested object has none");
        assertNull(e.bodyExcerpt());
    }

    @Test
    void errorAsPlainString_andMsgAlias_parsed() {
        assertEquals("upstream unavailable", KalshiApiException.from("Op", 503, Map.of(),
                bytes("{\"error\":\"upstream unavailable\"}"), 1).errorMessage());
        assertEquals("too fast", KalshiApiException.from("Op", 429, Map.of(),
                bytes("{\"code\":\"rate_limited\",\"msg\":\"too fast\"}"), 1).errorMessage());
        assertEquals("7", KalshiApiException.from("Op", 400, Map.of(), bytes("{\"code\":7}"), 1).errorCode());
    }

    @Test
    void nonJsonBody_keepsStatusAndExcerpt() {
        String html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>cloudflare</body>\n</html>";
        KalshiApiException e = KalshiApiException.from("GetBalance", 502,
                Map.of("cf-ray", List.of("8abc123-EWR")), bytes(html), 2);
        assertTrue(e instanceof KalshiServerException);
        assertEquals(502, e.statusCode());
        assertNull(e.errorCode());
        assertNull(e.errorMessage());
        assertEquals(html, e.bodyExcerpt());
        assertEquals("8abc123-EWR", e.requestId(), "cf-ray is the fallback request id");
        assertEquals("GetBalance: 502 Bad Gateway (request id 8abc123-EWR, 2 attempts) body: "
                + "\"<html> <head><title>502 Bad Gateway</title></head> <body>cloudflare</body> </html>\"", e.getMessage());
    }

    @Test
    void longNonJsonBody_excerptIsAbout500Chars_andMessageShorter() {
        String body = "x".repeat(5000);
        KalshiApiException e = KalshiApiException.from("Op", 500, Map.of(), bytes(body), 1);
        assertEquals(500, e.bodyExcerpt().length());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertTrue(e.getMessage().endsWith("...\""), e.getMessage());
    }

    @Test
    void jsonWithoutErrorFields_isKeptAsExcerpt() {
        KalshiApiException e = KalshiApiException.from("Op", 418, Map.of(), bytes("{\"teapot\":true}"), 1);
        assertEquals(KalshiApiException.class, e.getClass());
        assertNull(e.errorCode());
        assertEquals("{\"teapot\":true}", e.bodyExcerpt());
    }

    @Test
    void emptyBody_givesReasonPhrase_andNoExcerpt() {
        KalshiApiException e = KalshiApiException.from("GetMarket", 404, null, null, 1);
        assertNull(e.bodyExcerpt());
        assertEquals("GetMarket: 404 Not Found (1 attempt)", e.getMessage());
        assertTrue(e.headers().isEmpty());
    }

    @Test
    void garbageBodies_neverThrow() {
        Random random = new Random(42);
        List<byte[]> bodies = new java.util.ArrayList<>(List.of(
                bytes("{\"code\":"), bytes("null"), bytes("[1,2,3]"), bytes("\"just a string\""), bytes("42"),
                bytes("{\"code\":null,\"message\":null}"), bytes("{\"error\":[1]}"), bytes("{\"error\":null}"),
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xC3}, bytes("{\"message\":\"" + "\\ud800" + "\"}")));
        for (int i = 0; i < 50; i++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            bodies.add(b);
        }
        for (byte[] body : bodies) {
            KalshiApiException e = KalshiApiException.from("Op", 500, Map.of(), body, 1);
            assertEquals(500, e.statusCode());
            assertTrue(e.getMessage().startsWith("Op: 500"), e.getMessage());
        }
    }

    @Test
    void requestId_headersCheckedCaseInsensitively_inPriorityOrder() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("CF-RAY", List.of("ray-1"));
        headers.put("X-Amzn-RequestId", List.of("amzn-1"));
        assertEquals("amzn-1", KalshiApiException.from("Op", 500, headers, null, 1).requestId());
        headers.put("Request-Id", List.of("plain-1"));
        assertEquals("plain-1", KalshiApiException.from("Op", 500, headers, null, 1).requestId());
        headers.put("x-REQUEST-id", List.of("xr-1"));
        assertEquals("xr-1", KalshiApiException.from("Op", 500, headers, null, 1).requestId());
        assertNull(KalshiApiException.from("Op", 500, Map.of("Server", List.of("nginx")), null, 1).requestId());
    }

    @Test
    void headers_lookedUpCaseInsensitively_andImmutable() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("text/html"));
        headers.put(null, List.of("HTTP/1.1 500"));
        KalshiApiException e = KalshiApiException.from("Op", 500, headers, null, 1);
        assertEquals(Optional.of("text/html"), e.header("content-type"));
        assertEquals(List.of("text/html"), e.headers().get("CONTENT-TYPE"));
        assertEquals(Optional.empty(), e.header("x-missing"));
        assertEquals(1, e.headers().size(), "the null status-line key is dropped");
        assertThrows(UnsupportedOperationException.class, () -> e.headers().put("a", List.of()));
        headers.put("Late", List.of("added after"));
        assertEquals(Optional.empty(), e.header("late"), "headers are copied");
    }

    @Test
    void rateLimit_retryAfterSeconds() {
        KalshiApiException e = KalshiApiException.from("GetMarkets", 429, Map.of("retry-after", List.of("2")),
                bytes("{\"code\":\"too_many_requests\",\"message\":\"rate limit exceeded\"}"), 1);
        KalshiRateLimitException rate = (KalshiRateLimitException) e;
        assertEquals(Optional.of(Duration.ofSeconds(2)), rate.retryAfter());
        assertEquals("GetMarkets: 429 too_many_requests \"rate limit exceeded\" (1 attempt, retry after 2s)",
                e.getMessage());
    }

    @Test
    void rateLimit_retryAfterHttpDate_relativeToClock() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZoneOffset.UTC);
        KalshiApiException e = KalshiApiException.from("GetMarkets", 429,
                Map.of("Retry-After", List.of("Wed, 15 Jan 2025 12:00:05 GMT")), null, 1, clock);
        assertEquals(Optional.of(Duration.ofSeconds(5)), ((KalshiRateLimitException) e).retryAfter());
    }

    @Test
    void rateLimit_retryAfterGarbageOrAbsent_isEmpty() {
        assertEquals(Optional.empty(), KalshiApiException.from("Op", 429,
                Map.of("Retry-After", List.of("later please")), null, 1).retryAfter());
        KalshiApiException none = KalshiApiException.from("Op", 429, Map.of(), null, 1);
        assertEquals(Optional.empty(), none.retryAfter());
        assertEquals("Op: 429 Too Many Requests (1 attempt)", none.getMessage());
    }

    @Test
    void serviceUnavailable_alsoExposesRetryAfter() {
        KalshiApiException e = KalshiApiException.from("Op", 503, Map.of("Retry-After", List.of("1.5")), null, 4);
        assertEquals(Optional.of(Duration.ofMillis(1500)), e.retryAfter());
        assertTrue(e.getMessage().endsWith("(4 attempts, retry after 1.500s)"), e.getMessage());
    }

    @Test
    void attempts_areAtLeastOne_andOperationOptional() {
        KalshiApiException e = KalshiApiException.from(null, 401, Map.of(), bytes(
                "{\"code\":\"unauthorized\",\"message\":\"invalid signature\"}"), 0);
        assertTrue(e instanceof KalshiUnauthorizedException);
        assertEquals(1, e.attempts());
        assertEquals("Kalshi API: 401 unauthorized \"invalid signature\" (1 attempt)", e.getMessage());
    }

    @Test
    void response_exposesTheSameData() {
        KalshiApiException e = KalshiApiException.from("GetMarket", 404, Map.of(), bytes(NOT_FOUND_BODY), 1);
        KalshiErrorResponse r = e.response();
        assertEquals(404, r.statusCode());
        assertEquals("not_found", r.errorCode());
        assertSame(r.headers(), e.headers());
        assertEquals(new KalshiNotFoundException(r).getMessage(), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
