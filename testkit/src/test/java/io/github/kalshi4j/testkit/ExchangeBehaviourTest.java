package io.github.kalshi4j.testkit;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiApiException;
import io.github.kalshi4j.errors.KalshiRateLimitException;
import io.github.kalshi4j.testkit.engine.Seed;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeds, rate limits and the 501 answer for operations the exchange does not model. */
class ExchangeBehaviourTest {

    @Test
    void defaultSeed_isRealistic() {
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().start(); KalshiClient c = ex.publicClient()) {
            long markets = c.markets().getMarketsPages(p -> p.limit(1000L)).stream().count();
            long combos = c.markets().getMarketsPages(p -> p.mveFilter("only")).stream().count();
            assertTrue(markets >= 50, "markets: " + markets);
            assertTrue(combos >= 1, "multivariate markets: " + combos);
            assertTrue(c.markets().getSeriesList().series().size() >= 5);
            var collections = c.multivariate().getMultivariateEventCollections().multivariateContracts();
            assertTrue(!collections.isEmpty(), "the default seed has a multivariate collection");
            assertEquals(collections.get(0).collectionTicker(), c.multivariate()
                    .getMultivariateEventCollection(collections.get(0).collectionTicker()).multivariateContract().collectionTicker());
        }
    }

    @Test
    void userSeed_replacesTheDefault() {
        String seed = """
                {"series": [{"ticker": "KXU", "title": "Mine", "category": "Economics"}],
                 "events": [{"event_ticker": "KXU-1", "series_ticker": "KXU", "title": "My event"}],
                 "markets": [{"ticker": "KXU-1-A", "event_ticker": "KXU-1"}, {"ticker": "KXU-1-B", "event_ticker": "KXU-1"}],
                 "accounts": [{"member_id": "me", "api_key_id": "k1", "balance": "25.00"}]}
                """;
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().seed(Seed.parse(seed)).start();
             KalshiClient me = ex.client("me")) {
            assertEquals(2, me.markets().getMarkets().markets().size());
            assertEquals(2500L, me.portfolio().getBalance().balance());
        }
    }

    @Test
    void rateLimits_answer429WithRetryAfter_whenATiersBucketIsEmpty() {
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().rateLimits(true).start();
             KalshiClient c = KalshiClient.builder().config(ex.clientConfig().toBuilder().maxRetries(0).build())
                     .credentials(ex.credentials(ex.userIds().get(1)).keyId(), ex.credentials(ex.userIds().get(1)).privateKeyPem())
                     .build()) {
            // The second member is on the basic tier: 20 reads per second.
            KalshiRateLimitException e = assertThrows(KalshiRateLimitException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    c.portfolio().getBalance();
                }
            });
            assertTrue(e.retryAfter().isPresent());
        }
    }

    @Test
    void unmodelledOperations_answer501_inKalshisErrorShape() {
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().start(); KalshiClient c = ex.client()) {
            Set<String> unmodelled = ex.unmodeledOperations();
            System.out.println("unmodelled operations (" + unmodelled.size() + "): " + unmodelled);
            assertTrue(unmodelled.contains("GetMilestones"));
            KalshiApiException e = assertThrows(KalshiApiException.class, () -> c.milestones().getMilestones(p -> p.limit(5)));
            assertEquals(501, e.statusCode());
            assertEquals("not_implemented", e.errorCode());
        }
    }
}
