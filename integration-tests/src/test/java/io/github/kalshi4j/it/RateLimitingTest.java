package io.github.kalshi4j.it;

import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiRateLimitException;
import io.github.kalshi4j.http.ApacheHttpExchange;
import io.github.kalshi4j.http.HttpExchange;
import io.github.kalshi4j.http.RawRequest;
import io.github.kalshi4j.http.RawResponse;
import io.github.kalshi4j.model.GetMarketResponse;
import io.github.kalshi4j.ratelimit.RateLimitWait;
import io.github.kalshi4j.ratelimit.RateLimiter;
import io.github.kalshi4j.ratelimit.RateLimits;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.ws.Channel;
import io.github.kalshi4j.ws.SubscribeRequest;
import io.github.kalshi4j.ws.Subscription;
import io.github.kalshi4j.ws.WsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client-side rate limiting against the local exchange with rate limits on: the client's buckets mirror the
 * exchange's, so a saturated closed loop spends nearly all of its budget without a single 429, while the same loop
 * without the limiter is refused.
 *
 * <p>The buckets are small (20 reads and 10 writes a second at the default cost), so the 5-second loops are
 * limited by the buckets, not by this machine's CPU: the 8 threads spend most of their time waiting in line.
 */
class RateLimitingTest {

    /** The tier the loops' member is in, with buckets sized for these tests (tokens per second, capacity). */
    static final String TIER = "advanced";
    static final int READ_RATE = 200;
    static final int READ_CAPACITY = 200;
    static final int WRITE_RATE = 100;
    static final int WRITE_CAPACITY = 100;
    static final int THREADS = 8;
    static final Duration LOOP = Duration.ofSeconds(5);

    private static String ticker;

    /** This test's own exchange: the exchange's buckets are per member, so no test inherits another's. */
    private LocalKalshiExchange exchange;
    private String user;

