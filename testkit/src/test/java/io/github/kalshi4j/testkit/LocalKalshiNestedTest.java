package io.github.kalshi4j.testkit;

import io.github.kalshi4j.testkit.junit.LocalKalshi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A @Nested class without its own @LocalKalshi runs on its enclosing class's exchange; one with its own annotation
 * gets an exchange of its own, configured by that annotation.
 */
@LocalKalshi(seedResource = "io/github/kalshi4j/testkit/small-seed.json")
class LocalKalshiNestedTest {

    @Test
    void theOuterClassRunsOnItsSeed(LocalKalshiExchange exchange) {
        assertEquals(List.of("small-1"), exchange.userIds());
    }

    @Nested
    class WithoutItsOwnAnnotation {
        @Test
        void inheritsTheEnclosingClassesSeed(LocalKalshiExchange exchange) {
            assertEquals(List.of("small-1"), exchange.userIds());
            assertEquals("KXSMALL-1-A", exchange.seed().markets().get(0).ticker());
        }

        @Nested
        class TwoLevelsDown {
            @Test
            void stillInheritsIt(LocalKalshiExchange exchange) {
                assertEquals(List.of("small-1"), exchange.userIds());
            }
        }
    }

    @Nested
    @LocalKalshi
    class WithItsOwnAnnotation {
        @Test
        void runsOnAnExchangeConfiguredByIt(LocalKalshiExchange exchange, io.github.kalshi4j.client.KalshiClient client) {
            assertEquals(exchange.restUrl(), client.config().baseUrl(), "the client is bound to the nested exchange");
            assertNotEquals(List.of("small-1"), exchange.userIds(), "the default seed, not the outer class's");
            assertEquals(3, exchange.userIds().size());
        }
    }
}
