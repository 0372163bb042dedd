package io.github.kalshi4j.internal;

import io.github.kalshi4j.errors.KalshiClientClosedException;
import io.github.kalshi4j.errors.KalshiRateLimitException;
import io.github.kalshi4j.http.Sleeper;
import io.github.kalshi4j.ratelimit.RateLimitWait;
import io.github.kalshi4j.ratelimit.RateLimiter;
import io.github.kalshi4j.ratelimit.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket of a {@link TokenBucketLimiter} and its line of waiting calls. All state is guarded by the
 * bucket's monitor; the limiter's counters, clock and wake-up means are the owner's.
 */
final class TokenBucket {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.kalshi4j.ratelimit");
    /** The shortest wake-up delay: below it, rounding would make the line spin. */
    private static final long MIN_WAKEUP_NANOS = 50_000;

    private final TokenBucketLimiter owner;
    private final String name;
    private int rate;
    private int capacity;
    private double tokens;
    private long last;
    private long inFlight;
    private final ArrayDeque<Waiter> line = new ArrayDeque<>();
    private long wakeupAt = Long.MAX_VALUE;

    TokenBucket(TokenBucketLimiter owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    synchronized void configure(RateLimits.Bucket b, boolean fresh) {
        long now = owner.now();
        if (fresh) {
            tokens = b.capacity();
            last = now;
        } else {
            refill(now);
        }
        rate = b.refillRate();
        capacity = b.capacity();
        tokens = Math.min(tokens, capacity);
    }

    synchronized void charge(int cost) {
        refill(owner.now());
        tokens -= cost;
    }

    synchronized RateLimiter.BucketState state() {
        refill(owner.now());
        return new RateLimiter.BucketState(rate, capacity, tokens, (int) line.stream().filter(w -> !w.future.isDone()).count(),
                inFlight);
    }

    /** Adds the refill since the last look, up to the capacity less what is in flight. */
    private void refill(long now) {
        if (now <= last) {
            return;
        }
        double ceiling = capacity - inFlight;
        if (tokens < ceiling) {
            tokens = Math.min(ceiling, tokens + (now - last) * (double) rate / 1e9);
        }
        last = now;
    }

    private double headroom() {
        return Math.max(1.0, rate * (TokenBucketLimiter.HEADROOM.toNanos() / 1e9));
    }

    /** The tokens the bucket must hold to let a request of this cost go: its cost plus headroom, at most full. */
    private double need(int cost) {
        return Math.min(cost + headroom(), capacity);
    }

    /** Nanoseconds until the bucket holds {@code need} more tokens than now. */
    private long nanosFor(double need) {
        if (need <= 0) {
            return 0;
        }
        double n = Math.ceil(need * 1e9 / rate);
        return n >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : (long) n;
    }

    CompletableFuture<TokenBucketLimiter.Permit> acquire(String operationId, int cost, RateLimitWait mode) {
        Waiter waiter;
        synchronized (this) {
            long now = owner.now();
            refill(now);
            if (cost > capacity) {
                owner.rejections.incrementAndGet();
                throw KalshiRateLimitException.clientSide(operationId, Duration.ZERO, operationId + " costs " + cost
                        + " tokens, more than the " + name + " bucket holds (" + capacity + "): the exchange"
                        + " would refuse it every time");
            }
            if (line.isEmpty() && tokens >= need(cost)) {
                tokens -= cost;
                inFlight += cost;
                return CompletableFuture.completedFuture(new TokenBucketLimiter.Permit(this, cost, 0));
            }
            double ahead = 0;
            for (Waiter w : line) {
                ahead += w.future.isDone() ? 0 : w.cost;
            }
            long eta = nanosFor(ahead + need(cost) - tokens);
            if (mode.isFailFast() || eta > mode.maxWait().toNanos()) {
                owner.rejections.incrementAndGet();
                throw KalshiRateLimitException.clientSide(operationId, Duration.ofNanos(eta), operationId + ": the "
                        + name + " bucket holds " + (long) Math.floor(Math.max(0, tokens)) + " of the " + cost
                        + " tokens it costs" + (ahead > 0 ? " (" + (long) ahead + " more wanted by calls before it)"
                        : "") + "; " + (mode.isFailFast() ? "fail-fast mode"
                        : "the expected wait exceeds maxWait " + mode.maxWait().toMillis() + " ms"));
            }
            waiter = new Waiter(operationId, cost, now, saturatedAdd(now, mode.maxWait().toNanos()));
            line.add(waiter);
            owner.waits.incrementAndGet();
            scheduleWakeup(now);
        }
        // Giving up a place (a cancelled call) lets the calls behind it move up at once.
        waiter.future.whenComplete((p, e) -> {
            if (waiter.future.isCancelled()) {
                pump(0);
            }
        });
        return waiter.future;
    }

    synchronized void empty() {
        refill(owner.now());
        tokens = Math.min(tokens, 0);
    }

    void release(int cost, boolean sent) {
        synchronized (this) {
            refill(owner.now());
            inFlight -= cost;
            if (!sent) {
                tokens = Math.min(tokens + cost, capacity - inFlight);
            }
        }
        pump(0);
    }

    void failAll() {
        List<Waiter> all;
        synchronized (this) {
            all = new ArrayList<>(line);
            line.clear();
        }
        for (Waiter w : all) {
            w.future.completeExceptionally(new KalshiClientClosedException(w.operationId, w.operationId
                    + ": the kalshi4j client was closed while this call waited for its rate limit", null));
        }
    }

    /** Serves the line as far as the bucket allows; {@code firedAt} is the wake-up that ran it, or 0. */
    void pump(long firedAt) {
        List<Waiter> granted = new ArrayList<>();
        List<Waiter> expired = new ArrayList<>();
        long now;
        synchronized (this) {
            if (firedAt != 0 && firedAt == wakeupAt) {
                wakeupAt = Long.MAX_VALUE;
            }
            now = owner.now();
            refill(now);
            while (!line.isEmpty()) {
                Waiter w = line.peek();
                if (w.future.isDone()) {
                    line.poll();
                } else if (tokens >= need(w.cost)) {
                    line.poll();
                    tokens -= w.cost;
                    inFlight += w.cost;
                    granted.add(w);
                } else {
                    break;
                }
            }
            // A call whose turn comes after its deadline fails now rather than at the deadline.
            double ahead = -tokens;
            for (Iterator<Waiter> it = line.iterator(); it.hasNext();) {
                Waiter w = it.next();
                if (w.future.isDone()) {
                    it.remove();
                    continue;
                }
                if (now + nanosFor(ahead + need(w.cost)) > w.deadline) {
                    it.remove();
                    expired.add(w);
                } else {
                    ahead += w.cost;
                }
            }
            if (!line.isEmpty()) {
                scheduleWakeup(now);
            }
        }
        for (Waiter w : granted) {
            long waited = now - w.since;
            TokenBucketLimiter.Permit permit = new TokenBucketLimiter.Permit(this, w.cost, waited);
            if (!w.future.complete(permit)) {
                permit.release(false);
                continue;
            }
            if (LOG.isDebugEnabled() && waited > owner.limits.logWaitsOver().toNanos()) {
                LOG.debug("{} waited {} ms for {} tokens of the {} bucket", w.operationId,
                        TimeUnit.NANOSECONDS.toMillis(waited), w.cost, name);
            }
        }
        for (Waiter w : expired) {
            owner.rejections.incrementAndGet();
            w.future.completeExceptionally(KalshiRateLimitException.clientSide(w.operationId,
                    Duration.ofNanos(Math.max(0, w.deadline - now)), w.operationId + ": still waiting for the "
                    + name + " bucket when its maxWait ran out"));
        }
    }

    /** Makes sure a wake-up comes when the first call in line can be served (or its deadline passes). */
    private void scheduleWakeup(long now) {
        Waiter head = null;
        for (Waiter w : line) {
            if (!w.future.isDone()) {
                head = w;
                break;
            }
        }
        if (head == null || owner.closed) {
            return;
        }
        long delay = Math.max(MIN_WAKEUP_NANOS, nanosFor(need(head.cost) - tokens));
        long at = saturatedAdd(now, delay);
        if (wakeupAt <= at && wakeupAt > now) {
            return;
        }
        wakeupAt = at;
        try {
            if (owner.sleeper == Sleeper.SYSTEM) {
                owner.scheduler.schedule(() -> pump(at), delay, TimeUnit.NANOSECONDS);
            } else {
                owner.worker.execute(() -> {
                    try {
                        owner.sleeper.sleep(Duration.ofNanos(delay));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    pump(at);
                });
            }
        } catch (RejectedExecutionException e) {
            // The client is closing: close() fails the line.
            wakeupAt = Long.MAX_VALUE;
        }
    }

    /** A call waiting in line. */
    static final class Waiter {
        final String operationId;
        final int cost;
        final long since;
        final long deadline;
        final CompletableFuture<TokenBucketLimiter.Permit> future = new CompletableFuture<>();

        Waiter(String operationId, int cost, long since, long deadline) {
            this.operationId = operationId;
            this.cost = cost;
            this.since = since;
            this.deadline = deadline;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
