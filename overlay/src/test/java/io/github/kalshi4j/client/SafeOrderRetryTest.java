package io.github.kalshi4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.errors.KalshiBadRequestException;
import io.github.kalshi4j.errors.KalshiDecodeException;
import io.github.kalshi4j.errors.KalshiNetworkException;
import io.github.kalshi4j.errors.KalshiOrderOutcomeUnknownException;
import io.github.kalshi4j.errors.KalshiServerException;
import io.github.kalshi4j.internal.KalshiHttpTransport;
import io.github.kalshi4j.model.AmendOrderV2Request;
import io.github.kalshi4j.model.BatchCreateOrdersV2Request;
import io.github.kalshi4j.model.BatchCreateOrdersV2Response;
import io.github.kalshi4j.model.BatchCreateOrdersV2ResponseOrdersInner;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.RecordedRequest;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.testsupport.TestClock;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Placing an order is not idempotent: a retry after the exchange may have acted can double an order. With safe
 * order retry, a CreateOrderV2 or BatchCreateOrdersV2 that fails after it may have landed is looked up by its
 * client_order_ids (GetOrders) before anything is sent again. The loopback exchange here really creates orders and
 * lists them.
 */
final class SafeOrderRetryTest {

    private static final String TICKER = "KXTEST-26JAN15-T50";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoopbackServer server;
    private final List<Order> book = new ArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    /** What GET /exchange/user_data_timestamp answers; by default user data is always up to date. */
    private volatile Supplier<Instant> userDataAsOf = () -> Instant.now().plusSeconds(5);

    @BeforeEach
    void startExchange() {
        server = LoopbackServer.start();
        // GetOrders (GET /portfolio/orders) lists what the exchange holds, filtered by ticker as Kalshi does.
        server.handle("GET", Samples.GET_ORDERS, r -> {
            synchronized (book) {
                List<Order> matching = book.stream()
                        .filter(o -> r.queryParam("ticker").map(t -> t.equals(o.ticker())).orElse(true))
                        .collect(Collectors.toList());
                return Reply.ok(Samples.orders(matching, ""));
            }
        });
        server.handle("GET", "/exchange/user_data_timestamp",
                r -> Reply.ok(Map.of("as_of_time", userDataAsOf.get().toString())));
    }

    @AfterEach
    void stopExchange() {
        server.close();
    }

    /**
     * Scripts CreateOrderV2 (POST /portfolio/events/orders): {@code outcome} gets the 1-based attempt number and says whether the order
     * is created and what is answered. A created order goes into the book whatever the answer.
     */
    private void onCreateOrder(IntFunction<Outcome> outcome) {
        server.handle("POST", Samples.ORDERS_V2, r -> {
            Outcome o = outcome.apply(posts.incrementAndGet());
            Order order = null;
            if (o.creates()) {
                JsonNode body = parse(r);
                order = Samples.order("ord-" + posts.get(), body.get("ticker").asText(),
                        body.path("client_order_id").asText(null));
                synchronized (book) {
                    book.add(order);
                }
            }
            return o.reply() != null ? o.reply() : Reply.json(201, Samples.created(order));
        });
    }

    private record Outcome(boolean creates, Reply reply) {
        static Outcome createAndAnswer(Reply reply) {
            return new Outcome(true, reply);
        }

        static Outcome createAndConfirm() {
            return new Outcome(true, null);
        }

        static Outcome failWithout(Reply reply) {
            return new Outcome(false, reply);
        }
    }

