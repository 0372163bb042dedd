package io.github.kalshi4j.internal;

import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.errors.KalshiRateLimitException;
import io.github.kalshi4j.http.Sleeper;
import io.github.kalshi4j.ratelimit.RateLimitWait;
import io.github.kalshi4j.ratelimit.RateLimits;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token buckets' arithmetic, on a clock that moves only when a test (or the injected sleeper) moves it. */
final class TokenBucketLimiterTest {

    private final ManualClock clock = new ManualClock();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        worker.shutdownNow();
    }

    private TokenBucketLimiter limiter(RateLimits limits, Sleeper sleeper) {
        return new TokenBucketLimiter(limits, clock, sleeper, scheduler, worker);
    }

    private static TokenBucketLimiter.Permit now(CompletableFuture<TokenBucketLimiter.Permit> f) {
        assertTrue(f.isDone(), "granted at once");
        return f.join();
    }

    @Test
    void aBucketRefillsOnlyUpToItsCapacityLessWhatIsInFlight() {
        TokenBucketLimiter l = limiter(RateLimits.of(100, 100, 100, 100), Sleeper.SYSTEM);
        TokenBucketLimiter.Permit a = now(l.admit(Operations.GET_MARKETS, RequestOptions.NONE));
        TokenBucketLimiter.Permit b = now(l.admit(Operations.GET_MARKETS, RequestOptions.NONE));
        assertEquals(80, l.snapshot().read().tokens(), 1e-9);
        assertEquals(20, l.snapshot().read().inFlight());

        clock.advance(Duration.ofSeconds(10));

        // The server has not charged these two yet, as far as we know: its bucket may be full and not refilling.
        assertEquals(80, l.snapshot().read().tokens(), 1e-9);
        a.release(true);
        b.release(true);
        clock.advance(Duration.ofMillis(100));
        assertEquals(90, l.snapshot().read().tokens(), 1e-9, "refilling again once answered, at 100 a second");
    }

    @Test
    void aRequestThatWasNeverSentGivesItsTokensBack() {
        TokenBucketLimiter l = limiter(RateLimits.of(100, 100, 100, 100), Sleeper.SYSTEM);
        now(l.admit(Operations.CREATE_ORDER_V2, RequestOptions.NONE)).release(false);
        assertEquals(100, l.snapshot().write().tokens(), 1e-9);
        assertEquals(0, l.snapshot().write().inFlight());
    }

    @Test
    void aCallWaitsExactlyUntilTheBucketHoldsItsCostAndOneTokenOfHeadroom() throws Exception {
        TokenBucketLimiter l = limiter(RateLimits.of(10, 20, 10, 20), d -> {
            sleeps.add(d);
            clock.advance(d);
        });
        now(l.admit(Operations.GET_MARKETS, RequestOptions.NONE)).release(true);
        assertEquals(10, l.snapshot().read().tokens(), 1e-9);

        TokenBucketLimiter.Permit p = l.admit(Operations.GET_MARKETS, RequestOptions.NONE).get(5, TimeUnit.SECONDS);

        assertEquals(List.of(Duration.ofMillis(100)), sleeps);
        assertEquals(Duration.ofMillis(100), p.waited());
        assertEquals(1, l.snapshot().read().tokens(), 1e-9);
        assertEquals(1, l.snapshot().waits());
    }

    @Test
    void aCostAboveTheCapacityIsRefusedAtOnce_andAWaitBeyondMaxWaitToo() {
        TokenBucketLimiter l = limiter(RateLimits.of(10, 22, 10, 22).withEndpointCost("GET", "/markets", 50)
                .waitMode(RateLimitWait.upTo(Duration.ofMillis(500))), Sleeper.SYSTEM);
        KalshiRateLimitException tooBig = assertThrows(KalshiRateLimitException.class,
                () -> l.admit(Operations.GET_MARKETS, RequestOptions.NONE));
        assertTrue(tooBig.getMessage().contains("more than the read bucket holds"), tooBig.getMessage());

        now(l.admit(Operations.GET_MARKET, RequestOptions.NONE));
        now(l.admit(Operations.GET_MARKET, RequestOptions.NONE));
        // 2 tokens, 11 needed at 10 a second: 0.9 s, beyond maxWait 0.5 s.
        KalshiRateLimitException tooLong = assertThrows(KalshiRateLimitException.class,
                () -> l.admit(Operations.GET_MARKET, RequestOptions.NONE));
        assertTrue(tooLong.clientSide());
        assertEquals(Duration.ofMillis(900), tooLong.retryAfter().orElseThrow());
        assertEquals(2, l.snapshot().rejections());
        assertEquals(0, l.snapshot().read().waiting());
    }

    @Test
    void a429EmptiesTheBucketOfItsDirectionOnly() {
        TokenBucketLimiter l = limiter(RateLimits.of(100, 100, 100, 100), Sleeper.SYSTEM);
        l.rateLimited(Operations.CREATE_ORDER_V2);
        assertEquals(0, l.snapshot().write().tokens(), 1e-9);
        assertEquals(100, l.snapshot().read().tokens(), 1e-9);
        assertEquals(1, l.snapshot().serverRejections());
    }

    @Test
    void closingFailsTheCallsInLine() {
        TokenBucketLimiter l = limiter(RateLimits.of(1, 10, 1, 10), Sleeper.SYSTEM);
        now(l.admit(Operations.GET_MARKET, RequestOptions.NONE));
        CompletableFuture<TokenBucketLimiter.Permit> waiting = l.admit(Operations.GET_MARKET, RequestOptions.NONE);
        assertFalse(waiting.isDone());
        l.close();
        assertTrue(waiting.isCompletedExceptionally());
    }

    /** A clock that moves only when told to. */
    static final class ManualClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-08T00:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
