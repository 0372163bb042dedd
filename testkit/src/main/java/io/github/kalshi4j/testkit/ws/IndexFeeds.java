package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.testkit.engine.Seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The index values the local exchange streams on its WebSocket index channels: CF Benchmarks indices
 * ({@code cfbenchmarks_value}, and for the ids the seed lists as 5 Hz also {@code cfbenchmarks_value_5hz}) and Pyth
 * underlyings ({@code pyth_value}). The seed names the indices and their starting values
 * ({@code index_feeds}); nothing moves until a value is published.
 *
 * <p>Values come from {@link #publishCfBenchmarks(String, BigDecimal)} and {@link #publishPyth(String, BigDecimal)},
 * which a test calls to put an exact value on the wire, or from {@link #startTicking(Duration, long)}, a
 * deterministic random walk (the same random seed gives the same values in the same order) for demos and the
 * standalone exchange.
 *
 * <p>As on Kalshi, a value whose source timestamp is not after the index's previous one is ignored. Each CF Benchmarks
 * value carries the trailing 60-second average of the ticks before it ({@code avg_60s_data}: the window
 * {@code [ts - 60 s, ts)}, falling back to the value itself when it is empty) and, in the last minute before a
 * quarter-hour close, the average of that minute so far ({@code last_60s_windowed_average_15min}: the window
 * {@code (close - 60 s, close]}, this tick included). Values are written with eight decimals.
 */
public final class IndexFeeds {

    private static final long MINUTE_MS = 60_000;
    private static final long QUARTER_HOUR_MS = 900_000;

    /**
     * A CF Benchmarks average as the channel reports it.
     *
     * @param value            average in USD, eight decimals
     * @param windowSize       ticks averaged
     * @param windowStartMs    start of the window (Unix ms)
     * @param windowEndExclusiveMs end of the window, exclusive (Unix ms)
     */
    record Average(String value, int windowSize, long windowStartMs, long windowEndExclusiveMs) { }

    /** One CF Benchmarks value and its averages; {@code quarterHour} is null outside a quarter's last minute. */
    record CfTick(String indexId, String valueUsd, long sourceTsMs, long receivedAtMs, String data, boolean on5Hz,
            Average trailing, Average quarterHour) { }

    /** One Pyth value. */
    record PythTick(String underlying, String valueUsd, long sourceTsMs, long receivedAtMs) { }

    private record Point(long tsMs, BigDecimal value) { }

    private final Clock clock;
    private final Seed.IndexFeedSpec spec;
    private final Consumer<Object> sink;
    private final Map<String, Deque<Point>> cfHistory = new HashMap<>();
    private final Map<String, Long> lastTs = new HashMap<>();
    private final Map<String, BigDecimal> lastValue = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;

    /**
     * Feeds for the seed's indices; ticks go to {@code sink} (the WebSocket gateway) in publication order.
     *
     * @param clock source timestamps when none is given
     * @param spec  the seed's index feeds
     * @param sink  receives each published tick
     */
    IndexFeeds(Clock clock, Seed.IndexFeedSpec spec, Consumer<Object> sink) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.sink = Objects.requireNonNull(sink, "sink");
        spec.cfBenchmarks().forEach((id, v) -> lastValue.put("cf:" + id, v));
        spec.pyth().forEach((id, v) -> lastValue.put("pyth:" + id, v));
    }

    /** The CF Benchmarks index ids ({@code cfbenchmarks_value_indexlist}), in seed order. */
    public List<String> cfBenchmarksIndices() {
        return List.copyOf(spec.cfBenchmarks().keySet());
    }

    /** The CF Benchmarks index ids also on the 5 Hz feed ({@code cfbenchmarks_value_5hz_indexlist}). */
    public List<String> cfBenchmarks5HzIndices() {
        return spec.cfBenchmarks5Hz();
    }

    /** The Pyth underlying tickers ({@code pyth_value_underlying_list}), in seed order. */
    public List<String> pythUnderlyings() {
        return List.copyOf(spec.pyth().keySet());
    }

    /**
     * Publishes a CF Benchmarks value stamped now (or one millisecond after the index's previous value, so it is
     * never taken for a duplicate).
     *
     * @throws IllegalArgumentException for an index the seed does not list, or a value that is not positive
     */
    public synchronized void publishCfBenchmarks(String indexId, BigDecimal valueUsd) {
        publishCfBenchmarks(indexId, valueUsd, nextTs("cf:" + indexId));
    }

    /**
     * Publishes a CF Benchmarks value with its source timestamp; ignored, as on Kalshi, unless it is after the
     * index's previous one.
     *
     * @return whether the value was published
     * @throws IllegalArgumentException for an index the seed does not list, or a value that is not positive
     */
    public synchronized boolean publishCfBenchmarks(String indexId, BigDecimal valueUsd, long sourceTsMs) {
        require(spec.cfBenchmarks().containsKey(indexId), "CF Benchmarks index", indexId, valueUsd);
        String key = "cf:" + indexId;
        if (!advance(key, sourceTsMs, valueUsd)) {
            return false;
        }
        Deque<Point> history = cfHistory.computeIfAbsent(indexId, k -> new ArrayDeque<>());
        while (!history.isEmpty() && history.peekFirst().tsMs() < sourceTsMs - MINUTE_MS) {
            history.pollFirst();
        }
        Average trailing = average(history, sourceTsMs - MINUTE_MS, sourceTsMs, false, null);
        if (trailing.windowSize() == 0) {
            trailing = new Average(usd(valueUsd), 0, sourceTsMs - MINUTE_MS, sourceTsMs);
        }
        long close = (sourceTsMs + QUARTER_HOUR_MS - 1) / QUARTER_HOUR_MS * QUARTER_HOUR_MS;
        Average quarter = sourceTsMs > close - MINUTE_MS
                ? average(history, close - MINUTE_MS, sourceTsMs + 1, true, new Point(sourceTsMs, valueUsd)) : null;
        history.addLast(new Point(sourceTsMs, valueUsd));
        String data = "{\"type\":\"value\",\"id\":\"" + indexId + "\",\"time\":" + sourceTsMs + ",\"value\":\""
                + valueUsd.toPlainString() + "\"}";
        sink.accept(new CfTick(indexId, usd(valueUsd), sourceTsMs, sourceTsMs, data,
                spec.cfBenchmarks5Hz().contains(indexId), trailing, quarter));
        return true;
    }

    /**
     * Publishes a Pyth value stamped now (or one millisecond after the underlying's previous value).
     *
     * @throws IllegalArgumentException for an underlying the seed does not list, or a value that is not positive
     */
    public synchronized void publishPyth(String underlying, BigDecimal valueUsd) {
        publishPyth(underlying, valueUsd, nextTs("pyth:" + underlying));
    }

    /**
     * Publishes a Pyth value with its source timestamp; ignored, as on Kalshi, unless it is after the underlying's
     * previous one.
     *
     * @return whether the value was published
     * @throws IllegalArgumentException for an underlying the seed does not list, or a value that is not positive
     */
    public synchronized boolean publishPyth(String underlying, BigDecimal valueUsd, long sourceTsMs) {
        require(spec.pyth().containsKey(underlying), "Pyth underlying", underlying, valueUsd);
        if (!advance("pyth:" + underlying, sourceTsMs, valueUsd)) {
            return false;
        }
        sink.accept(new PythTick(underlying, usd(valueUsd), sourceTsMs, sourceTsMs));
        return true;
    }

    /**
     * Publishes a value of every index and underlying each {@code interval}: a random walk from the seed's starting
     * values (steps of at most 0.1 %, rounded to the starting value's decimals), deterministic for a given
     * {@code randomSeed}. Replaces a walk already running.
     */
    public synchronized void startTicking(Duration interval, long randomSeed) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        stopTicking();
        Random random = new Random(randomSeed);
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kalshi4j-index-ticks");
            t.setDaemon(true);
            return t;
        });
        s.scheduleAtFixedRate(() -> tickAll(random), interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        ticker = s;
    }

    /** Stops the random walk, if one runs. */
    public synchronized void stopTicking() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    private synchronized void tickAll(Random random) {
        for (String id : spec.cfBenchmarks().keySet()) {
            publishCfBenchmarks(id, step(random, "cf:" + id, spec.cfBenchmarks().get(id).scale()));
        }
        for (String id : spec.pyth().keySet()) {
            publishPyth(id, step(random, "pyth:" + id, spec.pyth().get(id).scale()));
        }
    }

    private BigDecimal step(Random random, String key, int scale) {
        BigDecimal last = lastValue.get(key);
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(random.nextInt(21) - 10, 4));
        BigDecimal next = last.multiply(factor).setScale(Math.max(2, scale), RoundingMode.HALF_EVEN);
        return next.signum() > 0 ? next : last;
    }

    private long nextTs(String key) {
        Long last = lastTs.get(key);
        long now = clock.millis();
        return last == null || now > last ? now : last + 1;
    }

    private boolean advance(String key, long tsMs, BigDecimal value) {
        Long last = lastTs.get(key);
        if (last != null && tsMs <= last) {
            return false;
        }
        lastTs.put(key, tsMs);
        lastValue.put(key, value);
        return true;
    }

    private static Average average(Deque<Point> history, long from, long toExclusive, boolean fromExclusive,
            Point current) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Point p : history) {
            boolean afterStart = fromExclusive ? p.tsMs() > from : p.tsMs() >= from;
            if (afterStart && p.tsMs() < toExclusive) {
                sum = sum.add(p.value());
                n++;
            }
        }
        if (current != null) {
            sum = sum.add(current.value());
            n++;
        }
        String value = n == 0 ? usd(BigDecimal.ZERO) : usd(sum.divide(BigDecimal.valueOf(n), 8, RoundingMode.HALF_EVEN));
        return new Average(value, n, from, toExclusive);
    }

    private static String usd(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static void require(boolean known, String what, String id, BigDecimal value) {
        if (!known) {
            throw new IllegalArgumentException("the seed lists no " + what + " '" + id + "' (index_feeds)");
        }
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException("an index value must be positive, got " + value);
        }
    }
}
