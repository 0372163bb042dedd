package io.github.kalshi4j.client;

import io.github.kalshi4j.errors.KalshiClientClosedException;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.http.ApacheHttpExchange;
import io.github.kalshi4j.http.HttpExchange;
import io.github.kalshi4j.http.RawRequest;
import io.github.kalshi4j.http.RawResponse;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.testsupport.TestCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The blocking client and its async twin: one core, one lifecycle. */
final class ClientLifecycleTest {

    private LoopbackServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void startServer() {
        server = LoopbackServer.start();
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()));
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void blockingClientAndItsAsyncTwinAreOneClientSeenTwoWays() {
        try (KalshiClient client = Samples.client(server).build()) {
            KalshiAsyncClient async = client.async();
            assertSame(async, client.async(), "the twin is created once");
            assertSame(client, async.blocking());
            assertSame(client.config(), async.config());
            assertEquals(client.isAuthenticated(), async.isAuthenticated());
            assertTrue(client.exchange().getExchangeStatus().tradingActive());
            assertTrue(async.exchange().getExchangeStatus().join().tradingActive());
        }
        assertEquals(2, server.requestCount());
    }

    @Test
    void asyncResultsCompleteOnKalshiWorkerThreadsNotOnHttpClientIoThreads() {
        // A short delay makes sure the callback is attached before the future completes.
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()).delay(Duration.ofMillis(100)));
        try (KalshiAsyncClient client = Samples.client(server).buildAsync()) {
            String thread = client.exchange().getExchangeStatus()
                    .thenApply(s -> Thread.currentThread().getName()).join();
            assertTrue(thread.startsWith("kalshi4j-worker"), thread);
        }
    }

    @Test
    void asyncClientExposesTheSameSignerAndMapperAsItsBlockingTwin() {
        try (KalshiAsyncClient async = Samples.client(server).buildAsync()) {
            assertSame(async.blocking().signer().orElseThrow(), async.signer().orElseThrow());
            assertSame(async.blocking().mapper(), async.mapper());
        }
        try (KalshiAsyncClient anonymous = Samples.unauthenticatedClient(server).buildAsync()) {
            assertTrue(anonymous.signer().isEmpty());
        }
    }

    @Test
    void buildAsyncGivesAnAsyncClientWhoseBlockingTwinPointsBack() {
        try (KalshiAsyncClient async = Samples.client(server).buildAsync()) {
            assertSame(async, async.blocking().async());
        }
    }

    private void assertFailsClearlyWithoutIo(Executable call) {
        int before = server.requestCount();
        KalshiClientClosedException e = assertThrows(KalshiClientClosedException.class, call);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(before, server.requestCount(), "a closed client sends nothing");
        assertEquals(List.of(), sleeper.waits(), "and does not retry its way to a failure");
    }

    @Test
    void closingTheAsyncTwinClosesTheBlockingClient() {
        KalshiClient client = Samples.client(server).sleeper(sleeper).build();
        client.exchange().getExchangeStatus();
        client.async().close();
        assertFailsClearlyWithoutIo(() -> client.exchange().getExchangeStatus());
        assertFailsClearlyWithoutIo(() -> client.portfolio().getBalance());
    }

    @Test
    void closingTheBlockingClientClosesTheAsyncTwin() {
        KalshiClient client = Samples.client(server).sleeper(sleeper).build();
        KalshiAsyncClient async = client.async();
        async.exchange().getExchangeStatus().join();
        client.close();
        assertFailsClearlyWithoutIo(() -> async.exchange().getExchangeStatus());
        assertFailsClearlyWithoutIo(() -> async.orders().createOrderV2(Samples.orderRequest("KX", "coid")));
    }

    @Test
    void callsOnAClosedClientThrowAKalshiExceptionNamingTheOperation() {
        KalshiClient client = Samples.client(server).sleeper(sleeper).build();
        client.close();
        KalshiException e = assertThrows(KalshiException.class, () -> client.exchange().getExchangeStatus());
        KalshiClientClosedException closed = assertInstanceOf(KalshiClientClosedException.class, e);
        assertEquals("GetExchangeStatus", closed.operationId());
        assertInstanceOf(KalshiClientClosedException.class, assertThrows(KalshiException.class, client::ws));
        assertEquals(0, server.requestCount());
    }

    /** A real exchange (Apache HttpClient on loopback) that counts how often it is closed. */
    private static final class CloseCountingExchange implements HttpExchange {
        private final ApacheHttpExchange real = new ApacheHttpExchange(Duration.ofSeconds(5), 4, false, "test");
        private final AtomicInteger closes = new AtomicInteger();

        @Override
        public RawResponse send(RawRequest request) throws IOException {
            return real.send(request);
        }

        @Override
        public CompletableFuture<RawResponse> sendAsync(RawRequest request) {
            return real.sendAsync(request);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            real.close();
        }
    }

    @Test
    void aGivenHttpExchangeIsClosedWithTheClient() {
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()));
        CloseCountingExchange exchange = new CloseCountingExchange();
        KalshiClient client = Samples.client(server).httpExchange(exchange).build();
        assertTrue(client.exchange().getExchangeStatus().tradingActive());
        client.close();
        client.async().close();
        assertEquals(1, exchange.closes.get(), "closed once, by the client that was given it");
    }

    @Test
    void aSharedHttpExchangeIsLeftOpenForItsOwner() {
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()));
        CloseCountingExchange exchange = new CloseCountingExchange();
        try (KalshiClient first = Samples.client(server).httpExchange(exchange, false).build()) {
            first.exchange().getExchangeStatus();
        }
        assertEquals(0, exchange.closes.get());
        try (KalshiClient second = Samples.client(server).httpExchange(exchange, false).build()) {
            assertTrue(second.exchange().getExchangeStatus().tradingActive(), "still usable by another client");
        }
        exchange.close();
        assertEquals(2, server.requestCount());
    }

    @Test
    void closeIsIdempotent() {
        KalshiClient client = Samples.client(server).sleeper(sleeper).build();
        client.close();
        client.close();
        client.async().close();
        assertFailsClearlyWithoutIo(() -> client.exchange().getExchangeStatus());
    }

    @Test
    void closingWhileAnAsyncCallWaitsToRetryFailsThatCallInsteadOfLeavingItHanging() {
        AtomicReference<KalshiClient> ref = new AtomicReference<>();
        // The client is closed while it waits before its retry.
        RecordingSleeper closesClient = new RecordingSleeper(n -> ref.get().close());
        server.respond("GET", "/exchange/status", Reply.error(503, "service_unavailable", "busy"),
                Reply.ok(Samples.exchangeStatus()));
        KalshiClient client = Samples.client(server).sleeper(closesClient).build();
        ref.set(client);
        CompletableFuture<?> call = client.async().exchange().getExchangeStatus();
        assertClosedFailure(assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS)));
        assertEquals(1, server.requestCount(), "the retry was never sent");
    }

    @Test
    void closingWhileARetryIsScheduledFailsThatCallPromptly() throws InterruptedException {
        server.respond("GET", "/exchange/status", Reply.error(503, "service_unavailable", "busy"),
                Reply.ok(Samples.exchangeStatus()));
        // The real scheduler with a long backoff: the retry sits in the scheduler when the client closes.
        KalshiConfig config = KalshiConfig.builder().baseUrl(server.baseUrl())
                .backoffBase(Duration.ofSeconds(20)).backoffCap(Duration.ofSeconds(20)).build();
        KalshiAsyncClient client = Samples.client(server).config(config).buildAsync();
        CompletableFuture<?> call = client.exchange().getExchangeStatus();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.requestCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        client.close();
        assertClosedFailure(assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS)));
        assertEquals(1, server.requestCount());
    }

    private static void assertClosedFailure(ExecutionException e) {
        KalshiClientClosedException cause = assertInstanceOf(KalshiClientClosedException.class, e.getCause());
        assertTrue(cause.getMessage().contains("closed"), cause.getMessage());
    }

    @Test
    void toStringShowsTheBaseUrlAndTheKeyIdButNoKeyMaterial() {
        try (KalshiClient client = Samples.client(server).build()) {
            String text = client + " " + client.async() + " " + client.signer().orElseThrow();
            assertTrue(text.contains(server.baseUrl()), text);
            assertTrue(text.contains(TestCredentials.KEY_ID), text);
            assertTrue(!text.contains("PRIVATE KEY") && !text.contains(
                    TestCredentials.privateKeyBase64().substring(40, 80)), text);
        }
        try (KalshiClient anonymous = Samples.unauthenticatedClient(server).build()) {
            assertTrue(anonymous.toString().contains("unauthenticated"), anonymous.toString());
        }
    }
}
