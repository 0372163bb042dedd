package io.github.kalshi4j.testkit;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.GetMultivariateEventCollectionsResponse;
import io.github.kalshi4j.model.MultivariateEventCollection;
import io.github.kalshi4j.testkit.engine.Seed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GetMultivariateEventCollections pages with limit and cursor like every other list. */
class MultivariateCollectionsPagingTest {

    private static final String SEED = """
            {
              "series": [{"ticker": "KXMVE", "title": "Combos", "category": "Sports"},
                         {"ticker": "KXG", "title": "Games", "category": "Sports"}],
              "events": [{"event_ticker": "KXG-A", "series_ticker": "KXG", "title": "Game A"},
                         {"event_ticker": "KXG-B", "series_ticker": "KXG", "title": "Game B"}],
              "multivariate_collections": [
                {"collection_ticker": "KXMVE-1", "series_ticker": "KXMVE", "title": "One",
                 "associated_event_tickers": ["KXG-A", "KXG-B"]},
                {"collection_ticker": "KXMVE-2", "series_ticker": "KXMVE", "title": "Two",
                 "associated_event_tickers": ["KXG-A", "KXG-B"]},
                {"collection_ticker": "KXMVE-3", "series_ticker": "KXMVE", "title": "Three",
                 "associated_event_tickers": ["KXG-A", "KXG-B"]}
              ],
              "accounts": [{"member_id": "m1", "api_key_id": "k1", "balance": "10.00"}]
            }
            """;

    @Test
    void limitCutsPagesAndTheCursorWalksThroughEveryCollectionOnce() {
        try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().seed(Seed.parse(SEED)).start();
             KalshiClient client = exchange.publicClient()) {
            GetMultivariateEventCollectionsResponse first =
                    client.multivariate().getMultivariateEventCollections(p -> p.limit(2));
            assertEquals(2, first.multivariateContracts().size());
            List<String> seen = new ArrayList<>(first.multivariateContracts().stream()
                    .map(MultivariateEventCollection::collectionTicker).toList());
            GetMultivariateEventCollectionsResponse second =
                    client.multivariate().getMultivariateEventCollections(p -> p.limit(2).cursor(first.cursor()));
            second.multivariateContracts().forEach(m -> seen.add(m.collectionTicker()));
            assertEquals(List.of("KXMVE-1", "KXMVE-2", "KXMVE-3"), seen);
            assertEquals("", second.cursor() == null ? "" : second.cursor());
        }
    }
}
