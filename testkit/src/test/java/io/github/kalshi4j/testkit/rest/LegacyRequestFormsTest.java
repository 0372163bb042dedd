package io.github.kalshi4j.testkit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CreateOrderRequest;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.engine.NewOrder;
import io.github.kalshi4j.testkit.internal.ApiError;
import io.github.kalshi4j.transport.KalshiJson;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SDK sends only fixed-point request fields, but Kalshi also accepts the legacy integer forms from other
 * clients, so the exchange must keep reading them (from the unknown properties the request model keeps), and it
 * must still parse the comma-joined ticker lists the SDK now sends with literal commas.
 */
class LegacyRequestFormsTest {

    private static final ObjectMapper JSON = KalshiJson.newMapper();

    private static CreateOrderRequest order(String json) throws Exception {
        return JSON.readValue(json.replace('\'', '"'), CreateOrderRequest.class);
    }

    @Test
    void legacyIntegerCountAndCentsAreStillAccepted() throws Exception {
        NewOrder o = RestRoutes.newOrder(order("{'ticker':'KX-A','side':'yes','action':'buy','count':10,'yes_price':56}"));

        assertEquals(0, new BigDecimal("10").compareTo(o.count()));
        assertEquals(0, new BigDecimal("0.56").compareTo(o.yesPrice()));
    }

    @Test
    void legacyAndFixedPointFormsMustAgree() throws Exception {
        CreateOrderRequest both = order("{'ticker':'KX-A','side':'yes','action':'buy','count':10,'count_fp':'11'}");

        ApiError e = assertThrows(ApiError.class, () -> RestRoutes.newOrder(both));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("count and count_fp disagree"), e.getMessage());
    }

    @Test
    void aNonIntegerLegacyValueIsABadRequest() throws Exception {
        CreateOrderRequest odd = order("{'ticker':'KX-A','side':'yes','action':'buy','count_fp':'1','yes_price':'0.5'}");

        assertEquals(400, assertThrows(ApiError.class, () -> RestRoutes.newOrder(odd)).status());
    }

    @Test
    void commaJoinedTickersFromTheSdkFilterMarkets() {
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().start(); KalshiClient c = ex.publicClient()) {
            List<String> all = c.markets().getMarkets(p -> p.limit(3L)).markets().stream().map(Market::ticker).toList();

            List<String> two = c.markets().getMarkets(p -> p.tickers(all.get(0), all.get(2))).markets().stream()
                    .map(Market::ticker).sorted().toList();

            assertEquals(List.of(all.get(0), all.get(2)).stream().sorted().toList(), two);
        }
    }
}