    private static JsonNode parse(RecordedRequest r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Reply CRASH = Reply.error(500, "internal_server_error", "order service crashed");
    private static final Reply GATEWAY_TIMEOUT = Reply.error(504, "gateway_timeout", "upstream timed out");
    /** The default policy's first backoff at jitter 0.5: a 0.5 s ceiling, equal jitter. */
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(375);

    @Test
    void orderCreatedButAnswered500IsFoundByClientOrderIdAndNotSentAgain() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        RecordingSleeper sleeper = new RecordingSleeper();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(sleeper).build()) {
            CreateOrderV2Response r = client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-500"));
            // The answer is built from the order GetOrders lists: its members, or their _fp spellings.
            assertEquals("ord-1", r.orderId());
            assertEquals("coid-500", r.clientOrderId());
            assertEquals(new BigDecimal("0.00"), r.fillCount());
            assertEquals(new BigDecimal("10.00"), r.remainingCount());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2), "the order was never sent twice");
        List<RecordedRequest> lookups = server.requests("GET", Samples.GET_ORDERS);
        assertEquals(1, lookups.size());
        assertEquals(List.of(TICKER), lookups.get(0).query("ticker"), "the lookup is narrowed to the order's market");
        assertEquals(1, book.size());
        assertEquals(List.of(FIRST_BACKOFF), sleeper.waits(),
                "one backoff before the lookup (the order may still be landing), none after it is found");
    }

    @Test
    void orderCreatedButConnectionDroppedIsFoundByClientOrderIdAndNotSentAgain() {
        onCreateOrder(n -> Outcome.createAndAnswer(Reply.dropConnection()));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            CreateOrderV2Response r = client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-drop"));
            assertEquals("ord-1", r.orderId());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(1, server.count("GET", Samples.GET_ORDERS));
        assertEquals(1, book.size());
    }

    @Test
    void orderNotFoundAfterAFailureIsSentOnceMoreAfterBackoff() {
        onCreateOrder(n -> n == 1 ? Outcome.failWithout(CRASH) : Outcome.createAndConfirm());
        RecordingSleeper sleeper = new RecordingSleeper();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(sleeper).build()) {
            var r = client.orders().createOrderV2WithResponse(Samples.orderRequest(TICKER, "coid-resend"),
                    RequestOptions.NONE);
            assertEquals("ord-2", r.body().orderId());
            assertEquals(2, r.attempts());
        }
        assertEquals(2, server.count("POST", Samples.ORDERS_V2));
        assertEquals(1, server.count("GET", Samples.GET_ORDERS));
        assertEquals(1, book.size(), "exactly one order exists");
        assertEquals(1, sleeper.waits().size());
    }

    @Test
    void droppedConnectionWithNoOrderCreatedIsSentOnceMore() {
        onCreateOrder(n -> n == 1 ? Outcome.failWithout(Reply.dropConnection()) : Outcome.createAndConfirm());
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            assertEquals("ord-2", client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-x")).orderId());
        }
        assertEquals(2, server.count("POST", Samples.ORDERS_V2));
        assertEquals(1, book.size());
    }

    @Test
    void lookupFollowsCursorsAcrossPagesOfOrders() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        Order other = Samples.order("ord-old", TICKER, "someone-else");
        // Page 1 holds an unrelated order; the landed one is on page 2.
        server.handle("GET", Samples.GET_ORDERS, r -> r.queryParam("cursor").isEmpty()
                ? Reply.ok(Samples.orders(List.of(other), "page-2"))
                : Reply.ok(Samples.orders(List.copyOf(book), "")));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            assertEquals("ord-1", client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-p")).orderId());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(2, server.count("GET", Samples.GET_ORDERS));
    }

    @Test
    void withoutSafeOrderRetryAFailedCreateOrderIsOneRequestAndAnException() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            KalshiServerException e = assertThrows(KalshiServerException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-off")));
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(0, server.count("GET", Samples.GET_ORDERS), "no lookup either");
    }

    @Test
    void withoutSafeOrderRetryADroppedCreateOrderIsOneRequestAndANetworkException() {
        onCreateOrder(n -> Outcome.createAndAnswer(Reply.dropConnection()));
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            assertThrows(KalshiNetworkException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-off")));
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
    }

    @Test
    void perCallAttributeTurnsSafeRetryOnForOneCall() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        RequestOptions safe = RequestOptions.builder().attribute(KalshiHttpTransport.SAFE_ORDER_RETRY, true).build();
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            assertEquals("ord-1", client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-attr"), safe).orderId());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
    }

    @Test
    void perCallAttributeTurnsSafeRetryOffForOneCall() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        RequestOptions unsafe = RequestOptions.builder().attribute(KalshiHttpTransport.SAFE_ORDER_RETRY, false).build();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper()).build()) {
            assertThrows(KalshiServerException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-attr"), unsafe));
        }
        assertEquals(0, server.count("GET", Samples.GET_ORDERS));
    }

    // ---------------------------------------------------------------- no client_order_id given (issue 17, case B)

    private List<String> postedClientOrderIds() {
        return server.requests("POST", Samples.ORDERS_V2).stream()
                .map(r -> parse(r).path("client_order_id").asText(null)).collect(Collectors.toList());
    }

    @Test
    void withSafeRetryAnOrderWithoutClientOrderIdGetsOneMintedOnceAndKeptAcrossAttempts() {
        onCreateOrder(n -> n == 1 ? Outcome.failWithout(CRASH) : Outcome.createAndConfirm());
        CreateOrderV2Request anonymous = Samples.orderRequest(TICKER, null);
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            CreateOrderV2Response placed = client.orders().createOrderV2(anonymous);
            List<String> sent = postedClientOrderIds();
            assertEquals(2, sent.size());
            assertTrue(sent.get(0) != null && sent.get(0).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                    "a random UUID: " + sent);
            assertEquals(sent.get(0), sent.get(1), "the resend carries the same id, so the exchange can tell");
            assertEquals(sent.get(0), placed.clientOrderId());
        }
        assertEquals(1, server.count("GET", Samples.GET_ORDERS), "looked up by the minted id before the resend");
        assertEquals(1, book.size());
        assertEquals(null, anonymous.clientOrderId(), "the caller's request is not changed");
    }

    @Test
    void withSafeRetryALandedOrderWithoutClientOrderIdIsFoundByTheMintedId() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            assertEquals("ord-1", client.orders().createOrderV2(Samples.orderRequest(TICKER, null)).orderId());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2), "found, so never doubled");
    }

    @Test
    void withoutSafeRetryNoClientOrderIdIsMinted() {
        onCreateOrder(n -> Outcome.createAndConfirm());
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            client.orders().createOrderV2(Samples.orderRequest(TICKER, null));
        }
        assertEquals(java.util.Collections.singletonList(null), postedClientOrderIds());
    }

    @Test
    void anEmptyClientOrderIdIsReplacedByAMintedOneUnderSafeRetry() {
        onCreateOrder(n -> Outcome.createAndConfirm());
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            client.orders().createOrderV2(Samples.orderRequest(TICKER, ""));
        }
        assertEquals(36, postedClientOrderIds().get(0).length());
    }

    // ---------------------------------------------------------------- accepted but undecodable (issue 17, case A)

    private static final Reply GARBLED_201 = Reply.text(201, "application/json", "{\"order_id\": \"ord-");

    @Test
    void withSafeRetryAnAcceptedOrderWhoseAnswerCannotBeDecodedIsLookedUpAndReturned() {
        onCreateOrder(n -> Outcome.createAndAnswer(GARBLED_201));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            var r = client.orders().createOrderV2WithResponse(Samples.orderRequest(TICKER, "coid-garbled"),
                    RequestOptions.NONE);
            assertEquals("ord-1", r.body().orderId());
            assertEquals(201, r.statusCode(), "the status the exchange accepted it with");
            assertEquals(1, r.attempts());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2), "accepted, so never sent again");
        assertEquals(1, server.count("GET", Samples.GET_ORDERS));
    }

    @Test
    void withoutSafeRetryAnAcceptedOrderWhoseAnswerCannotBeDecodedSaysItWasAcceptedAndCarriesTheBody() {
        onCreateOrder(n -> Outcome.createAndAnswer(GARBLED_201));
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            KalshiDecodeException e = assertThrows(KalshiDecodeException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-garbled")));
            assertTrue(e.accepted(), "a 2xx to CreateOrderV2: the order exists");
            assertEquals(201, e.statusCode());
            assertTrue(e.getMessage().contains("accepted") && e.getMessage().contains("201")
                    && e.getMessage().contains("coid-garbled"), e.getMessage());
            assertEquals("{\"order_id\": \"ord-", new String(e.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(0, server.count("GET", Samples.GET_ORDERS));
    }

    @Test
    void withSafeRetryAnAcceptedOrderThatTheLookupCannotFindIsNeverResent() {
        // The exchange said 201 but lists nothing: the order exists all the same, so it is not sent again.
        onCreateOrder(n -> Outcome.failWithout(GARBLED_201));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            KalshiDecodeException e = assertThrows(KalshiDecodeException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-ghost")));
            assertTrue(e.accepted());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
    }

    @Test
    void asyncWithSafeRetryAnAcceptedOrderWhoseAnswerCannotBeDecodedIsLookedUpAndReturned() {
        onCreateOrder(n -> Outcome.createAndAnswer(GARBLED_201));
        try (KalshiAsyncClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .buildAsync()) {
            assertEquals("ord-1", client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-garbled-async"))
                    .join().orderId());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
    }

    @Test
    void asyncWithoutSafeRetryAnAcceptedOrderWhoseAnswerCannotBeDecodedFailsSayingItWasAccepted() {
        onCreateOrder(n -> Outcome.createAndAnswer(GARBLED_201));
        try (KalshiAsyncClient client = Samples.client(server).sleeper(new RecordingSleeper()).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-garbled-async")).join());
            assertTrue(assertInstanceOf(KalshiDecodeException.class, e.getCause()).accepted());
        }
    }

    // ---------------------------------------------------------------- a timeout resend meets the original (case C)

    @Test
    void aResendAfterATimeoutCarriesTheSameClientOrderIdAndItsDuplicate409IsLookedUp() throws Exception {
        // The first attempt times out while the exchange is still working on it; the lookup finds nothing yet, so
        // the order is sent again. The original lands just after: only the exchange's duplicate check on the
        // client_order_id stops a second order, and the 409 it answers is resolved by looking the order up.
        CountDownLatch resendArrived = new CountDownLatch(1);
        CountDownLatch originalLanded = new CountDownLatch(1);
        server.handle("POST", Samples.ORDERS_V2, r -> {
            int n = posts.incrementAndGet();
            String coid = parse(r).path("client_order_id").asText();
            try {
                if (n == 1) {
                    resendArrived.await(10, TimeUnit.SECONDS);
                    land("ord-original", coid);
                    originalLanded.countDown();
                    return Reply.json(201, Samples.created(Samples.order("ord-original", TICKER, coid)));
                }
                resendArrived.countDown();
                originalLanded.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (book) {
                boolean duplicate = book.stream().anyMatch(o -> coid.equals(o.clientOrderId()));
                return duplicate ? Reply.error(409, "order_already_exists", "client_order_id already used")
                        : Reply.json(201, Samples.created(Samples.order("ord-second", TICKER, coid)));
            }
        });
        RequestOptions quick = RequestOptions.builder().timeout(Duration.ofMillis(300)).build();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            var r = client.orders().createOrderV2WithResponse(Samples.orderRequest(TICKER, "coid-timeout"), quick);
            assertEquals("ord-original", r.body().orderId());
            assertEquals(2, r.attempts());
        }
        assertEquals(List.of("coid-timeout", "coid-timeout"), postedClientOrderIds(),
                "the resend is the same order: same client_order_id");
        assertEquals(2, server.count("GET", Samples.GET_ORDERS), "once before the resend, once after its 409");
        assertEquals(1, book.size(), "one order on the exchange");
    }

    @Test
    void asyncCreateOrderWithSafeRetryAlsoFindsTheLandedOrderInsteadOfFailing() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        try (KalshiAsyncClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .buildAsync()) {
            assertEquals("ord-1", client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-async")).join().orderId());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(1, server.count("GET", Samples.GET_ORDERS));
    }

    @Test
    void asyncCreateOrderWithSafeRetryResendsOnceWhenTheOrderDidNotLand() {
        onCreateOrder(n -> n == 1 ? Outcome.failWithout(Reply.dropConnection()) : Outcome.createAndConfirm());
        try (KalshiAsyncClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .buildAsync()) {
            assertEquals("ord-2", client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-async")).join().orderId());
        }
        assertEquals(2, server.count("POST", Samples.ORDERS_V2));
        assertEquals(1, book.size());
    }

    @Test
    void asyncCreateOrderWithoutSafeRetryIsOneRequestAndAFailedFuture() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        try (KalshiAsyncClient client = Samples.client(server).sleeper(new RecordingSleeper()).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-async")).join());
            assertInstanceOf(KalshiServerException.class, e.getCause());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(0, server.count("GET", Samples.GET_ORDERS));
    }

    // ---------------------------------------------------------------- late-landing orders and stale user data

    /** Adds an order for {@code coid} to the book, as the exchange does when a CreateOrder finally lands. */
    private void land(String orderId, String coid) {
        synchronized (book) {
            book.add(Samples.order(orderId, TICKER, coid));
        }
    }

    @Test
    void orderThatLandsDuringTheBackoffIsFoundAndNotSentAgain() {
        // The gateway gives up while the order service is still working: the order lands a little later.
        onCreateOrder(n -> Outcome.failWithout(GATEWAY_TIMEOUT));
        RecordingSleeper sleeper = new RecordingSleeper(n -> {
            if (n == 1) {
                land("ord-late", "coid-late");
            }
        });
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(sleeper).build()) {
            assertEquals("ord-late", client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-late")).orderId());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2), "looked up only after backing off: not doubled");
        assertEquals(1, book.size());
        assertEquals(List.of(FIRST_BACKOFF), sleeper.waits());
    }

    @Test
    void lookupIsNarrowedByTickerAndByMinTsFromJustBeforeTheFirstAttempt() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        TestClock clock = TestClock.fixed();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).clock(clock)
                .sleeper(new RecordingSleeper(n -> clock.advance(Duration.ofSeconds(1)))).build()) {
            client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-ts"));
        }
        RecordedRequest lookup = server.requests("GET", Samples.GET_ORDERS).get(0);
        assertEquals(List.of(TICKER), lookup.query("ticker"));
        assertEquals(List.of(String.valueOf(TestClock.START.getEpochSecond() - 60)), lookup.query("min_ts"),
                "the first attempt's time, less a minute for clock skew between this host and Kalshi");
    }

    @Test
    void lookupWaitsUntilUserDataCoversTheFailedAttempt() {
        // The order landed, but Kalshi's user data trails the exchange: GetOrders shows it only once the
        // user data timestamp has passed the attempt.
        TestClock clock = TestClock.fixed();
        AtomicBoolean caughtUp = new AtomicBoolean();
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        server.handle("GET", Samples.GET_ORDERS, r -> {
            synchronized (book) {
                return Reply.ok(Samples.orders(caughtUp.get() ? List.copyOf(book) : List.of(), ""));
            }
        });
        AtomicInteger polls = new AtomicInteger();
        userDataAsOf = () -> {
            if (polls.incrementAndGet() == 1) {
                return TestClock.START.minusSeconds(1);
            }
            caughtUp.set(true);
            return TestClock.START.plusMillis(1);
        };
        RecordingSleeper sleeper = new RecordingSleeper();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).clock(clock).sleeper(sleeper).build()) {
            assertEquals("ord-1", client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-lag")).orderId());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2), "a stale view never causes a resend");
        assertEquals(2, server.count("GET", "/exchange/user_data_timestamp"));
        assertEquals(1, server.count("GET", Samples.GET_ORDERS), "looked up once the view is fresh");
        assertEquals(List.of(FIRST_BACKOFF, FIRST_BACKOFF), sleeper.waits(), "the backoff, then one poll's wait");
    }

    @Test
    void userDataThatNeverCatchesUpMakesTheOutcomeUnknownAndNothingIsResent() {
        TestClock clock = TestClock.fixed();
        onCreateOrder(n -> Outcome.failWithout(CRASH));
        userDataAsOf = () -> TestClock.START.minusSeconds(30);
        RecordingSleeper sleeper = new RecordingSleeper();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).clock(clock).sleeper(sleeper).build()) {
            KalshiOrderOutcomeUnknownException e = assertThrows(KalshiOrderOutcomeUnknownException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-stale")));
            assertEquals("coid-stale", e.clientOrderId());
            assertEquals(TICKER, e.ticker());
            assertEquals(1, e.attempts());
            assertInstanceOf(KalshiServerException.class, e.getCause(), "the failure of the order attempt itself");
            assertTrue(e.getMessage().contains("order outcome unknown") && e.getMessage().contains("coid-stale"),
                    e.getMessage());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(0, server.count("GET", Samples.GET_ORDERS), "a stale view is not worth asking");
        assertEquals(5, server.count("GET", "/exchange/user_data_timestamp"), "polled a bounded number of times");
        assertEquals(List.of(FIRST_BACKOFF, Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(1500),
                Duration.ofMillis(3000)), sleeper.waits());
    }

    @Test
    void failedLookupMakesTheOutcomeUnknownInsteadOfThrowingTheLookupsError() {
        onCreateOrder(n -> Outcome.createAndAnswer(Reply.dropConnection()));
        server.respond("GET", Samples.GET_ORDERS, Reply.error(400, "invalid_parameters", "lookup refused"));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            KalshiOrderOutcomeUnknownException e = assertThrows(KalshiOrderOutcomeUnknownException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-lookup")));
            assertEquals("coid-lookup", e.clientOrderId());
            assertInstanceOf(java.io.IOException.class, e.getCause(), "the dropped connection of the attempt");
            assertEquals(1, e.getSuppressed().length);
            assertInstanceOf(KalshiBadRequestException.class, e.getSuppressed()[0]);
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
    }

    @Test
    void resendAnswered409DuplicateIsLookedUpAndReturnsTheOrderThatLanded() {
        // The first attempt was lost and not found, then landed after all: the resend is a duplicate.
        onCreateOrder(n -> {
            if (n == 1) {
                return Outcome.failWithout(CRASH);
            }
            land("ord-first", "coid-dup");
            return Outcome.failWithout(Reply.error(409, "order_already_exists", "client_order_id already used"));
        });
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            var r = client.orders().createOrderV2WithResponse(Samples.orderRequest(TICKER, "coid-dup"),
                    RequestOptions.NONE);
            assertEquals("ord-first", r.body().orderId());
            assertEquals(2, r.attempts());
        }
        assertEquals(2, server.count("POST", Samples.ORDERS_V2));
        assertEquals(2, server.count("GET", Samples.GET_ORDERS));
        assertEquals(1, book.size());
    }

    @Test
    void firstAttemptAnswered409IsNotTakenForThisCallsOrder() {
        // A client_order_id reused from an earlier order: that order is not the one this call placed.
        land("ord-old", "coid-reused");
        onCreateOrder(n -> Outcome.failWithout(Reply.error(409, "order_already_exists", "duplicate")));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            assertThrows(io.github.kalshi4j.errors.KalshiConflictException.class,
                    () -> client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-reused")));
        }
        assertEquals(0, server.count("GET", Samples.GET_ORDERS));
    }

    @Test
    void asyncOrderThatLandsDuringTheBackoffIsFoundAndNotSentAgain() {
        onCreateOrder(n -> Outcome.failWithout(GATEWAY_TIMEOUT));
        RecordingSleeper sleeper = new RecordingSleeper(n -> {
            if (n == 1) {
                land("ord-late", "coid-late-async");
            }
        });
        try (KalshiAsyncClient client = Samples.client(server).safeOrderRetry(true).sleeper(sleeper).buildAsync()) {
            assertEquals("ord-late", client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-late-async"))
                    .join().orderId());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(1, book.size());
    }

    @Test
    void asyncOrderCancelledDuringTheBackoffIsNeitherLookedUpNorResent() throws InterruptedException {
        onCreateOrder(n -> Outcome.failWithout(CRASH));
        AtomicReference<CompletableFuture<?>> call = new AtomicReference<>();
        CountDownLatch waited = new CountDownLatch(1);
        RecordingSleeper cancels = new RecordingSleeper(n -> {
            while (call.get() == null) {
                Thread.onSpinWait();
            }
            call.get().cancel(true);
            waited.countDown();
        });
        try (KalshiAsyncClient client = Samples.client(server).safeOrderRetry(true).sleeper(cancels).buildAsync()) {
            call.set(client.orders().createOrderV2(Samples.orderRequest(TICKER, "coid-cancel")));
            assertTrue(waited.await(10, TimeUnit.SECONDS));
            Thread.sleep(300);
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2));
        assertEquals(0, server.count("GET", "/exchange/user_data_timestamp"));
        assertEquals(0, server.count("GET", Samples.GET_ORDERS));
    }

    // ---------------------------------------------------------------- BatchCreateOrdersV2

    private static final String OTHER_TICKER = "KXTEST-26JAN15-T60";
    /** A random (version 4) UUID, as minted client_order_ids are. */
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private final AtomicInteger batchPosts = new AtomicInteger();

    /**
     * Scripts BatchCreateOrdersV2 (POST /portfolio/events/orders/batched): {@code outcome} gets the 1-based attempt
     * number and says which of the batch's orders (0-based, in request order) the exchange creates and what it
     * answers. Created orders go into the book whatever the answer; order ids are {@code ord-<attempt>-<index>}.
     */
    private void onBatchCreate(IntFunction<BatchOutcome> outcome) {
        server.handle("POST", Samples.ORDERS_V2_BATCHED, r -> {
            int n = batchPosts.incrementAndGet();
            BatchOutcome o = outcome.apply(n);
            JsonNode orders = parse(r).path("orders");
            List<Order> created = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                if (o.creates().test(i)) {
                    created.add(Samples.order("ord-" + n + "-" + i, orders.get(i).path("ticker").asText(),
                            orders.get(i).path("client_order_id").asText(null)));
                }
            }
            synchronized (book) {
                book.addAll(created);
            }
            return o.reply() != null ? o.reply() : Reply.json(201, Samples.batchCreated(created));
        });
    }

    private record BatchOutcome(IntPredicate creates, Reply reply) {
        static BatchOutcome createAllAndAnswer(Reply reply) {
            return new BatchOutcome(i -> true, reply);
        }

        static BatchOutcome createAllAndConfirm() {
            return new BatchOutcome(i -> true, null);
        }

        static BatchOutcome createOnlyAndAnswer(IntPredicate which, Reply reply) {
            return new BatchOutcome(which, reply);
        }

        static BatchOutcome failWithout(Reply reply) {
            return new BatchOutcome(i -> false, reply);
        }
    }

    /** A batch of three bids: two on {@link #TICKER}, one on {@link #OTHER_TICKER}. */
    private static BatchCreateOrdersV2Request threeOrders(String coid0, String coid1, String coid2) {
        return Samples.batchRequest(Samples.orderRequest(TICKER, coid0), Samples.orderRequest(OTHER_TICKER, coid1),
                Samples.orderRequest(TICKER, coid2));
    }

    /** The client_order_ids of every BatchCreateOrdersV2 attempt, one list per attempt, in request order. */
    private List<List<String>> postedBatchClientOrderIds() {
        return server.requests("POST", Samples.ORDERS_V2_BATCHED).stream()
                .map(r -> {
                    List<String> ids = new ArrayList<>();
                    parse(r).path("orders").forEach(o -> ids.add(o.path("client_order_id").asText(null)));
                    return ids;
                }).collect(Collectors.toList());
    }

    private static List<String> ids(BatchCreateOrdersV2Response r, java.util.function.Function<
            BatchCreateOrdersV2ResponseOrdersInner, String> member) {
        return r.orders().stream().map(member).collect(Collectors.toList());
    }

    @Test
    void batchWhoseAnswerIsLostAfterEveryOrderLandedIsAnsweredFromTheLookupAndNotSentAgain() {
        onBatchCreate(n -> BatchOutcome.createAllAndAnswer(CRASH));
        RecordingSleeper sleeper = new RecordingSleeper();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(sleeper).build()) {
            var r = client.orders().batchCreateOrdersV2WithResponse(threeOrders("coid-b0", "coid-b1", "coid-b2"),
                    RequestOptions.NONE);
            assertEquals(List.of("ord-1-0", "ord-1-1", "ord-1-2"), ids(r.body(),
                    BatchCreateOrdersV2ResponseOrdersInner::orderId), "one answer per order, in request order");
            assertEquals(List.of("coid-b0", "coid-b1", "coid-b2"), ids(r.body(),
                    BatchCreateOrdersV2ResponseOrdersInner::clientOrderId));
            assertEquals(new BigDecimal("10.00"), r.body().orders().get(1).remainingCount());
            assertEquals(1, r.attempts());
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2_BATCHED), "the batch was never sent twice");
        assertEquals(3, book.size());
        List<String> lookedUp = server.requests("GET", Samples.GET_ORDERS).stream()
                .map(q -> q.queryParam("ticker").orElseThrow()).collect(Collectors.toList());
        assertEquals(List.of(TICKER, OTHER_TICKER), lookedUp, "one lookup per market the batch touched");
        assertEquals(List.of(FIRST_BACKOFF), sleeper.waits());
    }

    @Test
    void batchOfWhichNothingLandedIsSentOnceMoreWithTheSameClientOrderIds() {
        onBatchCreate(n -> n == 1 ? BatchOutcome.failWithout(CRASH) : BatchOutcome.createAllAndConfirm());
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            var r = client.orders().batchCreateOrdersV2WithResponse(threeOrders("coid-n0", "coid-n1", "coid-n2"),
                    RequestOptions.NONE);
            assertEquals(List.of("ord-2-0", "ord-2-1", "ord-2-2"), ids(r.body(),
                    BatchCreateOrdersV2ResponseOrdersInner::orderId), "the resend's own answer");
            assertEquals(2, r.attempts());
        }
        List<String> sent = List.of("coid-n0", "coid-n1", "coid-n2");
        assertEquals(List.of(sent, sent), postedBatchClientOrderIds(), "sent exactly twice, as the same orders");
        assertEquals(2, server.count("GET", Samples.GET_ORDERS), "looked up on both markets before the resend");
        assertEquals(3, book.size(), "each order exists once");
    }

    @Test
    void batchOfWhichOnlySomeOrdersLandedIsNotResentAndTheOutcomeUnknownNamesTheLandedOnes() {
        // Resending would double the orders that landed; sending only the others is a request the caller never
        // made. The caller must decide, knowing which landed.
        onBatchCreate(n -> BatchOutcome.createOnlyAndAnswer(i -> i == 1, Reply.dropConnection()));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            KalshiOrderOutcomeUnknownException e = assertThrows(KalshiOrderOutcomeUnknownException.class,
                    () -> client.orders().batchCreateOrdersV2(threeOrders("coid-s0", "coid-s1", "coid-s2")));
            assertTrue(e.getMessage().contains("coid-s1") && e.getMessage().contains("ord-1-1"),
                    "names the order that landed: " + e.getMessage());
            assertTrue(e.getMessage().contains("the others did not"), e.getMessage());
            assertEquals("coid-s0,coid-s1,coid-s2", e.clientOrderId(), "every order of the call");
            assertTrue(e.ticker().contains(TICKER) && e.ticker().contains(OTHER_TICKER), e.ticker());
            assertInstanceOf(IOException.class, e.getCause(), "the dropped connection of the attempt");
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2_BATCHED), "nothing resent");
        assertEquals(1, book.size());
    }

    @Test
    void batchItemsWithoutClientOrderIdGetOneMintedEachAndKeepItOnEveryAttempt() {
        onBatchCreate(n -> n == 1 ? BatchOutcome.failWithout(GATEWAY_TIMEOUT) : BatchOutcome.createAllAndConfirm());
        BatchCreateOrdersV2Request partlyAnonymous = threeOrders(null, "coid-kept", "");
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            BatchCreateOrdersV2Response r = client.orders().batchCreateOrdersV2(partlyAnonymous);
            List<List<String>> sent = postedBatchClientOrderIds();
            assertEquals(2, sent.size());
            List<String> first = sent.get(0);
            assertTrue(first.get(0) != null && first.get(0).matches(UUID), "a random UUID: " + first);
            assertEquals("coid-kept", first.get(1), "a caller's id is never replaced");
            assertTrue(first.get(2) != null && first.get(2).matches(UUID), "an empty id counts as none: " + first);
            assertNotEquals(first.get(0), first.get(2), "one id per order");
            assertEquals(first, sent.get(1), "the resend carries the same ids, so the exchange can tell");
            assertEquals(first, ids(r, BatchCreateOrdersV2ResponseOrdersInner::clientOrderId));
        }
        assertEquals(2, server.count("GET", Samples.GET_ORDERS), "looked up by the minted ids before the resend");
        assertEquals(java.util.Arrays.asList(null, "coid-kept", ""), partlyAnonymous.orders().stream()
                .map(CreateOrderV2Request::clientOrderId).collect(Collectors.toList()),
                "the caller's request is not changed");
    }

    @Test
    void batchWithMintedIdsThatLandedIsFoundByThoseIds() {
        onBatchCreate(n -> BatchOutcome.createAllAndAnswer(CRASH));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            BatchCreateOrdersV2Response r = client.orders().batchCreateOrdersV2(threeOrders(null, null, null));
            assertEquals(List.of("ord-1-0", "ord-1-1", "ord-1-2"), ids(r, BatchCreateOrdersV2ResponseOrdersInner::orderId));
            assertEquals(postedBatchClientOrderIds().get(0), ids(r, BatchCreateOrdersV2ResponseOrdersInner::clientOrderId));
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2_BATCHED));
    }

    @Test
    void withoutSafeRetryABatchGetsNoMintedIdsAndAFailureIsOneRequestAndAnException() {
        onBatchCreate(n -> BatchOutcome.createAllAndAnswer(CRASH));
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            assertThrows(KalshiServerException.class, () -> client.orders().batchCreateOrdersV2(threeOrders(null,
                    "coid-u1", null)));
        }
        assertEquals(List.of(java.util.Arrays.asList(null, "coid-u1", null)), postedBatchClientOrderIds());
        assertEquals(0, server.count("GET", Samples.GET_ORDERS));
    }

    @Test
    void withSafeRetryAnAcceptedBatchWhoseAnswerCannotBeDecodedIsLookedUpAndReturned() {
        onBatchCreate(n -> BatchOutcome.createAllAndAnswer(Reply.text(201, "application/json", "{\"orders\": [")));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            var r = client.orders().batchCreateOrdersV2WithResponse(threeOrders("coid-g0", "coid-g1", "coid-g2"),
                    RequestOptions.NONE);
            assertEquals(201, r.statusCode());
            assertEquals(List.of("ord-1-0", "ord-1-1", "ord-1-2"), ids(r.body(),
                    BatchCreateOrdersV2ResponseOrdersInner::orderId));
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2_BATCHED), "accepted, so never sent again");
    }

    @Test
    void asyncBatchWithSafeRetryIsAnsweredFromTheLookupToo() {
        onBatchCreate(n -> BatchOutcome.createAllAndAnswer(Reply.dropConnection()));
        try (KalshiAsyncClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .buildAsync()) {
            BatchCreateOrdersV2Response r = client.orders().batchCreateOrdersV2(threeOrders("coid-a0", "coid-a1",
                    "coid-a2")).join();
            assertEquals(List.of("ord-1-0", "ord-1-1", "ord-1-2"), ids(r, BatchCreateOrdersV2ResponseOrdersInner::orderId));
        }
        assertEquals(1, server.count("POST", Samples.ORDERS_V2_BATCHED));
        assertEquals(3, book.size());
    }

    // ---------------------------------------------------------------- acting on an existing order

    @Test
    void anAmendIsNotAPlacementThoughItsBodyNamesTickerAndClientOrderId() {
        // AmendOrderV2's body carries the order's ticker and client_order_id, yet it changes an order that already
        // exists: a lookup would find that order whether or not the amend took effect, and a minted
        // client_order_id would name an order that does not exist. It fails like any other POST.
        land("ord-7", "coid-amended");
        String amend = "/portfolio/events/orders/ord-7/amend";
        server.respond("POST", amend, CRASH);
        AmendOrderV2Request named = AmendOrderV2Request.builder().ticker(TICKER).side("bid").price("0.57")
                .count("8").clientOrderId("coid-amended").build();
        AmendOrderV2Request unnamed = named.toBuilder().clientOrderId(null).build();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            assertThrows(KalshiServerException.class, () -> client.orders().amendOrderV2("ord-7", named));
            assertThrows(KalshiServerException.class, () -> client.orders().amendOrderV2("ord-7", unnamed));
        }
        assertEquals(0, server.count("GET", "/exchange/user_data_timestamp"), "no lookup");
        assertEquals(0, server.count("GET", Samples.GET_ORDERS), "no lookup");
        List<RecordedRequest> sent = server.requests("POST", amend);
        assertEquals(2, sent.size(), "each sent once, as any POST answered 500");
        assertFalse(parse(sent.get(1)).has("client_order_id"), "no id minted into an amend: " + sent.get(1).bodyText());
    }

    @Test
    void anAmendWhoseAnswerCannotBeDecodedIsNotLookedUpAndSaysTheRequestWasAccepted() {
        // The amend took place (2xx), but that says nothing about an order placed: no lookup may answer for it.
        land("ord-7", "coid-amended");
        server.respond("POST", "/portfolio/events/orders/ord-7/amend",
                Reply.text(200, "application/json", "{\"order_id\": \"ord-"));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            KalshiDecodeException e = assertThrows(KalshiDecodeException.class, () -> client.orders().amendOrderV2(
                    "ord-7", AmendOrderV2Request.builder().ticker(TICKER).side("bid").price("0.57").count("8")
                            .clientOrderId("coid-amended").build()));
            assertTrue(e.accepted());
            assertTrue(e.getMessage().contains("the request was accepted"), e.getMessage());
        }
        assertEquals(0, server.count("GET", Samples.GET_ORDERS));
    }
}