    @BeforeAll
    static void findAnOpenMarket_andWarmUp() {
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().rateLimits(true).start();
             KalshiClient anon = ex.publicClient()) {
            ticker = anon.markets().getMarkets(p -> p.status("open").limit(1L)).markets().get(0).ticker();
            // The loops measure a budget from their first call: a JVM that has never run the order path, the
            // limiter or the exchange's handlers would spend the first part of it loading classes.
            LocalKalshiExchange.Credentials c = ex.credentials(ex.userIds().get(0));
            try (KalshiClient warm = KalshiClient.builder().config(ex.clientConfig()).credentials(c.keyId(),
                    c.privateKeyPem()).rateLimits(RateLimits.fromAccount()).build()) {
                Counters n = new Counters();
                for (int i = 0; i < 4; i++) {
                    mixedReads(warm, n);
                }
                createThenCancel(warm, n);
            }
        }
    }

    @BeforeEach
    void start() {
        exchange = LocalKalshiExchange.builder().rateLimits(true)
                .rateLimitTier(TIER, READ_RATE, READ_CAPACITY, WRITE_RATE, WRITE_CAPACITY)
                .endpointCost("GET", "/markets/{ticker}/orderbook", 3 * RateLimits.KALSHI_DEFAULT_COST)
                .start();
        user = exchange.userIds().get(0);
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    /** A client of the member, with no retries so that every 429 reaches the loop. */
    private KalshiClient client(RateLimits limits) {
        return client(limits, Clock.systemUTC(), null);
    }

    private KalshiClient client(RateLimits limits, Clock clock, HttpExchange http) {
        LocalKalshiExchange.Credentials c = exchange.credentials(user);
        var b = KalshiClient.builder().config(exchange.clientConfig().toBuilder().maxRetries(0).build())
                .credentials(c.keyId(), c.privateKeyPem()).rateLimits(limits).clock(clock);
        if (http != null) {
            b.httpExchange(http);
        }
        return b.build();
    }

    // ------------------------------------------------------------------ the closed loops

    /** What one loop achieved. */
    record LoopResult(long calls, long costUnits, long rateLimited, long clientRefusals, long otherFailures,
            Duration elapsed, double budget) {
        double fraction() {
            return costUnits / budget;
        }

        @Override
        public String toString() {
            return String.format("%d calls, %d cost units in %.2f s = %.1f%% of the budget (%.0f units), %d 429s,"
                    + " %d client refusals, %d other failures", calls, costUnits, elapsed.toNanos() / 1e9,
                    100 * fraction(), budget, rateLimited, clientRefusals, otherFailures);
        }
    }

    /** One step of a loop: makes its calls and returns the cost units of those that succeeded. */
    interface Step {
        int run(KalshiClient client, Counters counters);
    }

    /** What the threads of a loop count. */
    static final class Counters {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong cost = new AtomicLong();
        final AtomicLong rateLimited = new AtomicLong();
        final AtomicLong clientRefusals = new AtomicLong();
        final AtomicLong otherFailures = new AtomicLong();

        /** Runs one call of {@code cost} units, counting its outcome; true when it succeeded. */
        boolean call(int cost, Runnable call) {
            calls.incrementAndGet();
            try {
                call.run();
                this.cost.addAndGet(cost);
                return true;
            } catch (KalshiRateLimitException e) {
                (e.clientSide() ? clientRefusals : rateLimited).incrementAndGet();
            } catch (RuntimeException e) {
                otherFailures.incrementAndGet();
            }
            return false;
        }
    }

    /**
     * {@link #THREADS} threads run {@code step} in a closed loop for {@code length}. The budget is what the bucket
     * allows from the first call to the last answer: its capacity plus its rate times that time, in cost units; the
     * account reads a {@code fromAccount} limiter makes first are counted as achieved (they came out of the budget).
     */
    static LoopResult loop(KalshiClient client, Duration length, int rate, int capacity, Step step, boolean readSide)
            throws InterruptedException {
        Counters counters = new Counters();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        long[] start = new long[1];
        AtomicLong lastAnswer = new AtomicLong();
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = start[0] + length.toNanos();
                while (System.nanoTime() < end) {
                    step.run(client, counters);
                    lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }, "rate-loop-" + i);
            threads.add(t);
            t.start();
        }
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        Duration elapsed = Duration.ofNanos(lastAnswer.get() - start[0]);
        long cost = counters.cost.get();
        if (readSide && client.rateLimiter().limits().source() == RateLimits.Source.ACCOUNT) {
            cost += client.rateLimiter().snapshot().defaultCost() * 2L;
        }
        double budget = capacity + rate * (elapsed.toNanos() / 1e9);
        LoopResult r = new LoopResult(counters.calls.get(), cost, counters.rateLimited.get(),
                counters.clientRefusals.get(), counters.otherFailures.get(), elapsed, budget);
        System.out.println("[rate limits] " + (readSide ? "reads" : "writes") + " with "
                + client.rateLimiter().limits() + ": " + r);
        return r;
    }

    /** Mixed reads, all at the default cost: a market, a page of markets, the balance, the member's orders. */
    static int mixedReads(KalshiClient c, Counters n) {
        int which = (int) (n.calls.get() & 3);
        return switch (which) {
            case 0 -> n.call(10, () -> c.markets().getMarket(ticker)) ? 10 : 0;
            case 1 -> n.call(10, () -> c.markets().getMarkets(p -> p.limit(5L))) ? 10 : 0;
            case 2 -> n.call(10, () -> c.portfolio().getBalance()) ? 10 : 0;
            default -> n.call(10, () -> c.orders().getOrders(p -> p.limit(5L))) ? 10 : 0;
        };
    }

    /** Create an order (the default cost), then cancel it (the seed's cost for CancelOrderV2: 2). */
    static int createThenCancel(KalshiClient c, Counters n) {
        String[] id = new String[1];
        boolean created = n.call(10, () -> id[0] = c.orders().createOrderV2(V2Orders.buy(ticker, "yes", "1", "0.01")
                .clientOrderId(UUID.randomUUID().toString()).build()).orderId());
        if (created) {
            n.call(2, () -> c.orders().cancelOrderV2(id[0]));
        }
        return 0;
    }

    @Test
    void aClosedLoopOfReads_getsNo429_andSpendsAtLeast90PercentOfTheReadBudget() throws Exception {
        try (KalshiClient c = client(RateLimits.fromAccount())) {
            LoopResult r = loop(c, LOOP, READ_RATE, READ_CAPACITY, RateLimitingTest::mixedReads, true);

            assertEquals(0, r.rateLimited(), r.toString());
            assertEquals(0, c.rateLimiter().snapshot().serverRejections(), r.toString());
            assertEquals(0, r.clientRefusals() + r.otherFailures(), r.toString());
            assertTrue(r.fraction() >= 0.90, r.toString());
            assertTrue(c.rateLimiter().snapshot().waits() > 0, "the loop was limited by the bucket: calls waited");
        }
    }

    @Test
    void aClosedLoopOfCreateThenCancel_getsNo429_andSpendsAtLeast90PercentOfTheWriteBudget() throws Exception {
        try (KalshiClient c = client(RateLimits.fromAccount())) {
            LoopResult r = loop(c, LOOP, WRITE_RATE, WRITE_CAPACITY, RateLimitingTest::createThenCancel, false);

            assertEquals(0, r.rateLimited(), r.toString());
            assertEquals(0, c.rateLimiter().snapshot().serverRejections(), r.toString());
            assertEquals(0, r.clientRefusals() + r.otherFailures(), r.toString());
            assertTrue(r.fraction() >= 0.90, r.toString());
        }
    }

    @Test
    void withoutTheLimiter_theSameLoopsGet429s() throws Exception {
        // Shorter: unlimited, 8 threads run as fast as the machine lets them; a second shows the refusals.
        Duration shortLoop = Duration.ofMillis(1500);
        try (KalshiClient c = client(RateLimits.none())) {
            LoopResult reads = loop(c, shortLoop, READ_RATE, READ_CAPACITY, RateLimitingTest::mixedReads, true);
            LoopResult writes = loop(c, shortLoop, WRITE_RATE, WRITE_CAPACITY, RateLimitingTest::createThenCancel,
                    false);

            assertTrue(reads.rateLimited() > 0, reads.toString());
            assertTrue(writes.rateLimited() > 0, writes.toString());
        }
    }

    @Test
    void anEndpointThatCostsThreeTimesTheDefault_isChargedThreeTimes_asTheExchangeReportsIt() {
        // A stopped client clock: the client's buckets do not refill, so the tokens taken are exact.
        Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        try (KalshiClient c = client(RateLimits.fromAccount(), stopped, null)) {
            c.markets().getMarket(ticker);
            double afterFirst = c.rateLimiter().snapshot().read().tokens();
            assertEquals(READ_CAPACITY - 2 * 10 - 10, afterFirst, 1e-9,
                    "the two account reads and the market read, at the default cost of 10");

            c.markets().getMarketOrderbook(ticker);
            double afterBook = c.rateLimiter().snapshot().read().tokens();

            assertEquals(30, afterFirst - afterBook, 1e-9, "GetMarketOrderbook costs 3 x the default");
            assertEquals(10, c.rateLimiter().snapshot().defaultCost());
            assertEquals(TIER, c.rateLimiter().snapshot().usageTier());
            assertEquals(READ_RATE, c.rateLimiter().snapshot().read().refillRate());
            assertEquals(WRITE_CAPACITY, c.rateLimiter().snapshot().write().capacity());
            assertEquals(0, c.rateLimiter().snapshot().serverRejections());
        }
    }

    @Test
    void failFast_throwsBeforeAnyIo_withRetryAfter() {
        Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        AtomicInteger sent = new AtomicInteger();
        // Explicit buckets: two reads of 10 fill the read bucket of 20; the clock is stopped, so it never refills.
        RateLimits limits = RateLimits.of(10, 20, 10, 20).waitMode(RateLimitWait.failFast());
        try (KalshiClient c = client(limits, stopped, counting(sent))) {
            c.markets().getMarket(ticker);
            assertEquals(1, sent.get());

            KalshiRateLimitException e = assertThrows(KalshiRateLimitException.class,
                    () -> c.markets().getMarket(ticker));

            assertEquals(1, sent.get(), "nothing was sent for the refused call");
            assertTrue(e.clientSide(), e.toString());
            assertEquals(429, e.statusCode());
            assertEquals(Operations.GET_MARKET.operationId(), e.operationId());
            assertEquals(Duration.ofMillis(100), e.retryAfter().orElseThrow(),
                    "1 token short (the cost plus one of headroom) at 10 tokens a second");
            assertEquals(1, c.rateLimiter().snapshot().rejections());

            KalshiRateLimitException async = assertThrows(KalshiRateLimitException.class, () -> {
                try {
                    c.async().markets().getMarket(ticker).join();
                } catch (java.util.concurrent.CompletionException ce) {
                    throw ce.getCause();
                }
            });
            assertTrue(async.clientSide());
            assertEquals(1, sent.get(), "nor for the async one");
        }
    }

    @Test
    void aCallCanAskForFailFast_whileTheClientWaits() {
        Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        AtomicInteger sent = new AtomicInteger();
        try (KalshiClient c = client(RateLimits.of(10, 10, 10, 10), stopped, counting(sent))) {
            c.markets().getMarket(ticker);

            KalshiRateLimitException e = assertThrows(KalshiRateLimitException.class,
                    () -> c.markets().getMarketWithResponse(ticker, RateLimitWait.failFast().options()));

            assertTrue(e.clientSide());
            assertEquals(1, sent.get());
            assertEquals(0, c.rateLimiter().snapshot().read().waiting());
        }
    }

    @Test
    void cancellingAWaitingAsyncCall_freesItsPlace_forTheCallBehindIt() throws Exception {
        // 5 tokens a second and a cost of 10: each read waits 2 s for a full bucket.
        AtomicInteger sent = new AtomicInteger();
        try (KalshiClient blocking = client(RateLimits.of(5, 10, 5, 10), Clock.systemUTC(), counting(sent))) {
            KalshiAsyncClient c = blocking.async();
            blocking.markets().getMarket(ticker);
            long t0 = System.nanoTime();
            CompletableFuture<GetMarketResponse> first = c.markets().getMarket(ticker);
            awaitWaiting(blocking, 1);
            CompletableFuture<GetMarketResponse> second = c.markets().getMarket(ticker);
            awaitWaiting(blocking, 2);

            assertTrue(first.cancel(true));

            assertEquals(1, blocking.rateLimiter().snapshot().read().waiting(), "the cancelled call left the line");
            second.get(10, TimeUnit.SECONDS);
            double waitedSeconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(waitedSeconds < 3.5, "the second call went in the first one's turn (about 2 s), not after it"
                    + " (about 4 s): " + waitedSeconds + " s");
            assertEquals(2, sent.get(), "the cancelled call was never sent");
            assertThrows(CancellationException.class, first::join);
        }
    }

    @Test
    void aBurstOfAsyncCalls_neverStarvesABlockingCall_firstComeFirstServed() throws Exception {
        // 50 tokens a second at a cost of 10, a bucket of 10: one read every 200 ms, in the order the calls came.
        java.util.Queue<String> answered = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (KalshiClient blocking = client(RateLimits.of(50, 10, 50, 10))) {
            blocking.markets().getMarket(ticker);
            List<CompletableFuture<?>> all = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 3; i++) {
                String name = "async before " + i;
                all.add(blocking.async().markets().getMarket(ticker).thenRun(() -> answered.add(name)));
                awaitWaiting(blocking, i + 1);
            }
            CompletableFuture<?> blockingCall = CompletableFuture.runAsync(() -> {
                blocking.markets().getMarket(ticker);
                answered.add("blocking");
            });
            awaitWaiting(blocking, 4);
            for (int i = 0; i < 10; i++) {
                String name = "async after " + i;
                all.add(blocking.async().markets().getMarket(ticker).thenRun(() -> answered.add(name)));
            }

            blockingCall.get(20, TimeUnit.SECONDS);
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

            List<String> order = List.copyOf(answered);
            assertEquals(List.of("async before 0", "async before 1", "async before 2", "blocking"), order.subList(0, 4),
                    order.toString());
            assertEquals(14, order.size());
        }
    }

    private static void awaitWaiting(KalshiClient c, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (c.rateLimiter().snapshot().read().waiting() < n) {
            assertTrue(System.nanoTime() < deadline, "calls waiting: " + c.rateLimiter().snapshot());
            Thread.sleep(1);
        }
    }

    @Test
    void a429ThatArrivesAnyway_emptiesTheBucket_andIsRetriedAfterRetryAfter() {
        // The clock moves only when the client sleeps, so every wait and every token is exact.
        ManualClock clock = new ManualClock(Instant.now());
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        LocalKalshiExchange.Credentials cred = exchange.credentials(user);
        try (KalshiClient c = KalshiClient.builder().config(exchange.clientConfig())
                .credentials(cred.keyId(), cred.privateKeyPem()).rateLimits(RateLimits.of(10, 100, 10, 100))
                .clock(clock).sleeper(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                }).jitter(() -> 0.0).build()) {
            exchange.faults().next(1, "GET", "/markets/" + ticker).rateLimited(Duration.ofSeconds(1));

            c.markets().getMarket(ticker);

            RateLimiter.Snapshot s = c.rateLimiter().snapshot();
            assertEquals(1, s.serverRejections());
            // Retry-After (1 s) refills 10 tokens into the emptied bucket; the retry needs 11 (its cost and one of
            // headroom), so it waits 100 ms more, and leaves 1 token.
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(100)), sleeps);
            assertEquals(1.0, s.read().tokens(), 1e-6, s.toString());
        }
    }

    @Test
    void webSocketCommandsAreNotCharged() throws Exception {
        Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        try (KalshiClient c = client(RateLimits.of(10, 10, 10, 10), stopped, null)) {
            try (Subscription<WsMessage> sub = c.ws().subscribe(SubscribeRequest.builder(Channel.TICKER).build())
                    .get(10, TimeUnit.SECONDS)) {
                assertTrue(sub.isActive(), "subscribed");
            }
            RateLimiter.Snapshot s = c.rateLimiter().snapshot();
            assertEquals(10, s.read().tokens(), 1e-9, "the WebSocket took no tokens");
            assertEquals(10, s.write().tokens(), 1e-9);
            assertEquals(0, s.waits());
        }
    }

    @Test
    void accountLimitsAreReadOnFirstUse_thenEveryRefreshInterval_andAfterA429() throws Exception {
        ManualClock clock = new ManualClock(Instant.now());
        List<String> sent = new CopyOnWriteArrayList<>();
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().rateLimits(true)
                .authWindow(Clock.systemUTC(), Duration.ofHours(1)).start()) {
            LocalKalshiExchange.Credentials cred = ex.credentials(ex.userIds().get(0));
            try (KalshiClient c = KalshiClient.builder().config(ex.clientConfig())
                    .credentials(cred.keyId(), cred.privateKeyPem())
                    .rateLimits(RateLimits.fromAccount().refreshEvery(Duration.ofMinutes(1)))
                    .httpExchange(recording(sent)).clock(clock).sleeper(clock::advance).jitter(() -> 0.0).build()) {
                assertEquals(0, reads(sent), "nothing is read before the first call");

                c.markets().getMarket(ticker);
                c.markets().getMarket(ticker);
                assertEquals(1, reads(sent), "read once, on first use");
                assertEquals("advanced", c.rateLimiter().snapshot().usageTier());

                clock.advance(Duration.ofSeconds(61));
                c.markets().getMarket(ticker);
                awaitReads(sent, 2);

                ex.faults().next(1, "GET", "/markets/" + ticker).rateLimited(Duration.ofSeconds(1));
                c.markets().getMarket(ticker);
                assertEquals(1, c.rateLimiter().snapshot().serverRejections());
                clock.advance(Duration.ofSeconds(10));
                c.markets().getMarket(ticker);
                awaitReads(sent, 3);
                assertEquals(0, c.rateLimiter().snapshot().rejections());
            }
        }
    }

    private static long reads(List<String> sent) {
        return sent.stream().filter(Operations.GET_ACCOUNT_API_LIMITS.operationId()::equals).count();
    }

    private static void awaitReads(List<String> sent, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reads(sent) < n) {
            assertTrue(System.nanoTime() < deadline, "account limit reads: " + reads(sent));
            Thread.sleep(5);
        }
        assertEquals(n, reads(sent));
    }

    /** The real HTTP exchange, recording the operation of each request it sends. */
    private static HttpExchange recording(List<String> sent) {
        HttpExchange real = new ApacheHttpExchange(Duration.ofSeconds(5), 8, false, "rate-limit-test");
        return new HttpExchange() {
            @Override
            public RawResponse send(RawRequest request) throws IOException {
                sent.add(request.operationId());
                return real.send(request);
            }

            @Override
            public CompletableFuture<RawResponse> sendAsync(RawRequest request) {
                sent.add(request.operationId());
                return real.sendAsync(request);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    /** A clock that moves only when told to. */
    static final class ManualClock extends Clock {
        private final java.util.concurrent.atomic.AtomicReference<Instant> now;

        ManualClock(Instant start) {
            this.now = new java.util.concurrent.atomic.AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** The real HTTP exchange, counting what it sends. */
    private static HttpExchange counting(AtomicInteger sent) {
        HttpExchange real = new ApacheHttpExchange(Duration.ofSeconds(5), 8, false, "rate-limit-test");
        return new HttpExchange() {
            @Override
            public RawResponse send(RawRequest request) throws IOException {
                sent.incrementAndGet();
                return real.send(request);
            }

            @Override
            public CompletableFuture<RawResponse> sendAsync(RawRequest request) {
                sent.incrementAndGet();
                return real.sendAsync(request);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
