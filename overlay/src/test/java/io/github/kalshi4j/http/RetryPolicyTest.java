package io.github.kalshi4j.http;

import io.github.kalshi4j.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry rules table of {@link RetryPolicy}, row by row, and its equal-jitter backoff. */
final class RetryPolicyTest {

    private static final Duration BASE = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(30);

    private static RetryPolicy policy(double jitter) {
        return new RetryPolicy(3, BASE, CAP, () -> jitter, TestClock.fixed());
    }

    private static RawResponse status(int code, String... headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        return new RawResponse(code, h, new byte[0]);
    }

    @Test
    void backoffIsBetweenHalfAndAllOfTheDoublingCeiling() {
        // u = 0 gives half the ceiling; u close to 1 gives nearly all of it.
        assertEquals(Duration.ofMillis(250), policy(0).backoff(1));
        assertEquals(Duration.ofMillis(500), policy(0).backoff(2));
        assertEquals(Duration.ofSeconds(1), policy(0).backoff(3));
        assertTrue(policy(0.999999).backoff(1).compareTo(Duration.ofMillis(499)) > 0);
        assertTrue(policy(0.999999).backoff(1).compareTo(Duration.ofMillis(500)) < 0);
        assertEquals(Duration.ofMillis(375), policy(0.5).backoff(1));
    }

    @Test
    void backoffStopsGrowingAtTheCapEvenForHugeRetryNumbers() {
        assertEquals(Duration.ofSeconds(15), policy(0).backoff(7), "0.5 s * 2^6 = 32 s, capped to 30 s");
        assertEquals(Duration.ofSeconds(15), policy(0).backoff(1_000));
        assertEquals(Duration.ofMillis(22_500), policy(0.5).backoff(64));
    }

    @Test
    void backoffBeyondTheNanosecondRangeSaturatesInsteadOfOverflowing() {
        RetryPolicy huge = new RetryPolicy(3, Duration.ofDays(365L * 1_000), Duration.ofSeconds(Long.MAX_VALUE),
                () -> 0.0, TestClock.fixed());
        assertEquals(Duration.ofNanos(Long.MAX_VALUE / 2), huge.backoff(1));
        assertEquals(Duration.ofNanos(Long.MAX_VALUE / 2), huge.backoff(5));
    }

    @Test
    void retryAfterUpToTheMaximumIsHonouredAndALongerOneStopsTheRetries() {
        RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
                () -> 0.5, TestClock.fixed());
        assertEquals(Optional.of(Duration.ofSeconds(60)), p.afterResponse("GET", status(429, "Retry-After", "60"), 1));
        assertEquals(Optional.empty(), p.afterResponse("GET", status(429, "Retry-After", "61"), 1));
        assertEquals(Optional.empty(), p.afterResponse("GET", status(503, "Retry-After", "3600"), 1));
        assertEquals(Optional.empty(), p.afterResponse("GET", status(429, "Retry-After", "99999999999999999999"), 1));
        assertEquals(Duration.ofSeconds(60), RetryPolicy.DEFAULT_MAX_RETRY_AFTER);
        assertEquals(Duration.ofSeconds(60), policy(0.5).maxRetryAfter(), "the default");
        assertEquals(Duration.ofSeconds(60), p.withMaxRetries(0).maxRetryAfter(), "kept by per-call overrides");
    }

    @Test
    void jitterOutsideTheUnitIntervalIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> policy(1.0).backoff(1));
        assertThrows(IllegalStateException.class, () -> policy(-0.1).backoff(1));
    }

    @ParameterizedTest(name = "GET {0} is retried")
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void transientStatusesOfAGetAreRetried(int code) {
        assertEquals(Optional.of(Duration.ofMillis(375)), policy(0.5).afterResponse("GET", status(code), 1));
    }

    @ParameterizedTest(name = "GET {0} is not retried")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 501})
    void otherStatusesAreNotRetried(int code) {
        assertEquals(Optional.empty(), policy(0.5).afterResponse("GET", status(code), 1));
    }

    @ParameterizedTest(name = "{0} with a 503 is not retried")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void writesAnsweredWithAnErrorAreNotRetried(String method) {
        assertEquals(Optional.empty(), policy(0.5).afterResponse(method, status(503, "Retry-After", "1"), 1));
    }

    @Test
    void retryAfterOnA429Or503ReplacesTheBackoff() {
        assertEquals(Optional.of(Duration.ofSeconds(2)), policy(0.5).afterResponse("GET", status(429, "Retry-After", "2"), 1));
        assertEquals(Optional.of(Duration.ofSeconds(4)), policy(0.5).afterResponse("GET", status(503, "retry-after", "4"), 2));
        assertEquals(Optional.of(Duration.ofMillis(375)), policy(0.5).afterResponse("GET", status(500, "Retry-After", "9"), 1),
                "Retry-After counts only on 429 and 503");
    }

    @Test
    void theBudgetIsMaxRetriesAfterTheFirstAttempt() {
        RetryPolicy p = policy(0.5);
        assertTrue(p.afterResponse("GET", status(503), 3).isPresent(), "third attempt failed: one retry left");
        assertEquals(Optional.empty(), p.afterResponse("GET", status(503), 4));
        assertEquals(Optional.empty(), p.withMaxRetries(0).afterResponse("GET", status(503), 1));
        assertEquals(0, p.withMaxRetries(0).maxRetries());
    }

    @Test
    void connectFailureIsRetriedForEveryMethodBecauseNothingWasSent() {
        IOException refused = new ConnectException("Connection refused");
        assertTrue(policy(0.5).afterFailure("POST", refused, 1).isPresent());
        assertTrue(policy(0.5).afterFailure("DELETE", new IOException("wrapped", refused), 1).isPresent(),
                "a connect failure is recognised inside a wrapper too");
        assertTrue(policy(0.5).afterFailure("PUT", new HttpExchange.NotSentException("pool closed", null), 1).isPresent());
    }

    @Test
    void failureAfterSendingIsRetriedOnlyForReads() {
        IOException timeout = new SocketTimeoutException("Read timed out");
        assertTrue(policy(0.5).afterFailure("GET", timeout, 1).isPresent());
        assertEquals(Optional.empty(), policy(0.5).afterFailure("POST", timeout, 1));
        assertEquals(Optional.empty(), policy(0.5).afterFailure("GET", timeout, 4), "budget spent");
    }
}
