package io.github.kalshi4j.client;

import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.transport.RestServers;
import io.github.kalshi4j.ws.WsServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection settings: the default endpoints the pinned specs name, documented defaults, copying, and messages
 * that say what is wrong.
 */
final class KalshiConfigTest {

    @Test
    void defaultsAreProductionWith30SecondTimeoutsThreeRetriesAndHalfSecondBackoffCappedAt30Seconds() {
        KalshiConfig c = KalshiConfig.builder().build();
        assertEquals(RestServers.PRODUCTION, c.baseUrl());
        assertEquals(WsServers.PRODUCTION, c.webSocketUrl());
        assertEquals(Duration.ofSeconds(30), c.connectTimeout());
        assertEquals(Duration.ofSeconds(30), c.responseTimeout());
        assertEquals(3, c.maxRetries());
        assertEquals(Duration.ofMillis(500), c.backoffBase());
        assertEquals(Duration.ofSeconds(30), c.backoffCap());
        assertEquals(Duration.ofSeconds(60), c.maxRetryAfter());
        assertFalse(c.http2(), "HTTP/2 is opt-in");
        assertEquals(64, c.maxConnections());
        assertEquals(Map.of(), c.extraHeaders());
        assertTrue(c.userAgent().startsWith("kalshi4j/"), c.userAgent());
        assertFalse(c.isDemo());
        assertEquals(RsaPssSigner.Provider.AUTO, c.signerProvider());
        assertEquals(c, KalshiConfig.production());
    }

    @Test
    void productionAndDemoAreTheServersTheSpecsName() {
        // The endpoints are generated from the pinned specs' servers lists, each side from its own spec.
        assertEquals(RestServers.PRODUCTION, KalshiConfig.production().baseUrl());
        assertEquals(WsServers.PRODUCTION, KalshiConfig.production().webSocketUrl());
        assertEquals(RestServers.DEMO, KalshiConfig.demo().baseUrl());
        assertEquals(WsServers.DEMO, KalshiConfig.demo().webSocketUrl());
        assertEquals(RestServers.PRODUCTION, KalshiConfig.PRODUCTION_REST);
        assertEquals(WsServers.PRODUCTION, KalshiConfig.PRODUCTION_WS);
        assertEquals(RestServers.DEMO, KalshiConfig.DEMO_REST);
        assertEquals(WsServers.DEMO, KalshiConfig.DEMO_WS);
    }

    @Test
    void theWebSocketDefaultIsKalshisWebSocketHostNotADerivationOfTheRestHost() {
        KalshiConfig production = KalshiConfig.production();
        assertEquals("external-api-ws.kalshi.com", production.webSocketUrl().getHost());
        assertEquals("wss", production.webSocketUrl().getScheme());
        assertNotEquals(production.baseUrl().getHost(), production.webSocketUrl().getHost());
        assertNotEquals(KalshiConfig.deriveWebSocketUrl(production.baseUrl()), production.webSocketUrl());
        KalshiConfig demo = KalshiConfig.demo();
        assertNotEquals(KalshiConfig.deriveWebSocketUrl(demo.baseUrl()), demo.webSocketUrl());
        // Naming the recommended REST server by hand lands on the same pair as production() and demo().
        assertEquals(WsServers.PRODUCTION, KalshiConfig.builder().baseUrl(RestServers.PRODUCTION.toString() + "/")
                .build().webSocketUrl());
        assertEquals(WsServers.DEMO, KalshiConfig.builder().baseUrl(RestServers.DEMO).build().webSocketUrl());
    }

    @Test
    void aCustomRestBaseUrlStillDerivesItsWebSocketUrl() {
        KalshiConfig local = KalshiConfig.builder().baseUrl("http://127.0.0.1:8080/trade-api/v2").build();
        assertEquals(URI.create("ws://127.0.0.1:8080/trade-api/ws/v2"), local.webSocketUrl());
        // A shared host Kalshi also supports serves both on one host, so the derivation holds there too.
        for (URI shared : RestServers.PRODUCTION_ALSO_SUPPORTED) {
            KalshiConfig c = KalshiConfig.builder().baseUrl(shared).build();
            assertEquals(URI.create("wss://" + shared.getHost() + "/trade-api/ws/v2"), c.webSocketUrl());
        }
    }

