package io.github.kalshi4j.client;

import io.github.kalshi4j.api.PortfolioApi;
import io.github.kalshi4j.model.CreateSubaccountRequest;
import io.github.kalshi4j.model.CreateSubaccountResponse;
import io.github.kalshi4j.model.ExchangeStatus;
import io.github.kalshi4j.model.GetBalanceResponse;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.transport.ApiResponse;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The *WithResponse forms: the decoded body plus what the HTTP exchange said about it. */
final class RawResponseAccessTest {

    private LoopbackServer server;

    @BeforeEach
    void startServer() {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Reply withRateLimitHeaders(Reply reply) {
        return reply.requestId("req-abc").header("X-RateLimit-Limit", "20").header("X-RateLimit-Remaining", "19");
    }

    @Test
    void withResponseGivesStatusHeadersRequestIdAttemptsAndBody() {
        server.respond("GET", "/portfolio/balance", withRateLimitHeaders(Reply.ok(Samples.balance())));
        try (KalshiClient client = Samples.client(server).build()) {
            ApiResponse<GetBalanceResponse> r = client.portfolio().getBalanceWithResponse(
                    PortfolioApi.GetBalanceParams.builder().build(), RequestOptions.NONE);
            assertEquals(200, r.statusCode());
            assertEquals("req-abc", r.requestId().orElseThrow());
            assertEquals(1, r.attempts());
            assertEquals("19", r.header("x-ratelimit-remaining").orElseThrow(), "header names ignore case");
            assertEquals(List.of("20"), r.headers().get("X-RATELIMIT-LIMIT"));
            assertEquals(12_345L, r.body().balance());
        }
    }

    @Test
    void attemptsCountTheRetriesItTook() {
        server.respond("GET", "/exchange/status", Reply.error(503, "service_unavailable", "busy"),
                Reply.error(503, "service_unavailable", "busy"), withRateLimitHeaders(Reply.ok(Samples.exchangeStatus())));
        try (KalshiClient client = Samples.client(server).sleeper(new RecordingSleeper()).build()) {
            ApiResponse<ExchangeStatus> r = client.exchange().getExchangeStatusWithResponse(RequestOptions.NONE);
            assertEquals(3, r.attempts());
            assertEquals("req-abc", r.requestId().orElseThrow(), "the metadata is the successful attempt's");
        }
    }

    @Test
    void createdStatusIsReportedAsSent() {
        server.respond("POST", "/portfolio/subaccounts",
                Reply.json(201, CreateSubaccountResponse.builder().subaccountNumber(1).build()));
        try (KalshiClient client = Samples.client(server).build()) {
            ApiResponse<CreateSubaccountResponse> r = client.portfolio().createSubaccountWithResponse(
                    CreateSubaccountRequest.builder().build(), RequestOptions.NONE);
            assertEquals(201, r.statusCode());
            assertTrue(r.requestId().isEmpty(), "no request id header, no request id");
        }
    }

    @Test
    void asyncWithResponseGivesTheSameMetadata() {
        server.respond("GET", "/portfolio/balance", withRateLimitHeaders(Reply.ok(Samples.balance())));
        try (KalshiAsyncClient client = Samples.client(server).buildAsync()) {
            ApiResponse<GetBalanceResponse> r = client.portfolio().getBalanceWithResponse(
                    PortfolioApi.GetBalanceParams.builder().build(), RequestOptions.NONE).join();
            assertEquals(200, r.statusCode());
            assertEquals("req-abc", r.requestId().orElseThrow());
            assertEquals("19", r.header("X-RateLimit-Remaining").orElseThrow());
            assertEquals(1, r.attempts());
        }
    }

    @Test
    void unknownResponseFieldsAreKeptNotRejected() {
        server.respond("GET", "/exchange/status",
                Reply.ok("{\"exchange_active\": true, \"trading_active\": false, \"new_field\": 7}"));
        try (KalshiClient client = Samples.client(server).build()) {
            ExchangeStatus s = client.exchange().getExchangeStatus();
            assertEquals(Boolean.FALSE, s.tradingActive());
        }
    }
}
