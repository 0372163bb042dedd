package io.github.kalshi4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.errors.KalshiNetworkException;
import io.github.kalshi4j.errors.KalshiServerException;
import io.github.kalshi4j.internal.KalshiHttpTransport;
import io.github.kalshi4j.model.CreateOrderRequest;
import io.github.kalshi4j.model.CreateOrderResponse;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.RecordedRequest;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * CreateOrder is not idempotent: a retry after the exchange may have acted can double an order. With safe order
 * retry, a CreateOrder carrying a client_order_id that fails after it may have landed is looked up by that id
 * before anything is sent again. The loopback exchange here really creates orders and lists them.
 */
final class SafeOrderRetryTest {

    private static final String TICKER = "KXTEST-26JAN15-T50";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoopbackServer server;
    private final List<Order> book = new ArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();

    @BeforeEach
    void startExchange() {
        server = LoopbackServer.start();
        // GET /portfolio/orders lists what the exchange holds, filtered by ticker as Kalshi does.
        server.handle("GET", "/portfolio/orders", r -> {
            synchronized (book) {
                List<Order> matching = book.stream()
                        .filter(o -> r.queryParam("ticker").map(t -> t.equals(o.ticker())).orElse(true))
                        .collect(Collectors.toList());
                return Reply.ok(Samples.orders(matching, ""));
            }
        });
    }

    @AfterEach
    void stopExchange() {
        server.close();
    }

    /**
     * Scripts POST /portfolio/orders: {@code outcome} gets the 1-based attempt number and says whether the order
     * is created and what is answered. A created order goes into the book whatever the answer.
     */
    private void onCreateOrder(IntFunction<Outcome> outcome) {
        server.handle("POST", "/portfolio/orders", r -> {
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

    @Test
    void orderCreatedButAnswered500IsFoundByClientOrderIdAndNotSentAgain() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        RecordingSleeper sleeper = new RecordingSleeper();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(sleeper).build()) {
            CreateOrderResponse r = client.orders().createOrder(Samples.orderRequest(TICKER, "coid-500"));
            assertEquals("ord-1", r.order().orderId());
            assertEquals("coid-500", r.order().clientOrderId());
        }
        assertEquals(1, server.count("POST", "/portfolio/orders"), "the order was never sent twice");
        List<RecordedRequest> lookups = server.requests("GET", "/portfolio/orders");
        assertEquals(1, lookups.size());
        assertEquals(List.of(TICKER), lookups.get(0).query("ticker"), "the lookup is narrowed to the order's market");
        assertEquals(1, book.size());
        assertEquals(List.of(), sleeper.waits(), "nothing to wait for once the order is found");
    }

    @Test
    void orderCreatedButConnectionDroppedIsFoundByClientOrderIdAndNotSentAgain() {
        onCreateOrder(n -> Outcome.createAndAnswer(Reply.dropConnection()));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            CreateOrderResponse r = client.orders().createOrder(Samples.orderRequest(TICKER, "coid-drop"));
            assertEquals("ord-1", r.order().orderId());
        }
        assertEquals(1, server.count("POST", "/portfolio/orders"));
        assertEquals(1, server.count("GET", "/portfolio/orders"));
        assertEquals(1, book.size());
    }

