package io.github.kalshi4j.testkit;

import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.testkit.junit.LocalKalshi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit extension gives a started exchange and clients bound to it, one exchange per class. */
@LocalKalshi
class LocalKalshiExtensionTest {

    private static LocalKalshiExchange seen;

    @Test
    void resolvesAStartedExchange_andAClientSignedAsTheFirstMember(LocalKalshiExchange exchange, KalshiClient client) {
        assertTrue(client.isAuthenticated());
        assertEquals(exchange.restUrl(), client.config().baseUrl());
        assertTrue(client.portfolio().getBalance().balance() > 0);
        remember(exchange);
    }

    @Test
    void resolvesTheAsyncTwin_onTheSameExchange(LocalKalshiExchange exchange, KalshiAsyncClient async) {
        assertTrue(async.exchange().getExchangeStatus().join().exchangeActive());
        remember(exchange);
    }

    private static synchronized void remember(LocalKalshiExchange exchange) {
        if (seen == null) {
            seen = exchange;
        }
        assertSame(seen, exchange, "one exchange serves the whole class");
    }
}
