package io.github.kalshi4j.ratelimit;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rate-limit settings: their text form, endpoint keys, and how a client takes them. */
final class RateLimitsTest {

    @Test
    void noneIsTheDefault_andLimitsNothing() {
        assertEquals(RateLimits.none(), KalshiConfig.production().rateLimits());
        try (KalshiClient c = KalshiClient.builder().build()) {
            RateLimiter.Snapshot s = c.rateLimiter().snapshot();
            assertFalse(s.enabled());
            assertEquals(null, s.read());
        }
    }

    @Test
    void theEnvironmentFormReadsNoneAccountAndFourNumbers() {
        assertEquals(RateLimits.none(), RateLimits.parse(" NONE "));
        assertEquals(RateLimits.Source.ACCOUNT, RateLimits.parse("account").source());
        RateLimits explicit = RateLimits.parse("200/200/100/ 300");
        assertEquals(new RateLimits.Bucket(200, 200), explicit.read());
        assertEquals(new RateLimits.Bucket(100, 300), explicit.write());
        assertEquals(RateLimits.KALSHI_DEFAULT_COST, explicit.defaultCost());
        assertThrows(IllegalArgumentException.class, () -> RateLimits.parse("200/200/100"));
        assertThrows(IllegalArgumentException.class, () -> RateLimits.parse("0/200/100/100"));
        assertThrows(IllegalArgumentException.class, () -> RateLimits.parse("99999999999/1/1/1"));
        assertThrows(IllegalArgumentException.class, () -> RateLimits.parse("fast"));
    }

    @Test
    void fromEnvReadsKalshiRateLimits_andNamesTheVariableWhenItIsWrong() {
        try (KalshiClient c = KalshiClient.fromEnv(Map.of("KALSHI_RATE_LIMITS", "20/40/10/20"), new Properties())) {
            assertEquals(RateLimits.of(20, 40, 10, 20), c.config().rateLimits());
            assertEquals(40, c.rateLimiter().snapshot().read().capacity());
        }
        Properties p = new Properties();
        p.setProperty("kalshi.rateLimits", "account");
        try (KalshiClient c = KalshiClient.fromEnv(Map.of("KALSHI_RATE_LIMITS", "none"), p)) {
            assertEquals(RateLimits.Source.ACCOUNT, c.config().rateLimits().source());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KalshiClient.fromEnv(Map.of("KALSHI_RATE_LIMITS", "lots"), new Properties()));
        assertTrue(e.getMessage().contains("KALSHI_RATE_LIMITS"), e.getMessage());
    }

    @Test
    void endpointsAreMatchedOnMethodAndPathTemplate_whateverThePrefixOrPlaceholderNames() {
        String key = RateLimits.endpointKey("delete", "/portfolio/events/orders/{order_id}");
        assertEquals("DELETE /portfolio/events/orders/{}", key);
        assertEquals(key, RateLimits.endpointKey("DELETE", "/trade-api/v2/portfolio/events/orders/:order_id/"));
        assertNotEquals(key, RateLimits.endpointKey("GET", "/portfolio/events/orders/{order_id}"));
        assertEquals(Map.of("GET /markets/{}/orderbook", 30),
                RateLimits.of(1, 1, 1, 1).withEndpointCost("GET", "/markets/{ticker}/orderbook", 30).endpointCosts());
    }

    @Test
    void settingsAreImmutable_andPartOfTheConfig() {
        RateLimits base = RateLimits.of(200, 200, 100, 100);
        RateLimits changed = base.waitMode(RateLimitWait.failFast()).refreshEvery(Duration.ofMinutes(1))
                .logWaitsOver(Duration.ZERO).withDefaultCost(5);
        assertEquals(RateLimits.DEFAULT_MAX_WAIT, base.waitMode().maxWait());
        assertTrue(changed.waitMode().isFailFast());
        assertEquals(5, changed.defaultCost());
        assertEquals(10, base.defaultCost());
        KalshiConfig cfg = KalshiConfig.builder().rateLimits(changed).build();
        assertEquals(changed, cfg.toBuilder().build().rateLimits());
        assertNotEquals(KalshiConfig.production(), cfg);
        assertTrue(cfg.toString().contains("rateLimits=RateLimits{read 200/s up to 200"), cfg.toString());
    }

    @Test
    void aCallsWaitModeTravelsInItsRequestOptions() {
        assertEquals(RateLimitWait.failFast(), RateLimitWait.upTo(Duration.ZERO));
        assertEquals(RateLimitWait.failFast(), RateLimitWait.failFast().options().attributes().get(RateLimitWait.ATTRIBUTE));
        assertEquals(Duration.ofMillis(200), RateLimitWait.upTo(Duration.ofMillis(200)).maxWait());
        assertThrows(IllegalArgumentException.class, () -> RateLimitWait.upTo(Duration.ofMillis(-1)));
    }
}
