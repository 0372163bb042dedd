package io.github.kalshi4j.testkit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exchange must still parse the comma-joined ticker lists the SDK sends with literal commas. (The legacy integer
 * forms of order fields went with the legacy order endpoints: V2 orders take fixed-point strings only.)
 */
class CommaJoinedTickersTest {

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
