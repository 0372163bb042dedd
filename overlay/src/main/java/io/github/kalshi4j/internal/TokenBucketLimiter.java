package io.github.kalshi4j.internal;

import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.errors.KalshiRateLimitException;
import io.github.kalshi4j.http.Sleeper;
import io.github.kalshi4j.ratelimit.RateLimitWait;
import io.github.kalshi4j.ratelimit.RateLimiter;
import io.github.kalshi4j.ratelimit.RateLimits;
import io.github.kalshi4j.transport.OperationInfo;
import io.github.kalshi4j.transport.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The client's rate limiter: a read and a write token bucket that mirror Kalshi's. Each attempt takes its endpoint's
 * cost (matched on method and path template) from its bucket before it is signed; a call the bucket cannot cover
 * waits in line, FIFO per bucket whatever the caller (blocking or async), or fails at once.
 *
 * <p>Two rules keep the client's bucket from ever holding more than the server's, so that a request it lets through
 * is never refused:
 * <ul>
 *   <li><b>In flight counts against the capacity.</b> The server charges a request when it arrives, a moment after
 *       the client did; meanwhile a full server bucket cannot refill, while the client's, already charged, would.
 *       So the client's bucket refills only while its tokens plus the cost of requests not yet answered are below
 *       the capacity.</li>
 *   <li><b>Headroom.</b> A request goes once the bucket holds its cost plus {@link #HEADROOM} worth of refill (at
 *       least one token): clocks and the server's arithmetic may round against us. It costs that much once, at the
 *       start, not per request.</li>
 * </ul>
 * A 429 that arrives all the same empties the bucket. Waits are timed by the injectable clock and, when a sleeper is
 * injected, slept by it; otherwise the client's scheduler wakes the line up.
 */
