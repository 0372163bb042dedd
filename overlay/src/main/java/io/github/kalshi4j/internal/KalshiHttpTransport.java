package io.github.kalshi4j.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.api.AccountApi;
import io.github.kalshi4j.api.AccountApiAsync;
import io.github.kalshi4j.api.ExchangeApi;
import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.api.OrdersApi;
import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.errors.KalshiApiException;
import io.github.kalshi4j.errors.KalshiAuthException;
import io.github.kalshi4j.errors.KalshiClientClosedException;
import io.github.kalshi4j.errors.KalshiDecodeException;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiNetworkException;
import io.github.kalshi4j.errors.KalshiOrderOutcomeUnknownException;
import io.github.kalshi4j.errors.KalshiPaginationException;
import io.github.kalshi4j.errors.KalshiTimeoutException;
import io.github.kalshi4j.http.HttpExchange;
import io.github.kalshi4j.http.RawRequest;
import io.github.kalshi4j.http.RawResponse;
import io.github.kalshi4j.http.RetryPolicy;
import io.github.kalshi4j.http.Sleeper;
import io.github.kalshi4j.model.EndpointTokenCost;
import io.github.kalshi4j.model.GetAccountApiLimitsResponse;
import io.github.kalshi4j.model.GetAccountEndpointCostsResponse;
import io.github.kalshi4j.model.GetUserDataTimestampResponse;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.pagination.CursorPager;
import io.github.kalshi4j.ratelimit.RateLimits;
import io.github.kalshi4j.transport.ApiRequest;
import io.github.kalshi4j.transport.ApiResponse;
import io.github.kalshi4j.transport.KalshiTransport;
import io.github.kalshi4j.transport.OperationInfo;
import io.github.kalshi4j.transport.PageIterable;
import io.github.kalshi4j.transport.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * kalshi4j's implementation of the generated {@link KalshiTransport}. Every call reads as a sentence:
 * <b>retry</b> ({@link RetryPolicy}) &rarr; <b>limit</b> (the attempt's endpoint cost from the client's
 * {@link TokenBucketLimiter}, waiting in line if need be) &rarr; <b>sign</b> (a fresh RSA-PSS signature per attempt,
 * over the final path) &rarr; <b>log</b> (SLF4J debug, never secrets) &rarr; <b>transport</b> ({@link HttpExchange}),
 * then the answer is mapped to a model or to a {@link KalshiException}.
 *
 * <p>The async path signs and decodes on kalshi4j's worker executor, never on the HTTP I/O thread.
 */
public final class KalshiHttpTransport implements KalshiTransport {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.kalshi4j.http");

    /** RequestOptions attribute that turns on safe retry for one CreateOrder call. */
    public static final String SAFE_ORDER_RETRY = "kalshi4j.safeOrderRetry";

    private static final byte[] EMPTY_JSON_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private final KalshiConfig config;
    private final KalshiSigner signer;
    private final HttpExchange exchange;
    private final ObjectMapper mapper;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Executor worker;
    private final ScheduledExecutorService scheduler;
    private final boolean safeOrderRetry;
    private final TokenBucketLimiter limiter;
    /** Async calls not yet completed, so closing the client can fail them instead of leaving them hanging. */
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final String basePath;
    private final String baseUrl;

    /**
     * Creates the transport.
     *
     * @param config connection settings
     * @param signer request signer, or null for an unauthenticated client
     * @param exchange the byte-level HTTP exchange
     * @param mapper JSON mapper for models
     * @param retryPolicy retry rules
     * @param sleeper waits between blocking retries
     * @param clock time source for signatures and Retry-After dates
     * @param worker executor for async signing and decoding
     * @param scheduler schedules async retries
     * @param safeOrderRetry retry CreateOrder with a client_order_id safely, by default
     * @param rateLimits the client's rate limits
     */
    public KalshiHttpTransport(KalshiConfig config, KalshiSigner signer, HttpExchange exchange, ObjectMapper mapper,
            RetryPolicy retryPolicy, Sleeper sleeper, Clock clock, Executor worker, ScheduledExecutorService scheduler,
            boolean safeOrderRetry, RateLimits rateLimits) {
        this.config = config;
        this.signer = signer;
        this.exchange = exchange;
        this.mapper = mapper;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.worker = worker;
        this.scheduler = scheduler;
        this.safeOrderRetry = safeOrderRetry;
        String path = config.baseUrl().getRawPath();
        this.basePath = path == null ? "" : path;
        this.baseUrl = config.baseUrl().toString();
        this.limiter = new TokenBucketLimiter(rateLimits, clock, sleeper, scheduler, worker);
        this.limiter.accountReader(this::readAccountLimits, this::readAccountLimitsBlocking);
    }

    /** The client's rate limiter. */
    public TokenBucketLimiter rateLimiter() {
        return limiter;
    }

