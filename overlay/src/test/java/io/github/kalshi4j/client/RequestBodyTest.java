package io.github.kalshi4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.model.CreateSubaccountRequest;
import io.github.kalshi4j.model.CreateSubaccountResponse;
import io.github.kalshi4j.model.EmptyResponse;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.RecordedRequest;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What goes on the wire as request bodies and headers. */
final class RequestBodyTest {

    private LoopbackServer server;

    @BeforeEach
    void startServer() {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static void assertEmptyJsonObjectBody(RecordedRequest r) {
        assertEquals("{}", r.bodyText(), "Kalshi rejects a body-less " + r.method() + " as invalid_content_type");
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"),
                "Content-Type: " + r.header("Content-Type"));
        assertEquals("2", r.header("Content-Length").orElse(""));
    }

    @Test
    void bodylessPutResetOrderGroupSendsAnEmptyJsonObjectAsJson() {
        server.respond("PUT", "/portfolio/order_groups/og-1/reset", Reply.ok("{}"));
        try (KalshiClient client = Samples.client(server).build()) {
            client.orderGroups().resetOrderGroup("og-1", null);
        }
        assertEmptyJsonObjectBody(server.onlyRequest());
    }

    @Test
    void bodylessPostUpgradeAccountApiUsageLevelSendsAnEmptyJsonObjectAsJson() {
        // The one POST of the pinned spec without a request body.
        server.respond("POST", "/account/api_usage_level/upgrade", Reply.empty(201));
        try (KalshiClient client = Samples.client(server).build()) {
            assertEquals(201, client.account().upgradeAccountApiUsageLevelWithResponse(RequestOptions.NONE)
                    .statusCode());
        }
        assertEmptyJsonObjectBody(server.onlyRequest());
    }

    @Test
    void asyncBodylessPostSendsAnEmptyJsonObjectToo() {
        server.respond("POST", "/account/api_usage_level/upgrade", Reply.empty(201));
        try (KalshiAsyncClient client = Samples.client(server).buildAsync()) {
            client.account().upgradeAccountApiUsageLevel().join();
        }
        assertEmptyJsonObjectBody(server.onlyRequest());
    }

    @Test
    void anEmptyRequestModelIsAnEmptyJsonObject() {
        server.respond("POST", "/portfolio/subaccounts",
                Reply.json(201, CreateSubaccountResponse.builder().subaccountNumber(3).build()));
        try (KalshiClient client = Samples.client(server).build()) {
            assertEquals(3, client.portfolio().createSubaccount(CreateSubaccountRequest.builder().build())
                    .subaccountNumber());
        }
        assertEmptyJsonObjectBody(server.onlyRequest());
    }

    @Test
    void explicitEmptyModelBodyIsAlsoAnEmptyJsonObject() {
        server.respond("PUT", "/portfolio/order_groups/og-1/trigger", Reply.ok("{}"));
        try (KalshiClient client = Samples.client(server).build()) {
            client.orderGroups().triggerOrderGroup("og-1", EmptyResponse.builder().build());
        }
        assertEmptyJsonObjectBody(server.onlyRequest());
    }

    @Test
    void deleteSendsNoBody() {
        server.respond("DELETE", "/portfolio/order_groups/og-1", Reply.ok("{}"));
        try (KalshiClient client = Samples.client(server).build()) {
            client.orderGroups().deleteOrderGroup("og-1");
        }
        RecordedRequest r = server.onlyRequest();
        assertEquals(0, r.body().length);
    }

    @Test
    void createOrderV2BodyIsTheModelInKalshisSnakeCase() throws Exception {
        server.respond("POST", Samples.ORDERS_V2,
                Reply.json(201, Samples.created(Samples.order("ord-1", "KXTEST-1", "coid-1"))));
        try (KalshiClient client = Samples.client(server).build()) {
            client.orders().createOrderV2(Samples.orderRequest("KXTEST-1", "coid-1"));
        }
        JsonNode body = new ObjectMapper().readTree(server.onlyRequest().body());
        assertEquals("KXTEST-1", body.get("ticker").asText());
        assertEquals("coid-1", body.get("client_order_id").asText());
        assertEquals("bid", body.get("side").asText());
        assertEquals("10", body.get("count").asText(), "counts travel as fixed-point strings");
        assertTrue(body.get("count").isTextual(), "never a JSON number: " + body);
        assertEquals("0.56", body.get("price").asText(), "prices travel as dollar strings");
        assertTrue(body.get("price").isTextual(), "never a JSON number: " + body);
        assertEquals("good_till_canceled", body.get("time_in_force").asText());
        assertEquals("taker_at_cross", body.get("self_trade_prevention_type").asText());
        assertTrue(body.get("post_only") == null && body.get("expiration_time") == null,
                "unset fields are not sent: " + body);
    }

    @Test
    void configuredAndPerCallHeadersAreSentAlongsideAcceptAndUserAgent() {
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()));
        KalshiConfig config = KalshiConfig.builder().baseUrl(server.baseUrl()).extraHeader("X-Desk", "rates")
                .userAgent("my-bot/1.0").build();
        try (KalshiClient client = Samples.client(server).config(config).build()) {
            client.exchange().getExchangeStatus(RequestOptions.builder().header("X-Trace", "t-1").build());
        }
        RecordedRequest r = server.onlyRequest();
        assertEquals("rates", r.header("X-Desk").orElseThrow());
        assertEquals("t-1", r.header("X-Trace").orElseThrow());
        assertEquals("application/json", r.header("Accept").orElseThrow());
        assertEquals("my-bot/1.0", r.header("User-Agent").orElseThrow());
        assertEquals(0, r.body().length, "a GET has no body");
    }

    @Test
    void defaultUserAgentNamesKalshi4j() {
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()));
        try (KalshiClient client = Samples.client(server).build()) {
            client.exchange().getExchangeStatus();
        }
        assertTrue(server.onlyRequest().header("User-Agent").orElseThrow().startsWith("kalshi4j/"));
    }
}