    @Test
    void demoUsesKalshisDemoUrlsAndOtherwiseTheDefaults() {
        KalshiConfig demo = KalshiConfig.demo();
        assertTrue(demo.isDemo());
        assertEquals(KalshiConfig.production().toBuilder().baseUrl(RestServers.DEMO).webSocketUrl(WsServers.DEMO)
                .build(), demo, "only the endpoints differ from production()");
    }

    @Test
    void isDemoIsTrueForKalshisDemoHostsOnly() {
        assertTrue(KalshiConfig.builder().baseUrl(RestServers.DEMO).build().isDemo());
        for (URI alsoDemo : RestServers.DEMO_ALSO_SUPPORTED) {
            assertTrue(KalshiConfig.builder().baseUrl(alsoDemo).build().isDemo(), alsoDemo.toString());
        }
        assertFalse(KalshiConfig.production().isDemo());
        for (URI alsoProduction : RestServers.PRODUCTION_ALSO_SUPPORTED) {
            assertFalse(KalshiConfig.builder().baseUrl(alsoProduction).build().isDemo(), alsoProduction.toString());
        }
        assertFalse(KalshiConfig.builder().baseUrl("http://127.0.0.1:8080/trade-api/v2").build().isDemo());
    }

    @Test
    void kalshiDemoSelectsTheDemoPairAsFromEnvReadsIt() {
        Properties none = new Properties();
        for (String on : List.of("true", "YES", "1")) {
            try (KalshiClient client = KalshiClient.fromEnv(Map.of(KalshiClientBuilder.Setting.DEMO.env(), on), none)) {
                assertEquals(KalshiConfig.demo(), client.config(), on);
            }
        }
        // The system property overrides the environment variable, both ways.
        Properties off = new Properties();
        off.setProperty(KalshiClientBuilder.Setting.DEMO.property(), "false");
        try (KalshiClient client = KalshiClient.fromEnv(Map.of(KalshiClientBuilder.Setting.DEMO.env(), "true"), off)) {
            assertEquals(KalshiConfig.production(), client.config());
        }
        Properties onByProperty = new Properties();
        onByProperty.setProperty(KalshiClientBuilder.Setting.DEMO.property(), "true");
        try (KalshiClient client = KalshiClient.fromEnv(Map.of(), onByProperty)) {
            assertEquals(RestServers.DEMO, client.config().baseUrl());
            assertEquals(WsServers.DEMO, client.config().webSocketUrl());
            assertTrue(client.config().isDemo());
        }
    }