    /**
     * The account's rate limits, read with two async GETs that the limiter lets through uncharged the first time
     * ({@link TokenBucketLimiter#ACCOUNT_READ}). An exchange without {@code /account/endpoint_costs} leaves every
     * endpoint at Kalshi's default cost.
     */
    private CompletableFuture<TokenBucketLimiter.AccountLimits> readAccountLimits() {
        RequestOptions options = RequestOptions.builder().attribute(TokenBucketLimiter.ACCOUNT_READ, true).build();
        AccountApiAsync account = new AccountApiAsync(this);
        CompletableFuture<GetAccountApiLimitsResponse> buckets = account.getAccountApiLimits(options);
        CompletableFuture<GetAccountEndpointCostsResponse> costs = account.getAccountEndpointCosts(options)
                .exceptionally(e -> {
                    LOG.debug("cannot read the account's endpoint costs ({}); every endpoint costs the default", e.toString());
                    return null;
                });
        return buckets.thenCombine(costs, KalshiHttpTransport::accountLimits);
    }

    /** {@link #readAccountLimits()} with blocking calls, on the calling thread. */
    private TokenBucketLimiter.AccountLimits readAccountLimitsBlocking() {
        RequestOptions options = RequestOptions.builder().attribute(TokenBucketLimiter.ACCOUNT_READ, true).build();
        AccountApi account = new AccountApi(this);
        GetAccountApiLimitsResponse buckets = account.getAccountApiLimits(options);
        GetAccountEndpointCostsResponse costs;
        try {
            costs = account.getAccountEndpointCosts(options);
        } catch (KalshiException e) {
            LOG.debug("cannot read the account's endpoint costs ({}); every endpoint costs the default", e.toString());
            costs = null;
        }
        return accountLimits(buckets, costs);
    }

    /** The limits in two answers; an exchange without endpoint costs ({@code c} null) leaves every cost the default. */
    private static TokenBucketLimiter.AccountLimits accountLimits(GetAccountApiLimitsResponse b,
            GetAccountEndpointCostsResponse c) {
        if (b.read() == null || b.write() == null || b.read().refillRate() == null
                || b.read().bucketCapacity() == null || b.write().refillRate() == null
                || b.write().bucketCapacity() == null) {
            throw new KalshiException(Operations.GET_ACCOUNT_API_LIMITS.operationId()
                    + ": the answer has no read and write buckets: " + b);
        }
        Map<String, Integer> byKey = new LinkedHashMap<>();
        int defaultCost = RateLimits.KALSHI_DEFAULT_COST;
        if (c != null) {
            if (c.defaultCost() != null && c.defaultCost() > 0) {
                defaultCost = c.defaultCost();
            }
            for (EndpointTokenCost e : c.endpointCosts() == null ? List.<EndpointTokenCost>of() : c.endpointCosts()) {
                if (e.method() != null && e.path() != null && e.cost() != null && e.cost() > 0) {
                    byKey.put(RateLimits.endpointKey(e.method(), e.path()), e.cost());
                }
            }
        }
        return new TokenBucketLimiter.AccountLimits(b.usageTier(),
                new RateLimits.Bucket(b.read().refillRate(), b.read().bucketCapacity()),
                new RateLimits.Bucket(b.write().refillRate(), b.write().bucketCapacity()), defaultCost, byKey);
    }

    /**
     * Refuses new calls and fails async calls still in flight (a retry waiting on a shut-down scheduler would
     * otherwise never complete). Called by the client when it closes; idempotent.
     */
    public void close() {
        closed = true;
        limiter.close();
        for (CompletableFuture<?> f : pending) {
            f.completeExceptionally(new KalshiClientClosedException(null,
                    "the kalshi4j client was closed before this call completed", null));
        }
    }

    private void checkOpen(String operationId) {
        if (closed) {
            throw closedError(operationId, null);
        }
    }

    private static KalshiClientClosedException closedError(String operationId, Throwable cause) {
        return new KalshiClientClosedException(operationId, operationId + ": this kalshi4j client is closed", cause);
    }

    /** True when requests are signed. */
    public boolean isAuthenticated() {
        return signer != null;
    }

    /** The mapper models are decoded with. */
    public ObjectMapper mapper() {
        return mapper;
    }

    // ---------------------------------------------------------------- blocking

    @Override
    public <T> ApiResponse<T> execute(ApiRequest request, Class<T> responseType) {
        Prepared p = prepare(request);
        RetryPolicy policy = policyFor(request.options());
        OrderAttempts orders = p.safeOrderRetry() ? new OrderAttempts() : null;
        int attempt = 0;
        while (true) {
            attempt++;
            RawResponse response = null;
            IOException failure = null;
            try {
                response = attempt(p, attempt, orders);
            } catch (IOException e) {
                failure = e;
            }
            Next<T> next;
            if (response != null && response.isSuccess()) {
                try {
                    return decode(p, response, responseType, attempt);
                } catch (KalshiDecodeException undecodable) {
                    next = afterUndecodable(response, undecodable, orders);
                }
            } else {
                next = afterAttempt(p, policy, attempt, response, failure, orders);
            }
            if (next instanceof Next.Resolve<T> resolve) {
                if (resolve.delay() != null) {
                    sleep(resolve.delay(), p, attempt, failure);
                }
                next = resolveOrder(p, policy, responseType, attempt, resolve, orders, () -> false);
            }
            if (next instanceof Next.Answer<T> answer) {
                return answer.response();
            }
            if (next instanceof Next.Fail<T> fail) {
                throw fail.error();
            }
            if (next instanceof Next.Retry<T> retry) {
                sleep(retry.delay(), p, attempt, failure);
            }
            // Next.Resend: safe order retry already waited (before its lookup), so the order goes out now.
        }
    }

