package io.github.kalshi4j.client;

import io.github.kalshi4j.api.CommunicationsApi;
import io.github.kalshi4j.api.MarketsApi;
import io.github.kalshi4j.api.MilestonesApi;
import io.github.kalshi4j.api.OrdersApi;
import io.github.kalshi4j.model.DecreaseOrderV2Request;
import io.github.kalshi4j.model.DecreaseOrderV2Response;
import io.github.kalshi4j.model.GetMarketOrderbooksResponse;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.RecordedRequest;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mistakes Kalshi would reject (or silently misread) are refused in the caller's thread with an
 * IllegalArgumentException naming the rule, before a single byte is sent: the server must see nothing.
 */
final class ClientSideChecksTest {

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

    private void assertRejectedBeforeIo(Executable call, String... messageParts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), "message names '" + part + "': " + e.getMessage());
        }
        assertEquals(0, server.requestCount(), "nothing may reach the server");
    }

    @Test
    void commaInsideAnItemOfAnExplodedArrayIsRejected() {
        assertRejectedBeforeIo(() -> client.markets().getMarketOrderbooks(
                MarketsApi.GetMarketOrderbooksParams.builder().tickers("KX-A", "KX-B,KX-C").build()),
                "GetMarketOrderbooks", "tickers[1]", "comma");
    }

    @Test
    void emptyItemOfAnExplodedArrayIsRejected() {
        assertRejectedBeforeIo(() -> client.markets().getMarketOrderbooks(
                MarketsApi.GetMarketOrderbooksParams.builder().tickers("KX-A", "").build()),
                "GetMarketOrderbooks", "tickers[1]", "empty");
    }

    @Test
    void asyncCallsAreRejectedInTheCallingThreadToo() {
        assertRejectedBeforeIo(() -> client.async().markets().getMarketOrderbooks(
                MarketsApi.GetMarketOrderbooksParams.builder().tickers(Arrays.asList("KX-A", null)).build()),
                "tickers[1]");
    }

    @Test
    void explodedArrayIsSentAsRepeatedParameters() {
        server.respond("GET", "/markets/orderbooks", Reply.ok(GetMarketOrderbooksResponse.builder().build()));
        client.markets().getMarketOrderbooks(
                MarketsApi.GetMarketOrderbooksParams.builder().tickers("KX-A", "KX B").build());
        RecordedRequest r = server.onlyRequest();
        assertEquals(List.of("KX-A", "KX B"), r.query("tickers"));
        assertEquals("tickers=KX-A&tickers=KX%20B", r.rawQuery());
    }

    @Test
    void decreaseOrderV2WithBothReduceByAndReduceToIsRejected() {
        DecreaseOrderV2Request both = DecreaseOrderV2Request.builder().reduceBy("2").reduceTo("5").build();
        assertRejectedBeforeIo(() -> client.orders().decreaseOrderV2("ord-1", both),
                "DecreaseOrderV2", "exactly one of reduce_by and reduce_to", "both");
    }

    @Test
    void decreaseOrderV2WithNeitherReduceByNorReduceToIsRejected() {
        DecreaseOrderV2Request neither = DecreaseOrderV2Request.builder().marketTicker("KX-A").build();
        assertRejectedBeforeIo(() -> client.orders().decreaseOrderV2("ord-1", neither),
                "DecreaseOrderV2", "neither");
    }

    @Test
    void asyncDecreaseOrderV2IsRejectedInTheCallingThreadToo() {
        DecreaseOrderV2Request both = DecreaseOrderV2Request.builder().reduceBy("2").reduceTo("5").build();
        assertRejectedBeforeIo(() -> client.async().orders().decreaseOrderV2("ord-1", both), "both");
    }

    @Test
    void decreaseOrderV2CountsAReduceInItsFixedPointSpellingToo() {
        // The rule reads the body's JSON members, so a reduce_to_fp carried as an extra property still counts.
        DecreaseOrderV2Request mixed = DecreaseOrderV2Request.builder().reduceBy("1.50")
                .additionalProperty("reduce_to_fp", "3").build();
        assertRejectedBeforeIo(() -> client.orders().decreaseOrderV2("ord-1", mixed), "both");
    }

    @Test
    void decreaseOrderV2WithExactlyOneIsSent() {
        server.respond("POST", "/portfolio/events/orders/ord-1/decrease", Reply.ok(DecreaseOrderV2Response.builder()
                .orderId("ord-1").remainingCount("8.00").tsMs(Samples.TS_MS).build()));
        assertEquals(new java.math.BigDecimal("8.00"), client.orders().decreaseOrderV2("ord-1",
                DecreaseOrderV2Request.builder().reduceBy("2").build()).remainingCount());
        assertEquals("{\"reduce_by\":\"2\"}", server.onlyRequest().bodyText());
    }

    @Test
    void getQuotesWithoutACreatorFilterIsRejected() {
        assertRejectedBeforeIo(() -> client.communications().getQuotes(),
                "GetQuotes", "quote_creator_user_id", "rfq_creator_user_id");
        assertRejectedBeforeIo(() -> client.communications().getQuotes(
                CommunicationsApi.GetQuotesParams.builder().status("open").build()), "GetQuotes");
    }

    @Test
    void limitAboveTheSpecsRangeIsRejected() {
        assertRejectedBeforeIo(() -> client.markets().getMarkets(p -> p.limit(1001L)),
                "GetMarkets", "limit must be <= 1000", "1001");
    }

    @Test
    void limitBelowTheSpecsRangeIsRejected() {
        assertRejectedBeforeIo(() -> client.orders().getOrders(OrdersApi.GetOrdersParams.builder().limit(0L).build()),
                "GetOrders", "limit must be >= 1");
    }

    @Test
    void missingRequiredQueryParameterIsRejected() {
        assertRejectedBeforeIo(() -> client.milestones().getMilestones(MilestonesApi.GetMilestonesParams.builder()
                .build()), "GetMilestones", "limit is required");
        assertRejectedBeforeIo(() -> client.markets().getMarketOrderbooks(
                MarketsApi.GetMarketOrderbooksParams.builder().build()), "GetMarketOrderbooks", "tickers is required");
    }

    @Test
    void missingOrEmptyPathParameterIsRejected() {
        assertRejectedBeforeIo(() -> client.orders().getOrder(null), "GetOrder", "order_id");
        assertRejectedBeforeIo(() -> client.orders().getOrder(""), "GetOrder", "order_id", "empty");
    }

    @Test
    void perCallSigningHeaderIsRejected() {
        assertRejectedBeforeIo(() -> client.exchange().getExchangeStatus(
                RequestOptions.builder().header("KALSHI-ACCESS-KEY", "x").build()),
                "KALSHI-ACCESS-KEY");
    }
}