    @Test
    void orderNotFoundAfterAFailureIsSentOnceMoreAfterBackoff() {
        onCreateOrder(n -> n == 1 ? Outcome.failWithout(CRASH) : Outcome.createAndConfirm());
        RecordingSleeper sleeper = new RecordingSleeper();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(sleeper).build()) {
            var r = client.orders().createOrderWithResponse(Samples.orderRequest(TICKER, "coid-resend"),
                    RequestOptions.NONE);
            assertEquals("ord-2", r.body().order().orderId());
            assertEquals(2, r.attempts());
        }
        assertEquals(2, server.count("POST", "/portfolio/orders"));
        assertEquals(1, server.count("GET", "/portfolio/orders"));
        assertEquals(1, book.size(), "exactly one order exists");
        assertEquals(1, sleeper.waits().size());
    }

    @Test
    void droppedConnectionWithNoOrderCreatedIsSentOnceMore() {
        onCreateOrder(n -> n == 1 ? Outcome.failWithout(Reply.dropConnection()) : Outcome.createAndConfirm());
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            assertEquals("ord-2", client.orders().createOrder(Samples.orderRequest(TICKER, "coid-x")).order().orderId());
        }
        assertEquals(2, server.count("POST", "/portfolio/orders"));
        assertEquals(1, book.size());
    }

    @Test
    void lookupFollowsCursorsAcrossPagesOfOrders() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        Order other = Samples.order("ord-old", TICKER, "someone-else");
        // Page 1 holds an unrelated order; the landed one is on page 2.
        server.handle("GET", "/portfolio/orders", r -> r.queryParam("cursor").isEmpty()
                ? Reply.ok(Samples.orders(List.of(other), "page-2"))
                : Reply.ok(Samples.orders(List.copyOf(book), "")));
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            assertEquals("ord-1", client.orders().createOrder(Samples.orderRequest(TICKER, "coid-p")).order().orderId());
        }
        assertEquals(1, server.count("POST", "/portfolio/orders"));
        assertEquals(2, server.count("GET", "/portfolio/orders"));
    }

    @Test
    void withoutSafeOrderRetryAFailedCreateOrderIsOneRequestAndAnException() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            KalshiServerException e = assertThrows(KalshiServerException.class,
                    () -> client.orders().createOrder(Samples.orderRequest(TICKER, "coid-off")));
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.count("POST", "/portfolio/orders"));
        assertEquals(0, server.count("GET", "/portfolio/orders"), "no lookup either");
    }

    @Test
    void withoutSafeOrderRetryADroppedCreateOrderIsOneRequestAndANetworkException() {
        onCreateOrder(n -> Outcome.createAndAnswer(Reply.dropConnection()));
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            assertThrows(KalshiNetworkException.class,
                    () -> client.orders().createOrder(Samples.orderRequest(TICKER, "coid-off")));
        }
        assertEquals(1, server.count("POST", "/portfolio/orders"));
    }

    @Test
    void perCallAttributeTurnsSafeRetryOnForOneCall() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        RequestOptions safe = RequestOptions.builder().attribute(KalshiHttpTransport.SAFE_ORDER_RETRY, true).build();
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            assertEquals("ord-1", client.orders().createOrder(Samples.orderRequest(TICKER, "coid-attr"), safe)
                    .order().orderId());
        }
        assertEquals(1, server.count("POST", "/portfolio/orders"));
    }

    @Test
    void perCallAttributeTurnsSafeRetryOffForOneCall() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        RequestOptions unsafe = RequestOptions.builder().attribute(KalshiHttpTransport.SAFE_ORDER_RETRY, false).build();
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper()).build()) {
            assertThrows(KalshiServerException.class,
                    () -> client.orders().createOrder(Samples.orderRequest(TICKER, "coid-attr"), unsafe));
        }
        assertEquals(0, server.count("GET", "/portfolio/orders"));
    }

    @Test
    void orderWithoutClientOrderIdIsNeverLookedUpOrResent() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        CreateOrderRequest anonymous = Samples.orderRequest(TICKER, null);
        try (KalshiClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .build()) {
            assertThrows(KalshiServerException.class, () -> client.orders().createOrder(anonymous));
        }
        assertEquals(1, server.count("POST", "/portfolio/orders"));
        assertEquals(0, server.count("GET", "/portfolio/orders"));
    }

    @Test
    void asyncCreateOrderWithSafeRetryAlsoFindsTheLandedOrderInsteadOfFailing() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        try (KalshiAsyncClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .buildAsync()) {
            assertEquals("ord-1", client.orders().createOrder(Samples.orderRequest(TICKER, "coid-async")).join()
                    .order().orderId());
        }
        assertEquals(1, server.count("POST", "/portfolio/orders"));
        assertEquals(1, server.count("GET", "/portfolio/orders"));
    }

    @Test
    void asyncCreateOrderWithSafeRetryResendsOnceWhenTheOrderDidNotLand() {
        onCreateOrder(n -> n == 1 ? Outcome.failWithout(Reply.dropConnection()) : Outcome.createAndConfirm());
        try (KalshiAsyncClient client = Samples.client(server).safeOrderRetry(true).sleeper(new RecordingSleeper())
                .buildAsync()) {
            assertEquals("ord-2", client.orders().createOrder(Samples.orderRequest(TICKER, "coid-async")).join()
                    .order().orderId());
        }
        assertEquals(2, server.count("POST", "/portfolio/orders"));
        assertEquals(1, book.size());
    }

    @Test
    void asyncCreateOrderWithoutSafeRetryIsOneRequestAndAFailedFuture() {
        onCreateOrder(n -> Outcome.createAndAnswer(CRASH));
        try (KalshiAsyncClient client = Samples.client(server).sleeper(new RecordingSleeper()).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> client.orders().createOrder(Samples.orderRequest(TICKER, "coid-async")).join());
            assertInstanceOf(KalshiServerException.class, e.getCause());
        }
        assertEquals(1, server.count("POST", "/portfolio/orders"));
        assertEquals(0, server.count("GET", "/portfolio/orders"));
    }
}