    /**
     * What follows an attempt that did not succeed: retry after a wait, resend at once, answer (a landed order),
     * fail, or first find out whether a CreateOrder landed.
     */
    private sealed interface Next<T> {
        record Retry<T>(Duration delay) implements Next<T> { }

        record Resend<T>() implements Next<T> { }

        record Answer<T>(ApiResponse<T> response) implements Next<T> { }

        record Fail<T>(KalshiException error) implements Next<T> { }

        /**
         * Wait {@code delay} (null: not at all), then look the order up. {@code error} is what the attempt failed
         * with, {@code cause} the raw failure (an I/O exception, or that same error); {@code conflict} marks a
         * resend that Kalshi refused as a duplicate client_order_id; {@code accepted} is the 2xx answer whose body
         * could not be decoded (the order exists: it is looked up, never sent again), else null.
         */
        record Resolve<T>(Duration delay, KalshiException error, Throwable cause, boolean conflict, RawResponse accepted)
                implements Next<T> { }
    }

    /**
     * The retry rules for both the blocking and the async path. A CreateOrder under safe order retry that failed
     * in a way that may have left an order behind (an answer of 5xx, or an I/O failure after sending) is looked up
     * by its client_order_id before anything else happens; so is a resend answered 409 (the earlier attempt landed
     * after all).
     */
    private <T> Next<T> afterAttempt(Prepared p, RetryPolicy policy, int attempt, RawResponse response,
            Throwable failure, OrderAttempts orders) {
        if (orders != null) {
            boolean mayHaveLanded = failure != null ? !HttpExchange.isNotSent(failure) : response.statusCode() >= 500;
            if (mayHaveLanded) {
                KalshiException error = failure != null ? networkException(p, failure, attempt) : apiError(p, response, attempt);
                // Back off before looking: the order service may still be working on the attempt.
                return new Next.Resolve<>(policy.backoff(attempt), error, failure != null ? failure : error, false,
                        null);
            }
            if (response != null && response.statusCode() == 409 && orders.resent) {
                KalshiException error = apiError(p, response, attempt);
                return new Next.Resolve<>(null, error, error, true, null);
            }
        }
        Optional<Duration> wait = failure != null ? policy.afterFailure(p.method(), failure, attempt)
                : policy.afterResponse(p.method(), response, attempt);
        if (wait.isPresent()) {
            return new Next.Retry<>(wait.get());
        }
        return new Next.Fail<>(failure != null ? networkException(p, failure, attempt) : apiError(p, response, attempt));
    }

    /**
     * What follows a 2xx answer whose body could not be decoded. The request was accepted, so it is never sent
     * again: an order placed under safe order retry is looked up by its client_order_id (and returned when found);
     * anything else fails with the decode exception, which says the request was accepted.
     */
    private static <T> Next<T> afterUndecodable(RawResponse response, KalshiDecodeException undecodable,
            OrderAttempts orders) {
        if (orders != null) {
            return new Next.Resolve<>(null, undecodable, undecodable, false, response);
        }
        return new Next.Fail<>(undecodable);
    }

    private KalshiApiException apiError(Prepared p, RawResponse response, int attempt) {
        return KalshiApiException.from(p.operationId(), response.statusCode(), response.headers(), response.body(),
                attempt, clock);
    }

    /** One attempt: take its cost from the rate limiter, sign, then log around the exchange. */
    private RawResponse attempt(Prepared p, int attempt, OrderAttempts orders) throws IOException {
        // Checked per attempt: a closed client's exchange refuses with a "not sent" failure, which must not be
        // retried as if the network had hiccupped.
        checkOpen(p.operationId());
        TokenBucketLimiter.Permit permit = awaitPermit(p, attempt);
        boolean sent = false;
        try {
            checkOpen(p.operationId());
            if (orders != null) {
                orders.sending(clock.millis());
            }
            RawRequest signed = sign(p);
            long start = System.nanoTime();
            sent = true;
            try {
                RawResponse r = exchange.send(signed);
                logResponse(p, attempt, r.statusCode(), start);
                if (r.statusCode() == 429) {
                    limiter.rateLimited(p.request().operation());
                }
                return r;
            } catch (IOException | KalshiException e) {
                sent = !HttpExchange.isNotSent(e);
                logFailure(p, attempt, e, start);
                throw e;
            } catch (RuntimeException e) {
                logFailure(p, attempt, e, start);
                throw exchangeFailed(p, e);
            }
        } finally {
            permit.release(sent);
        }
    }

    /**
     * Waits (blocking) until the rate limiter lets this attempt go. Fail-fast, or a wait beyond the call's maxWait,
     * throws the limiter's {@code KalshiRateLimitException} before anything is sent.
     */
    private TokenBucketLimiter.Permit awaitPermit(Prepared p, int attempt) {
        if (!limiter.enabled()) {
            return TokenBucketLimiter.Permit.UNLIMITED;
        }
        limiter.ready(p.request().options(), true).join();
        CompletableFuture<TokenBucketLimiter.Permit> place = limiter.admit(p.request().operation(),
                p.request().options());
        try {
            return place.get();
        } catch (InterruptedException ie) {
            // Gives the place up; a permit granted meanwhile goes back unused.
            place.cancel(false);
            if (!place.isCancelled()) {
                place.thenAccept(permit -> permit.release(false));
            }
            Thread.currentThread().interrupt();
            throw new KalshiNetworkException(p.operationId(), attempt, "interrupted while waiting for the rate limit", ie);
        } catch (java.util.concurrent.ExecutionException ee) {
            Throwable cause = ee.getCause();
            if (cause instanceof KalshiException ke) {
                throw ke;
            }
            throw new KalshiException(p.operationId() + ": waiting for the rate limit failed: " + cause, cause);
        }
    }