public final class TokenBucketLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.kalshi4j.ratelimit");

    /** The request options attribute of the limiter's own reads of the account's limits. */
    public static final String ACCOUNT_READ = "kalshi4j.rateLimiter.accountRead";

    /** Refill held back before a request goes (at least one token). */
    static final Duration HEADROOM = Duration.ofMillis(5);
    /** The shortest gap between two refreshes of account limits that a 429 asks for. */
    static final Duration MIN_REFRESH_GAP = Duration.ofSeconds(10);

    /**
     * What the account reports.
     *
     * @param usageTier the usage tier, or null
     * @param read the read bucket
     * @param write the write bucket
     * @param defaultCost the cost of an endpoint not listed
     * @param costs the listed endpoints' costs by {@link RateLimits#endpointKey(String, String)}
     */
    public record AccountLimits(String usageTier, RateLimits.Bucket read, RateLimits.Bucket write, int defaultCost,
            Map<String, Integer> costs) { }

    /** The costs in force. */
    private record Table(String usageTier, int defaultCost, Map<String, Integer> costs) {
        int costOf(OperationInfo op) {
            return costs.getOrDefault(RateLimits.endpointKey(op.method(), op.pathTemplate()), defaultCost);
        }
    }

    final RateLimits limits;
    final Clock clock;
    final Sleeper sleeper;
    final ScheduledExecutorService scheduler;
    final Executor worker;
    private final TokenBucket read = new TokenBucket(this, "read");
    private final TokenBucket write = new TokenBucket(this, "write");
    final AtomicLong waits = new AtomicLong();
    final AtomicLong rejections = new AtomicLong();
    private final AtomicLong serverRejections = new AtomicLong();
    private final Map<OperationInfo, String> keys = new ConcurrentHashMap<>();
    private volatile Table table;
    volatile boolean closed;

    // Account limits: guarded by this.
    private Supplier<CompletableFuture<AccountLimits>> accountReader;
    private Supplier<AccountLimits> blockingAccountReader;
    private CompletableFuture<Void> firstLoad;
    private boolean refreshing;
    private boolean stale;
    private long loadedAtNanos;
    private long lastLoadStartNanos;

    /**
     * Creates the limiter.
     *
     * @param limits what the buckets hold and cost
     * @param clock times waits and refills
     * @param sleeper {@link Sleeper#SYSTEM}: the scheduler wakes waiting calls up; any other sleeper sleeps the waits
     *     on a worker (tests)
     * @param scheduler wakes waiting calls up
     * @param worker runs injected sleeps
     */
    public TokenBucketLimiter(RateLimits limits, Clock clock, Sleeper sleeper, ScheduledExecutorService scheduler,
            Executor worker) {
        this.limits = limits;
        this.clock = clock;
        this.sleeper = sleeper;
        this.scheduler = scheduler;
        this.worker = worker;
        if (limits.source() == RateLimits.Source.EXPLICIT) {
            this.table = new Table(null, limits.defaultCost(), limits.endpointCosts());
            read.configure(limits.read(), true);
            write.configure(limits.write(), true);
        }
    }

    /**
     * How account limits are read: two GETs sent with the {@link #ACCOUNT_READ} attribute, async (the future
     * completes with the limits, or exceptionally) for async calls, blocking for blocking calls (so a client that only
     * makes blocking calls never starts the async connection pool).
     */
    public synchronized void accountReader(Supplier<CompletableFuture<AccountLimits>> reader,
            Supplier<AccountLimits> blockingReader) {
        this.accountReader = reader;
        this.blockingAccountReader = blockingReader;
    }

    @Override
    public RateLimits limits() {
        return limits;
    }

    @Override
    public Snapshot snapshot() {
        Table t = table;
        if (t == null) {
            return new Snapshot(false, null, null, null, limits.defaultCost(), waits.get(), rejections.get(),
                    serverRejections.get());
        }
        return new Snapshot(true, t.usageTier(), read.state(), write.state(), t.defaultCost(), waits.get(),
                rejections.get(), serverRejections.get());
    }

    /** True when calls are limited at all. */
    public boolean enabled() {
        return limits.enabled();
    }

    long now() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    // ------------------------------------------------------------------ account limits

    /**
     * Completes when the limits are known: at once, except for account limits before they were first read (the first
     * call reads them; the calls meanwhile wait for that). Starts a refresh of account limits when one is due; calls
     * do not wait for a refresh. Never completes exceptionally: limits that cannot be read leave calls unlimited
     * (logged) until a later attempt reads them. A blocking caller reads them itself, on its own thread (a first read,
     * or a refresh: one call in a while is slower by two round trips); an async caller starts async reads.
     *
     * @param options the call's options
     * @param blocking true when the caller is a blocking call
     */
    public CompletableFuture<Void> ready(RequestOptions options, boolean blocking) {
        if (limits.source() != RateLimits.Source.ACCOUNT || options.attributes().containsKey(ACCOUNT_READ)) {
            return CompletableFuture.completedFuture(null);
        }
        boolean refresh = false;
        CompletableFuture<Void> wait;
        synchronized (this) {
            long now = now();
            if (table == null) {
                if (firstLoad == null) {
                    firstLoad = new CompletableFuture<>();
                    lastLoadStartNanos = now;
                    refresh = true;
                } else if (firstLoad.isDone() && !refreshing
                        && now - lastLoadStartNanos >= DEFAULT_RETRY_LOAD.toNanos()) {
                    // The first read failed: try again now and then, without holding calls up.
                    refreshing = true;
                    lastLoadStartNanos = now;
                    refresh = true;
                }
                wait = firstLoad;
            } else {
                boolean due = now - loadedAtNanos >= limits.refreshEvery().toNanos()
                        || (stale && now - lastLoadStartNanos >= MIN_REFRESH_GAP.toNanos());
                if (due && !refreshing) {
                    refreshing = true;
                    lastLoadStartNanos = now;
                    refresh = true;
                }
                wait = CompletableFuture.completedFuture(null);
            }
        }
        if (refresh) {
            load(blocking);
        }
        return wait;
    }

    /** How long after a failed first read of account limits it is tried again. */
    static final Duration DEFAULT_RETRY_LOAD = Duration.ofSeconds(60);

    private void load(boolean blocking) {
        Supplier<CompletableFuture<AccountLimits>> reader;
        Supplier<AccountLimits> blockingReader;
        synchronized (this) {
            reader = accountReader;
            blockingReader = blockingAccountReader;
        }
        CompletableFuture<AccountLimits> f;
        try {
            if (blocking && blockingReader != null) {
                f = CompletableFuture.completedFuture(blockingReader.get());
            } else {
                f = reader == null ? CompletableFuture.failedFuture(new IllegalStateException("no account reader"))
                        : reader.get();
            }
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((account, error) -> {
            if (error != null && closed) {
                LOG.debug("reading the account's rate limits stopped: the client closed");
            } else if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.warn("cannot read the account's rate limits ({}); {}", cause.toString(),
                        table == null ? "calls are not limited until they can be read"
                                : "the limits read earlier stay in force");
            } else {
                apply(account);
            }
            CompletableFuture<Void> first;
            synchronized (this) {
                refreshing = false;
                first = firstLoad;
            }
            first.complete(null);
        });
    }

    private void apply(AccountLimits account) {
        boolean first;
        synchronized (this) {
            first = table == null;
        }
        Table t = new Table(account.usageTier(), account.defaultCost(), Map.copyOf(account.costs()));
        // The buckets are set before the table is published: a call that sees the table finds them ready.
        read.configure(account.read(), first);
        write.configure(account.write(), first);
        if (first) {
            // The two reads were sent before there were buckets to charge; the server charged them all the same.
            read.charge(t.costOf(Operations.GET_ACCOUNT_API_LIMITS) + t.costOf(Operations.GET_ACCOUNT_ENDPOINT_COSTS));
        }
        synchronized (this) {
            table = t;
            loadedAtNanos = now();
            stale = false;
        }
        LOG.debug("rate limits of the account (tier {}): read {}, write {}, default cost {}, {} endpoint(s) with a"
                + " cost of their own", account.usageTier(), account.read(), account.write(), account.defaultCost(),
                account.costs().size());
    }

    // ------------------------------------------------------------------ admission

    /** The cost of one request of {@code op} under the limits in force; 0 when not limited. */
    public int costOf(OperationInfo op) {
        Table t = table;
        return t == null ? 0 : t.costs().getOrDefault(key(op), t.defaultCost());
    }

    private String key(OperationInfo op) {
        return keys.computeIfAbsent(op, o -> RateLimits.endpointKey(o.method(), o.pathTemplate()));
    }

    /**
     * Takes the cost of one attempt of {@code op} from its bucket: a permit at once when the bucket covers it and no
     * call is waiting before it, else a place in line whose future completes with the permit (cancel the future to
     * give the place up). Call {@link #ready(RequestOptions, boolean)} first.
     *
     * @throws KalshiRateLimitException when the call's mode is fail-fast, or its expected wait exceeds its maxWait
     */
    public CompletableFuture<Permit> admit(OperationInfo op, RequestOptions options) {
        Table t = table;
        if (t == null || closed) {
            return Permit.UNLIMITED_FUTURE;
        }
        Object opt = options.attributes().get(RateLimitWait.ATTRIBUTE);
        RateLimitWait mode = opt instanceof RateLimitWait w ? w : limits.waitMode();
        int cost = t.costs().getOrDefault(key(op), t.defaultCost());
        return bucketOf(op).acquire(op.operationId(), cost, mode);
    }

    private TokenBucket bucketOf(OperationInfo op) {
        return op.method().equals("GET") || op.method().equals("HEAD") ? read : write;
    }

    /** A 429 arrived for {@code op}: its bucket is empty, and account limits are read again soon. */
    public void rateLimited(OperationInfo op) {
        if (!limits.enabled()) {
            return;
        }
        serverRejections.incrementAndGet();
        if (table != null) {
            bucketOf(op).empty();
        }
        synchronized (this) {
            stale = true;
        }
    }

    /** Fails every call waiting in line: the client is closing. */
    public void close() {
        closed = true;
        read.failAll();
        write.failAll();
    }

    /** The right to send one attempt: release it once the attempt is answered or failed, exactly once. */
    public static final class Permit {
        static final Permit UNLIMITED = new Permit(null, 0, 0);
        static final CompletableFuture<Permit> UNLIMITED_FUTURE = CompletableFuture.completedFuture(UNLIMITED);

        private final TokenBucket bucket;
        private final int cost;
        private final long waitedNanos;
        private final AtomicBoolean released = new AtomicBoolean();

        Permit(TokenBucket bucket, int cost, long waitedNanos) {
            this.bucket = bucket;
            this.cost = cost;
            this.waitedNanos = waitedNanos;
        }

        /** The tokens this attempt took. */
        public int cost() {
            return cost;
        }

        /** How long the call waited in line for it. */
        public Duration waited() {
            return Duration.ofNanos(waitedNanos);
        }

        /**
         * The attempt is over.
         *
         * @param sent false when the request never left (its tokens go back to the bucket)
         */
        public void release(boolean sent) {
            if (bucket != null && released.compareAndSet(false, true)) {
                bucket.release(cost, sent);
            }
        }
    }

}