    @Test
    void toBuilderRoundTripsEverySetting() {
        KalshiConfig custom = KalshiConfig.builder()
                .baseUrl("http://127.0.0.1:9999/trade-api/v2")
                .webSocketUrl(URI.create("ws://127.0.0.1:9998/trade-api/ws/v2"))
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(7)).maxRetries(5)
                .backoffBase(Duration.ofMillis(100)).backoffCap(Duration.ofSeconds(3))
                .extraHeader("X-Desk", "rates").http2(true).maxConnections(8).userAgent("bot/2")
                .signerProvider(RsaPssSigner.Provider.BOUNCY_CASTLE)
                .build();
        KalshiConfig copy = custom.toBuilder().build();
        assertEquals(custom, copy);
        assertEquals(custom.hashCode(), copy.hashCode());
        assertEquals(URI.create("ws://127.0.0.1:9998/trade-api/ws/v2"), copy.webSocketUrl());
        assertEquals(Map.of("X-Desk", "rates"), copy.extraHeaders());
        assertEquals(RsaPssSigner.Provider.BOUNCY_CASTLE, copy.signerProvider());
        assertNotEquals(custom, custom.toBuilder().signerProvider(RsaPssSigner.Provider.JDK).build());
        assertTrue(custom.toString().contains("signerProvider=bouncycastle"), custom.toString());
    }

    @Test
    void changingACopyLeavesTheOriginalAlone() {
        KalshiConfig original = KalshiConfig.production();
        KalshiConfig changed = original.toBuilder().maxRetries(0).extraHeader("X-A", "1").build();
        assertNotEquals(original, changed);
        assertEquals(3, original.maxRetries());
        assertEquals(Map.of(), original.extraHeaders());
    }

    @Test
    void trailingSlashOfTheBaseUrlIsDropped() {
        assertEquals(URI.create("http://127.0.0.1:1/trade-api/v2"),
                KalshiConfig.builder().baseUrl("http://127.0.0.1:1/trade-api/v2/").build().baseUrl());
    }

    @Test
    void webSocketUrlFollowsTheBaseUrlUnlessSetAfterIt() {
        KalshiConfig derived = KalshiConfig.demo().toBuilder().baseUrl("http://localhost:8080/trade-api/v2").build();
        assertEquals(URI.create("ws://localhost:8080/trade-api/ws/v2"), derived.webSocketUrl(),
                "pointing REST at a local exchange never leaves the WebSocket on Kalshi");
        KalshiConfig explicit = KalshiConfig.builder().baseUrl("http://localhost:8080/trade-api/v2")
                .webSocketUrl(URI.create("ws://localhost:9090/stream")).build();
        assertEquals(URI.create("ws://localhost:9090/stream"), explicit.webSocketUrl());
    }

    @Test
    void derivedWebSocketUrlMapsSchemesAndTheTradeApiPath() {
        assertEquals(URI.create("wss://h/trade-api/ws/v2"), KalshiConfig.deriveWebSocketUrl(URI.create("https://h/trade-api/v2")));
        assertEquals(URI.create("ws://h:1/trade-api/ws/v2"), KalshiConfig.deriveWebSocketUrl(URI.create("http://h:1/trade-api/v2")));
        assertEquals(URI.create("ws://h/proxy/ws/v2"), KalshiConfig.deriveWebSocketUrl(URI.create("http://h/proxy")));
    }

    private static void assertRejected(Executable change, String... messageParts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, change);
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), "message names '" + part + "': " + e.getMessage());
        }
    }

    @Test
    void validationMessagesSayWhatIsWrongAndWhatWasGiven() {
        assertRejected(() -> KalshiConfig.builder().maxRetries(-1), "maxRetries", "between 0 and 20", "-1");
        assertRejected(() -> KalshiConfig.builder().maxRetries(21), "maxRetries", "21");
        assertRejected(() -> KalshiConfig.builder().connectTimeout(Duration.ZERO), "connectTimeout must be positive");
        assertRejected(() -> KalshiConfig.builder().responseTimeout(Duration.ofSeconds(-1)),
                "responseTimeout must be positive", "PT-1S");
        assertRejected(() -> KalshiConfig.builder().backoffBase(Duration.ZERO), "backoffBase must be positive");
        assertRejected(() -> KalshiConfig.builder().backoffBase(Duration.ofSeconds(5)).backoffCap(Duration.ofSeconds(1))
                .build(), "backoffCap (PT1S) must be >= backoffBase (PT5S)");
        assertRejected(() -> KalshiConfig.builder().maxConnections(0), "maxConnections must be >= 1", "0");
        assertRejected(() -> KalshiConfig.builder().baseUrl("trade-api/v2").build(),
                "baseUrl must be an absolute http(s) URL", "trade-api/v2");
        assertRejected(() -> KalshiConfig.builder().baseUrl("https://h/trade-api/v2?x=1").build(),
                "must not have a query");
        assertRejected(() -> KalshiConfig.builder().baseUrl("ftp://h/trade-api/v2").build(), "http or https");
        assertRejected(() -> KalshiConfig.builder().webSocketUrl(URI.create("https://h/trade-api/ws/v2")),
                "ws:// or wss://");
        assertRejected(() -> KalshiConfig.builder().extraHeader("kalshi-access-signature", "x"),
                "set by the client's signer");
    }

    @Test
    void nullsAreRejectedWithTheSettingsName() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> KalshiConfig.builder().responseTimeout(null));
        assertEquals("responseTimeout", e.getMessage());
        assertEquals("signerProvider", assertThrows(NullPointerException.class,
                () -> KalshiConfig.builder().signerProvider(null)).getMessage());
    }

    @Test
    void toStringShowsHeaderNamesButNotTheirValues() {
        String text = KalshiConfig.builder().extraHeader("X-Api-Token", "s3cr3t-value").build().toString();
        assertTrue(text.contains("X-Api-Token"), text);
        assertFalse(text.contains("s3cr3t-value"), text);
    }
}
