package io.github.kalshi4j.it;

import io.github.kalshi4j.api.MarketsApi;
import io.github.kalshi4j.api.OrdersApi;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.GetBalanceResponse;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.transport.ApiResponse;
import io.github.kalshi4j.transport.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the README promises, run against the local exchange: its code compiles and does what the text says. */
class DocumentedBehaviourTest {

    private static SpecCheckedExchange checked;
    private static LocalKalshiExchange exchange;

    @BeforeAll
    static void start() {
        checked = SpecCheckedExchange.start();
        exchange = checked.exchange;
    }

    @AfterAll
    static void stop() {
        checked.close();
        checked.assertAllResponsesConform();
    }

    private static KalshiClient client() {
        LocalKalshiExchange.Credentials c = exchange.credentials(exchange.userIds().get(0));
        return KalshiClient.builder().config(exchange.clientConfig()).credentials(c.keyId(), c.privateKeyPem()).build();
    }

    private final CompletableFuture<String> logged = new CompletableFuture<>();

    private void log(String orderId) {
        logged.complete(orderId);
    }

    @Test
    void theUsingTheClientSnippetCompilesAndRuns() throws Exception {
        try (KalshiClient client = client()) {
            CreateOrderV2Request request = CreateOrderV2Request.builder().ticker("KXFED-26JUN-T4.00").side("bid")
                    .count("1").price("0.0100").timeInForce("good_till_canceled")
                    .selfTradePreventionType("taker_at_cross").clientOrderId(UUID.randomUUID().toString()).build();
            // readme:using-the-client:begin
            GetMarketsResponse page = client.markets().getMarkets(p -> p.status("open").limit(100L));   // builder lambda
            Market m = client.markets().getMarket("KXFED-26JUN-T4.00").market();                       // path parameters
            ApiResponse<GetBalanceResponse> raw = client.portfolio().getBalanceWithResponse(RequestOptions.NONE);
            raw.statusCode(); raw.requestId(); raw.attempts(); raw.header("X-RateLimit-Remaining");
            client.async().orders().createOrderV2(request).thenAccept(r -> log(r.orderId()));          // async twin
            // readme:using-the-client:end
            assertTrue(page.markets().size() > 0);
            assertEquals("KXFED-26JUN-T4.00", m.ticker());
            assertEquals(200, raw.statusCode());
            assertTrue(raw.body().balance() != null);
            assertEquals(request.clientOrderId(),
                    client.orders().getOrder(logged.get(10, TimeUnit.SECONDS)).order().clientOrderId());
        }
    }

    @Test
    void theReadmeShowsTheUsingTheClientSnippetVerbatim() throws IOException {
        String source = Files.readString(SpecCheckedExchange.root()
                .resolve("integration-tests/src/test/java/io/github/kalshi4j/it/DocumentedBehaviourTest.java"));
        String begin = "// readme:using-the-client:begin";
        String snippet = source.substring(source.indexOf(begin) + begin.length(),
                source.indexOf("// readme:using-the-client:end"));
        String readme = Files.readString(SpecCheckedExchange.root().resolve("README.md"));
        assertTrue(normalize(readme).contains(normalize(snippet)),
                "README.md must show the snippet this test compiles and runs, verbatim (indentation aside)");
    }

    private static String normalize(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void aRequestBodyMissingARequiredPropertyIsAnIllegalArgumentExceptionAsTheReadmeSays() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CreateOrderV2Request.builder().side("bid").count("1").price("0.0100")
                        .timeInForce("good_till_canceled").selfTradePreventionType("taker_at_cross").build());
        assertTrue(e.getMessage().contains("CreateOrderV2Request.ticker is required"), e.getMessage());
    }

    @Test
    void limitZeroOnGetMarketsIsAllowedByTheSpecAndAnsweredByTheExchange() {
        try (KalshiClient client = client()) {
            GetMarketsResponse zero = client.markets().getMarkets(MarketsApi.GetMarketsParams.builder().limit(0L).build());
            GetMarketsResponse unset = client.markets().getMarkets();
            assertEquals(unset.markets().size(), zero.markets().size(), "0 means not set: the default page");
            client.markets().getTrades(MarketsApi.GetTradesParams.builder().limit(0L).build());
        }
    }

    @Test
    void limitZeroWhereTheSpecSaysAtLeastOneIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrdersApi.GetOrdersParams.builder().limit(0L).build());
        assertTrue(e.getMessage().contains("limit must be >= 1"), e.getMessage());
    }
}
