package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiRateLimitException;
import io.github.kalshi4j.ratelimit.RateLimits;
import io.github.kalshi4j.testkit.LocalKalshiExchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A saturated closed loop against a local exchange with rate limits on: {@link #THREADS} threads make mixed signed
 * GETs back to back for a few seconds, with kalshi4j's rate limiter ({@code RateLimits.fromAccount()}) or without it
 * ({@code none}), on a fresh exchange each time so no run inherits another's bucket. It reports what fraction of the
 * read budget (bucket capacity plus refill rate times the loop's time, in cost units) the loop completed and how many
 * 429s it got. Retries are off, so every 429 is counted.
 */
final class RateLimitLoop {

    /** Threads of the closed loop. */
    static final int THREADS = 8;
    /** The read bucket of the loop's tier: Kalshi's basic tier, 20 reads a second at the default cost of 10. */
    static final int READ_RATE = 200;
    static final int READ_CAPACITY = 200;

    private RateLimitLoop() {
    }

    /**
     * Runs one loop.
     *
     * @param limited with kalshi4j's limiter (the account's buckets), or without
     * @param seconds how long the threads keep starting calls
     * @return calls, costUnits, rateLimited (429s), otherFailures, seconds, budget and fraction
     */
    static ObjectNode run(boolean limited, double seconds) {
        try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().rateLimits(true)
                .rateLimitTier("basic", READ_RATE, READ_CAPACITY, 100, 100).start()) {
            String user = exchange.userIds().stream()
                    .filter(u -> exchange.engine().getAccount(u).tier().equals("basic")).findFirst().orElseThrow();
            String ticker;
            try (KalshiClient anon = exchange.publicClient()) {
                ticker = anon.markets().getMarkets(p -> p.status("open").limit(1L)).markets().get(0).ticker();
            }
            LocalKalshiExchange.Credentials c = exchange.credentials(user);
            try (KalshiClient client = KalshiClient.builder()
                    .config(exchange.clientConfig().toBuilder().maxRetries(0).build())
                    .credentials(c.keyId(), c.privateKeyPem())
                    .rateLimits(limited ? RateLimits.fromAccount() : RateLimits.none()).build()) {
                return loop(client, ticker, limited, Duration.ofNanos((long) (seconds * 1e9)));
            }
        }
    }

    private static ObjectNode loop(KalshiClient client, String ticker, boolean limited, Duration length) {
        AtomicLong calls = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong rateLimited = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = start[0] + length.toNanos();
                while (System.nanoTime() < end) {
                    long n = calls.getAndIncrement();
                    try {
                        switch ((int) (n & 3)) {
                            case 0 -> client.markets().getMarket(ticker);
                            case 1 -> client.markets().getMarkets(p -> p.limit(5L));
                            case 2 -> client.portfolio().getBalance();
                            default -> client.orders().getOrders(p -> p.limit(5L));
                        }
                        ok.incrementAndGet();
                    } catch (KalshiRateLimitException e) {
                        (e.clientSide() ? other : rateLimited).incrementAndGet();
                    } catch (RuntimeException e) {
                        other.incrementAndGet();
                    }
                    lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }, "rate-limit-loop-" + i);
            threads.add(t);
            t.start();
        }
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double seconds = (lastAnswer.get() - start[0]) / 1e9;
        // Every read here costs the default; the limiter's two reads of the account's limits count as spent too.
        long cost = ok.get() * RateLimits.KALSHI_DEFAULT_COST + (limited ? 2L * RateLimits.KALSHI_DEFAULT_COST : 0);
        double budget = READ_CAPACITY + READ_RATE * seconds;
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("calls", calls.get()).put("succeeded", ok.get()).put("costUnits", cost)
                .put("rateLimited", rateLimited.get()).put("otherFailures", other.get()).put("seconds", seconds)
                .put("budget", budget).put("fraction", cost / budget)
                .put("serverRejectionsSeen", client.rateLimiter().snapshot().serverRejections());
        return out;
    }
}
