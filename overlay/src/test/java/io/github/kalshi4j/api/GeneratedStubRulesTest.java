package io.github.kalshi4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiNotFoundException;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.GetOrderQueuePositionsResponse;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.RecordedRequest;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.transport.RequestOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules the generated stubs apply before any I/O (comma-joined query arrays, path parameters, exact ranges) and how
 * the async body methods fail, seen through the client against the loopback server.
 */
final class GeneratedStubRulesTest {

    private static final RequestOptions NO_RETRY = RequestOptions.builder().maxRetries(0).build();

    private LoopbackServer server;
    private KalshiClient client;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        client = Samples.client(server).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private IllegalArgumentException rejectedBeforeIo(Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(0, server.requestCount(), "nothing may reach the server");
        return e;
    }

    @Test
    void marketTickersAreSentCommaJoinedWithLiteralCommas() {
        server.respond("GET", "/markets", Reply.ok(GetMarketsResponse.builder().build()));

        client.markets().getMarkets(p -> p.tickers(List.of("KX-A", "KX-B")));

        RecordedRequest r = server.onlyRequest();
        assertEquals("tickers=KX-A,KX-B", r.rawQuery());
        assertEquals(List.of("KX-A,KX-B"), r.query("tickers"), "one parameter, not repeated");
    }

    @Test
    void itemsOfACommaJoinedListAreStillPercentEncoded() {
        server.respond("GET", "/portfolio/orders/queue_positions", Reply.ok(GetOrderQueuePositionsResponse.builder().build()));

        client.orders().getOrderQueuePositions(p -> p.marketTickers("KX A", "KX/B"));

        assertEquals("market_tickers=KX%20A,KX%2FB", server.onlyRequest().rawQuery());
    }

    @Test
    void anEmptyItemOfACommaJoinedListIsRejectedBeforeIo() {
        IllegalArgumentException e = rejectedBeforeIo(() -> client.markets().getMarkets(p -> p.tickers("A", "", "B")));
        assertTrue(e.getMessage().contains("GetMarkets: tickers[1] is empty"), e.getMessage());
    }

    @Test
    void anItemContainingACommaIsRejectedBeforeIo() {
        IllegalArgumentException e = rejectedBeforeIo(() -> client.historical().getHistoricalMarkets(p -> p.tickers("A,,B,")));
        assertTrue(e.getMessage().contains("tickers[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("comma"), e.getMessage());
    }

    @Test
    void batchCandlestickTickersAreAListToo() {
        IllegalArgumentException e = rejectedBeforeIo(() -> client.markets().batchGetMarketCandlesticks(
                p -> p.marketTickers("KX-A", "KX-B,KX-C").startTs(1L).endTs(2L).periodInterval(60)));
        assertTrue(e.getMessage().contains("market_tickers[1]"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotSegmentsAsPathParametersAreRejectedNamingTheParameter(String value) {
        IllegalArgumentException e = rejectedBeforeIo(() -> client.markets().getMarket(value));
        assertTrue(e.getMessage().contains("GetMarket: path parameter ticker"), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + value + "\""), e.getMessage());
    }

    @Test
    void anEmptyPathParameterIsRejectedNamingTheParameter() {
        IllegalArgumentException e = rejectedBeforeIo(() -> client.markets().getMarket(""));
        assertTrue(e.getMessage().contains("path parameter ticker must not be empty"), e.getMessage());
    }

    @Test
    void dotsInsideAPathParameterAreOrdinaryCharacters() {
        server.respond("GET", "/markets/KX.25..A", Reply.error(404, "not_found", "no such market"));

        assertThrows(KalshiNotFoundException.class, () -> client.markets().getMarket("KX.25..A", NO_RETRY));
        assertEquals("/trade-api/v2/markets/KX.25..A", server.onlyRequest().rawPath());
    }

    @Test
    void rangeChecksAcceptTheBoundAndRejectOneBeyondIt() {
        assertEquals(1000L, MarketsApi.GetMarketsParams.builder().limit(1000L).build().limit());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarketsApi.GetMarketsParams.builder().limit(1001L).build());
        assertTrue(e.getMessage().contains("limit must be <= 1000, got 1001"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MarketsApi.GetMarketsParams.builder().limit(-1L).build());
    }

    @Test
    void boundComparisonsAreExactWhereADoubleWouldRound() {
        // 2^53 + 1 has no double: through doubleValue() it equals 2^53 and would pass a maximum of 2^53.
        long twoTo53 = 1L << 53;
        assertTrue(io.github.kalshi4j.transport.KalshiJson.compareToBound(twoTo53 + 1, Long.toString(twoTo53)) > 0);
        assertEquals(0, io.github.kalshi4j.transport.KalshiJson.compareToBound(new java.math.BigDecimal("0.10"), "0.1"));
        assertTrue(io.github.kalshi4j.transport.KalshiJson.compareToBound(new java.math.BigDecimal("0.1000000000000000001"), "0.1") > 0);
        assertTrue(io.github.kalshi4j.transport.KalshiJson.compareToBound(1, "0.5") > 0, "a fractional bound on an integer");
    }

    @Test
    void theAsyncBodyFutureFailsWithTheSdkExceptionItself() throws Exception {
        server.respond("GET", "/markets/KX-NONE", Reply.error(404, "not_found", "no such market").requestId("r-404"));
        try (KalshiAsyncClient async = Samples.client(server).buildAsync()) {
            AtomicReference<Throwable> seen = new AtomicReference<>();

            CompletableFuture<?> handled = async.markets().getMarket("KX-NONE", NO_RETRY).exceptionally(e -> {
                seen.set(e);
                return null;
            });
            handled.get(10, TimeUnit.SECONDS);

            KalshiNotFoundException e = assertInstanceOf(KalshiNotFoundException.class, seen.get(),
                    "exceptionally sees what getMarketWithResponse fails with, not a CompletionException");
            assertEquals("r-404", e.requestId());
        }
    }

    @Test
    void theAsyncBodyAndResponseFuturesFailAlike() throws Exception {
        server.respond("GET", "/markets/KX-NONE", Reply.error(404, "not_found", "no such market"),
                Reply.error(404, "not_found", "no such market"));
        try (KalshiAsyncClient async = Samples.client(server).buildAsync()) {
            Throwable body = async.markets().getMarket("KX-NONE", NO_RETRY).handle((v, e) -> e).get(10, TimeUnit.SECONDS);
            Throwable response = async.markets().getMarketWithResponse("KX-NONE", NO_RETRY).handle((v, e) -> e)
                    .get(10, TimeUnit.SECONDS);

            assertEquals(response.getClass(), body.getClass());
            assertFalse(body instanceof java.util.concurrent.CompletionException, String.valueOf(body));
        }
    }
}