    /**
     * An unchecked failure of the {@link HttpExchange} that is not the SDK's own (a user's exchange, a bug): the
     * caller still gets a {@link KalshiException}, as everywhere else. It is not retried: whether the request
     * reached the server is unknown, and an exchange that throws this way is not expected to recover.
     */
    private static KalshiException exchangeFailed(Prepared p, RuntimeException e) {
        return new KalshiException(p.operationId() + ": the HTTP exchange failed with " + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + Excerpts.oneLine(e.getMessage(), 300)), e);
    }

    private void sleep(Duration wait, Prepared p, int attempt, Throwable cause) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} retrying in {} ms (attempt {} {})", p.operationId(), Durations.saturatedMillis(wait), attempt,
                    cause == null ? "answered an error status" : "failed: " + cause.getClass().getSimpleName());
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new KalshiNetworkException(p.operationId(), attempt, "interrupted while waiting to retry", ie);
        }
    }

    // ---------------------------------------------------------------- async

    @Override
    public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, Class<T> responseType) {
        Prepared p = prepare(request);
        RetryPolicy policy = policyFor(request.options());
        OrderAttempts orders = p.safeOrderRetry() ? new OrderAttempts() : null;
        CompletableFuture<ApiResponse<T>> result = new CallFuture<>(null);
        pending.add(result);
        result.whenComplete((r, e) -> pending.remove(result));
        if (closed) {
            // close() ran between prepare() and registration and may have missed this future.
            result.completeExceptionally(closedError(p.operationId(), null));
            return result;
        }
        try {
            worker.execute(() -> attemptAsync(p, policy, responseType, 1, orders, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closedError(p.operationId(), e));
        }
        return result;
    }

    /**
     * The future of one async call. Stages derived from it ({@code thenApply}, as the generated APIs do to hand
     * out the body, {@code whenComplete}, ...) are {@code CallFuture}s too, and cancelling any of them cancels the
     * call itself: the cancel reaches the retry chain, which then sends nothing more, and the request in flight.
     */
    private static final class CallFuture<V> extends CompletableFuture<V> {
        private final CompletableFuture<?> source;

        CallFuture(CompletableFuture<?> source) {
            this.source = source;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CallFuture<>(this);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (source != null) {
                source.cancel(mayInterruptIfRunning);
            }
            return cancelled;
        }
    }

    /**
     * One async attempt and what follows it, by the same rules as {@link #execute}: safe order retry included.
     * The order lookup is a blocking call made from a kalshi4j worker (never an HTTP I/O thread); it happens only
     * after a CreateOrder failed in a way that may have left an order behind.
     *
     * <p>A future that is already done (cancelled by the caller, failed by {@link #close()}) stops the chain:
     * nothing more is sent for it.
     */
    private <T> void attemptAsync(Prepared p, RetryPolicy policy, Class<T> type, int attempt, OrderAttempts orders,
            CompletableFuture<ApiResponse<T>> result) {
        if (result.isDone()) {
            return;
        }
        if (!limiter.enabled()) {
            sendAsync(p, policy, type, attempt, orders, result, TokenBucketLimiter.Permit.UNLIMITED);
            return;
        }
        CompletableFuture<Void> ready = limiter.ready(p.request().options(), false);
        if (!ready.isDone()) {
            ready.whenCompleteAsync((v, e) -> admitAsync(p, policy, type, attempt, orders, result), worker);
            return;
        }
        admitAsync(p, policy, type, attempt, orders, result);
    }

    /**
     * Takes the attempt's place in the rate limiter's line; sends once it has its permit. Cancelling the call gives
     * the place up, so the calls behind it move up.
     */
    private <T> void admitAsync(Prepared p, RetryPolicy policy, Class<T> type, int attempt, OrderAttempts orders,
            CompletableFuture<ApiResponse<T>> result) {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<TokenBucketLimiter.Permit> place;
        try {
            place = limiter.admit(p.request().operation(), p.request().options());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        if (place.isDone() && !place.isCompletedExceptionally()) {
            sendAsync(p, policy, type, attempt, orders, result, place.join());
            return;
        }
        result.whenComplete((r, e) -> place.cancel(false));
        place.whenCompleteAsync((permit, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                result.completeExceptionally(cause);
                return;
            }
            sendAsync(p, policy, type, attempt, orders, result, permit);
        }, worker);
    }

    private <T> void sendAsync(Prepared p, RetryPolicy policy, Class<T> type, int attempt, OrderAttempts orders,
            CompletableFuture<ApiResponse<T>> result, TokenBucketLimiter.Permit permit) {
        if (result.isDone()) {
            permit.release(false);
            return;
        }
        RawRequest signed;
        try {
            // Signing (about a millisecond of RSA) runs here, on a worker, never on the HTTP I/O thread.
            checkOpen(p.operationId());
            if (orders != null) {
                orders.sending(clock.millis());
            }
            signed = sign(p);
        } catch (RuntimeException e) {
            permit.release(false);
            result.completeExceptionally(e);
            return;
        }
        long start = System.nanoTime();
        CompletableFuture<RawResponse> inFlight;
        try {
            inFlight = exchange.sendAsync(signed);
        } catch (RuntimeException e) {
            permit.release(false);
            throw e;
        }
        inFlight.whenComplete((response, failure) -> {
            permit.release(failure == null || !HttpExchange.isNotSent(failure));
            if (response != null && response.statusCode() == 429) {
                limiter.rateLimited(p.request().operation());
            }
        });
        // Cancelling the caller's future aborts the request on the wire too, not just the wait for it.
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                inFlight.cancel(true);
            }
        });
        inFlight.whenCompleteAsync((response, failure) -> {
            if (result.isDone()) {
                return;
            }
            try {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    logFailure(p, attempt, cause, start);
                    if (cause instanceof KalshiException ke) {
                        result.completeExceptionally(ke);
                        return;
                    }
                    if (cause instanceof RuntimeException re) {
                        result.completeExceptionally(exchangeFailed(p, re));
                        return;
                    }
                    continueAsync(p, policy, type, attempt, orders, afterAttempt(p, policy, attempt, null, cause, orders),
                            result);
                    return;
                }
                logResponse(p, attempt, response.statusCode(), start);
                if (response.isSuccess()) {
                    ApiResponse<T> decoded;
                    try {
                        decoded = decode(p, response, type, attempt);
                    } catch (KalshiDecodeException undecodable) {
                        continueAsync(p, policy, type, attempt, orders,
                                afterUndecodable(response, undecodable, orders), result);
                        return;
                    }
                    result.complete(decoded);
                    return;
                }
                continueAsync(p, policy, type, attempt, orders, afterAttempt(p, policy, attempt, response, null, orders),
                        result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, worker);
    }

    private <T> void continueAsync(Prepared p, RetryPolicy policy, Class<T> type, int attempt, OrderAttempts orders,
            Next<T> next, CompletableFuture<ApiResponse<T>> result) {
        if (next instanceof Next.Answer<T> answer) {
            result.complete(answer.response());
        } else if (next instanceof Next.Fail<T> fail) {
            result.completeExceptionally(fail.error());
        } else if (next instanceof Next.Retry<T> retry) {
            retryLater(retry.delay(), result, () -> attemptAsync(p, policy, type, attempt + 1, orders, result));
        } else if (next instanceof Next.Resend<T>) {
            attemptAsync(p, policy, type, attempt + 1, orders, result);
        } else {
            Next.Resolve<T> resolve = (Next.Resolve<T>) next;
            Runnable lookUp = () -> {
                try {
                    // The lookup's own calls and waits are blocking, on this worker; result::isDone lets a
                    // cancelled call stop between them.
                    continueAsync(p, policy, type, attempt, orders,
                            resolveOrder(p, policy, type, attempt, resolve, orders, result::isDone), result);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            };
            if (resolve.delay() == null) {
                lookUp.run();
            } else {
                retryLater(resolve.delay(), result, lookUp);
            }
        }
    }

    /** Runs {@code retry} on a worker after {@code wait}, unless {@code call} is done by then. */
    private void retryLater(Duration wait, CompletableFuture<?> call, Runnable retry) {
        Runnable guarded = () -> {
            if (!call.isDone()) {
                retry.run();
            }
        };
        if (sleeper == Sleeper.SYSTEM) {
            ScheduledFuture<?> timer = scheduler.schedule(() -> worker.execute(guarded), Durations.saturatedNanos(wait),
                    TimeUnit.NANOSECONDS);
            // A cancelled or closed call frees its slot in the scheduler at once.
            call.whenComplete((r, e) -> timer.cancel(false));
        } else {
            // An injected sleeper (tests) sees the same waits as on the blocking path.
            worker.execute(() -> {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                guarded.run();
            });
        }
    }

    // ---------------------------------------------------------------- pagination

    @Override
    public <R, T> PageIterable<R, T> paginate(OperationInfo operation, String firstCursor, Function<String, R> fetchPage,
            Function<R, List<T>> items, Function<R, String> nextCursor) {
        return new CursorPager<>(operation, firstCursor, fetchPage, items, nextCursor, Integer.MAX_VALUE);
    }

    // ---------------------------------------------------------------- request preparation

    /**
     * What stays the same across attempts: URL, body bytes, headers except the signature. {@code bodyModel} is the
     * body those bytes were written from: the request's, or a copy with a client_order_id minted for safe order
     * retry. {@code placement} is set when the operation places an order; {@code safeOrderRetry} when this call
     * retries it safely.
     */
    private record Prepared(ApiRequest request, URI uri, String signedPath, Object bodyModel, byte[] body,
            Map<String, String> headers, Duration timeout, OrderPlacement placement, boolean safeOrderRetry) {
        String operationId() {
            return request.operation().operationId();
        }

        String method() {
            return request.method();
        }
    }

    private Prepared prepare(ApiRequest request) {
        OperationInfo op = request.operation();
        checkOpen(op.operationId());
        if (op.authenticated() && signer == null) {
            throw new KalshiAuthException(op.operationId() + " (" + op.method() + " " + op.pathTemplate()
                    + ") requires authentication, but this client has no credentials. Set KALSHI_KEY_ID and"
                    + " KALSHI_PRIVATE_KEY or KALSHI_PRIVATE_KEY_PATH (KalshiClient.fromEnv()), or pass"
                    + " .credentials(keyId, pem) to KalshiClient.builder().");
        }
        ClientChecks.check(request);
        Object bodyModel = request.body();
        OrderPlacement placement = OrderPlacement.of(op, bodyModel, mapper);
        boolean safeOrders = placement != null && safeOrderRetryFor(request.options());
        if (safeOrders && !placement.allIdentified(bodyModel)) {
            // Without a client_order_id nothing can tell whether an attempt landed. One is minted per order and call,
            // before the body is written, so every attempt (each one the same bytes) carries it: an idempotency key.
            bodyModel = placement.withClientOrderIds(bodyModel, () -> UUID.randomUUID().toString());
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}: minted client_order_id(s) for safe order retry: {}", op.operationId(),
                        placement.clientOrderIds(bodyModel));
            }
        }
        String query = request.queryString();
        String pathAndQuery = request.path() + (query.isEmpty() ? "" : "?" + query);
        URI uri = URI.create(baseUrl + pathAndQuery);
        String signedPath = RequestSignature.canonicalPath(basePath + request.path());
        byte[] body = body(request, bodyModel);
        Map<String, String> headers = new LinkedHashMap<>(config.extraHeaders());
        headers.put("Accept", "application/json");
        request.options().headers().forEach((k, v) -> {
            if (k.regionMatches(true, 0, "KALSHI-ACCESS-", 0, 14)) {
                throw new IllegalArgumentException(k + " is set by the client's signer; it cannot be a per-call header");
            }
            headers.put(k, v);
        });
        Duration timeout = request.options().timeout() != null ? request.options().timeout() : config.responseTimeout();
        return new Prepared(request, uri, signedPath, bodyModel, body, headers, timeout, placement, safeOrders);
    }

    private byte[] body(ApiRequest request, Object bodyModel) {
        String method = request.method();
        boolean sendsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (bodyModel == null) {
            // Kalshi rejects a body-less POST/PUT (invalid_content_type): send an empty JSON object.
            return sendsBody ? EMPTY_JSON_OBJECT : null;
        }
        try {
            return mapper.writeValueAsBytes(bodyModel);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(request.operation().operationId() + ": cannot serialize the request body: "
                    + e.getOriginalMessage(), e);
        }
    }

    private RawRequest sign(Prepared p) {
        RawRequest raw = new RawRequest(p.operationId(), p.method(), p.uri(), p.headers(), p.body(), p.timeout());
        if (signer == null) {
            return raw;
        }
        RequestSignature sig = RequestSignature.sign(signer, p.method(), p.signedPath(), clock.millis());
        for (Map.Entry<String, String> h : sig.headers().entrySet()) {
            raw = raw.withHeader(h.getKey(), h.getValue());
        }
        return raw;
    }

    private RetryPolicy policyFor(RequestOptions options) {
        return options.maxRetries() == null ? retryPolicy : retryPolicy.withMaxRetries(options.maxRetries());
    }

    // ---------------------------------------------------------------- responses

    private <T> ApiResponse<T> decode(Prepared p, RawResponse response, Class<T> type, int attempt) {
        String requestId = KalshiApiException.requestIdFrom(response.headers());
        if (type == Void.class) {
            return new ApiResponse<>(response.statusCode(), response.headers(), null, requestId, attempt);
        }
        byte[] bytes = response.body().length == 0 ? EMPTY_JSON_OBJECT : response.body();
        try {
            T body = mapper.readValue(bytes, type);
            return new ApiResponse<>(response.statusCode(), response.headers(), body, requestId, attempt);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: a deserializer's own arithmetic or a user-supplied mapper may throw one, and
            // an undecodable body must still surface as a KalshiException.
            throw undecodable(p, response, e);
        }
    }

    /**
     * The decode failure of a 2xx answer. To a request that acts (not a GET or HEAD) a 2xx means the action took
     * place, and the exception says so, for an order with where to find it; a caller must not send it again.
     */
    private static KalshiDecodeException undecodable(Prepared p, RawResponse response, Throwable e) {
        if (p.request().operation().isSafe()) {
            return new KalshiDecodeException(p.operationId(), response.statusCode(), response.body(), e);
        }
        if (p.placement() != null) {
            List<String> coids = p.placement().clientOrderIds(p.bodyModel());
            List<String> tickers = p.placement().tickers(p.bodyModel());
            String what = p.placement().batch() ? "the orders were accepted" : "the order was accepted";
            return new KalshiDecodeException(p.operationId(), response.statusCode(), response.body(), e, what,
                    !coids.contains(null)
                            ? "they are on the exchange; find them by client_order_id " + coids + " among the orders on "
                                    + new java.util.LinkedHashSet<>(tickers)
                            : "they are on the exchange; without client_order_ids, look for them among the orders on "
                                    + new java.util.LinkedHashSet<>(tickers));
        }
        return new KalshiDecodeException(p.operationId(), response.statusCode(), response.body(), e,
                "the request was accepted", "its action took place");
    }

    private KalshiNetworkException networkException(Prepared p, Throwable e, int attempt) {
        String detail = p.method() + " " + p.uri().getRawPath() + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage());
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && !HttpExchange.isNotSent(e))
                || e.getClass().getSimpleName().contains("Timeout")) {
            return new KalshiTimeoutException(p.operationId(), attempt, detail, e);
        }
        return new KalshiNetworkException(p.operationId(), attempt, detail, e);
    }

    private void logResponse(Prepared p, int attempt, int status, long startNanos) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} -> {} in {} ms (attempt {})", p.operationId(), p.method(), p.signedPath(), status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), attempt);
        }
    }

    private void logFailure(Prepared p, int attempt, Throwable e, long startNanos) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} failed after {} ms (attempt {}): {}", p.operationId(), p.method(), p.signedPath(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), attempt, e.toString());
        }
    }

    // ---------------------------------------------------------------- safe order retry

    /** Whether safe order retry is on for a call: its {@link #SAFE_ORDER_RETRY} attribute, else the client's. */
    private boolean safeOrderRetryFor(RequestOptions options) {
        Object opt = options.attributes().get(SAFE_ORDER_RETRY);
        return opt instanceof Boolean b ? b : safeOrderRetry;
    }

    /**
     * The times of one CreateOrder's attempts under safe order retry. Written and read by one call's attempts in
     * turn (on one thread, or handed between workers), hence volatile rather than locked.
     */
    private static final class OrderAttempts {
        private volatile long firstSentMillis = -1;
        private volatile long lastSentMillis;
        /** True once a lookup found nothing and the order was sent again. */
        private volatile boolean resent;

        void sending(long nowMillis) {
            if (firstSentMillis < 0) {
                firstSentMillis = nowMillis;
            }
            lastSentMillis = nowMillis;
        }
    }

    /** How often the user data timestamp is asked before the order's outcome is declared unknown. */
    static final int USER_DATA_POLLS = 5;
    /** Pages of GetOrders (200 each) the lookup reads at most before giving up. */
    static final int LOOKUP_MAX_PAGES = 50;
    /**
     * Subtracted from the first attempt's time for the lookup's {@code min_ts}: Kalshi stamps the order with its
     * own clock, which may trail this host's.
     */
    static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofSeconds(60);

    /**
     * Finds out whether an order placement ({@link OrderPlacement}: one order or a batch) that may have reached the
     * exchange landed, so a retry never doubles an order. First Kalshi's user data must have caught up with the
     * failed attempt (GetUserDataTimestamp past the attempt's send time, polled a few times with backoff); then
     * GetOrders on each order's ticker, from just before the first attempt, is searched for the client_order_ids.
     * All found: they are the answer. None found: the request is sent again while the retry budget lasts, else the
     * attempt's own error is thrown. Part of a batch found, or anything that keeps the answer from being
     * trustworthy: {@link KalshiOrderOutcomeUnknownException}, and nothing more is sent. An order the exchange
     * accepted with an undecodable 2xx is never sent again: not found (or not findable), the accepted-order decode
     * exception is thrown.
     *
     * @param abandoned true once the caller no longer wants the answer (a cancelled async call)
     */
    private <T> Next<T> resolveOrder(Prepared p, RetryPolicy policy, Class<T> type, int attempt, Next.Resolve<T> r,
            OrderAttempts orders, BooleanSupplier abandoned) {
        List<String> clientOrderIds = p.placement().clientOrderIds(p.bodyModel());
        List<String> tickers = p.placement().tickers(p.bodyModel());
        String clientOrderId = String.join(",", clientOrderIds);
        String ticker = String.join(",", new java.util.LinkedHashSet<>(tickers));
        Map<String, Order> landed;
        try {
            if (!userDataCovers(orders.lastSentMillis, policy, p, attempt, abandoned)) {
                if (r.accepted() != null) {
                    // Accepted all the same: never resent, and the caller learns that it exists.
                    return new Next.Fail<>(r.error());
                }
                return new Next.Fail<>(outcomeUnknown(p, attempt, clientOrderId, ticker, "Kalshi's user data did"
                        + " not catch up with the attempt after " + USER_DATA_POLLS + " checks", r.cause(), null));
            }
            long minTs = Math.floorDiv(orders.firstSentMillis, 1000L) - CLOCK_SKEW_ALLOWANCE.toSeconds();
            landed = findOrders(clientOrderIds, tickers, minTs, abandoned);
        } catch (CancellationException e) {
            throw e;
        } catch (KalshiException e) {
            if (r.accepted() != null) {
                r.error().addSuppressed(e);
                return new Next.Fail<>(r.error());
            }
            return new Next.Fail<>(outcomeUnknown(p, attempt, clientOrderId, ticker, "looking the order up failed",
                    r.cause(), e));
        }
        if (landed.size() == clientOrderIds.size()) {
            List<Order> found = new ArrayList<>();
            clientOrderIds.forEach(id -> found.add(landed.get(id)));
            LOG.info("{}: order(s) with client_order_id {} {} ({}); not sending again", p.operationId(), clientOrderId,
                    r.accepted() != null ? "were accepted" : "already exist",
                    found.stream().map(Order::orderId).toList());
            T created;
            try {
                created = p.placement().answer(type, found);
            } catch (KalshiException e) {
                return new Next.Fail<>(outcomeUnknown(p, attempt, clientOrderId, ticker, "the order landed as "
                        + found.stream().map(Order::orderId).toList() + " but this call's response type cannot hold it",
                        r.cause(), e));
            }
            RawResponse accepted = r.accepted();
            return new Next.Answer<>(accepted == null
                    ? new ApiResponse<>(201, Map.of(), created, null, attempt)
                    : new ApiResponse<>(accepted.statusCode(), accepted.headers(), created,
                            KalshiApiException.requestIdFrom(accepted.headers()), attempt));
        }
        if (r.accepted() != null) {
            // The exchange answered 2xx, so the orders exist even though the lookup does not show them (yet).
            return new Next.Fail<>(r.error());
        }
        if (!landed.isEmpty()) {
            // Part of a batch landed: resending it would double those orders, and sending only the rest is a new
            // request the caller did not make. The caller learns which landed.
            return new Next.Fail<>(outcomeUnknown(p, attempt, clientOrderId, ticker, "only the orders with"
                    + " client_order_id " + landed.keySet() + " landed (" + landed.values().stream().map(Order::orderId)
                    .toList() + "); the others did not", r.cause(), null));
        }
        if (r.conflict()) {
            return new Next.Fail<>(outcomeUnknown(p, attempt, clientOrderId, ticker, "Kalshi refused the resend as a"
                    + " duplicate, but no order with this client_order_id was found", r.cause(), null));
        }
        if (attempt > policy.maxRetries() || abandoned.getAsBoolean()) {
            // Known not to have landed: the attempt's own error says what happened.
            return new Next.Fail<>(r.error());
        }
        orders.resent = true;
        return new Next.Resend<>();
    }

    /** True once GetUserDataTimestamp is past {@code sentMillis}; false if it stays behind for every poll. */
    private boolean userDataCovers(long sentMillis, RetryPolicy policy, Prepared p, int attempt,
            BooleanSupplier abandoned) {
        ExchangeApi exchangeApi = new ExchangeApi(this);
        for (int poll = 1; ; poll++) {
            checkAbandoned(abandoned);
            GetUserDataTimestampResponse ts = exchangeApi.getUserDataTimestamp(lookupOptions());
            if (ts.asOfTime() != null && ts.asOfTime().toInstant().toEpochMilli() > sentMillis) {
                return true;
            }
            if (poll >= USER_DATA_POLLS) {
                return false;
            }
            checkAbandoned(abandoned);
            sleep(policy.backoff(poll), p, attempt, null);
        }
    }

    /**
     * The orders with these client_order_ids among their tickers' orders since {@code minTs}, by client_order_id;
     * one listing per ticker.
     */
    private Map<String, Order> findOrders(List<String> clientOrderIds, List<String> tickers, long minTs,
            BooleanSupplier abandoned) {
        Map<String, java.util.Set<String>> wantedByTicker = new LinkedHashMap<>();
        for (int i = 0; i < clientOrderIds.size(); i++) {
            wantedByTicker.computeIfAbsent(tickers.get(i), t -> new java.util.HashSet<>()).add(clientOrderIds.get(i));
        }
        Map<String, Order> found = new LinkedHashMap<>();
        wantedByTicker.forEach((ticker, wanted) -> findOrders(ticker, wanted, minTs, abandoned, found));
        return found;
    }

    private void findOrders(String ticker, java.util.Set<String> wanted, long minTs, BooleanSupplier abandoned,
            Map<String, Order> found) {
        OrdersApi ordersApi = new OrdersApi(this);
        String cursor = null;
        for (int page = 1; page <= LOOKUP_MAX_PAGES; page++) {
            checkAbandoned(abandoned);
            var resp = ordersApi.getOrders(OrdersApi.GetOrdersParams.builder().ticker(ticker).minTs(minTs)
                    .cursor(cursor).limit(200L).build(), lookupOptions());
            for (Order o : resp.orders() == null ? List.<Order>of() : resp.orders()) {
                if (o.clientOrderId() != null && wanted.contains(o.clientOrderId())) {
                    found.put(o.clientOrderId(), o);
                }
            }
            String next = resp.cursor();
            if (next == null || next.isEmpty() || wanted.stream().allMatch(found::containsKey)) {
                return;
            }
            if (next.equals(cursor)) {
                throw new KalshiPaginationException(Operations.GET_ORDERS.operationId(), next, page);
            }
            cursor = next;
        }
        throw new KalshiException(Operations.GET_ORDERS.operationId() + ": more than " + LOOKUP_MAX_PAGES
                + " pages of orders on " + ticker + " since min_ts " + minTs);
    }

    private RequestOptions lookupOptions() {
        return RequestOptions.builder().maxRetries(retryPolicy.maxRetries()).build();
    }

    private static void checkAbandoned(BooleanSupplier abandoned) {
        if (abandoned.getAsBoolean()) {
            throw new CancellationException("the call was cancelled");
        }
    }

    private static KalshiOrderOutcomeUnknownException outcomeUnknown(Prepared p, int attempt, String clientOrderId,
            String ticker, String reason, Throwable cause, KalshiException lookupFailure) {
        KalshiOrderOutcomeUnknownException e = new KalshiOrderOutcomeUnknownException(p.operationId(), attempt,
                clientOrderId, ticker, reason, cause);
        if (lookupFailure != null) {
            e.addSuppressed(lookupFailure);
        }
        return e;
    }
}
