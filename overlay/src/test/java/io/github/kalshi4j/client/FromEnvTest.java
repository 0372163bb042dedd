package io.github.kalshi4j.client;

import io.github.kalshi4j.errors.KalshiAuthException;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.LoopbackServer.SignatureStatus;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.testsupport.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configuration from the environment, through the {@code fromEnv(Map, Properties)} overload so no test depends on
 * (or changes) the real process environment.
 */
final class FromEnvTest {

    @TempDir
    Path dir;

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    private static final Properties NO_PROPERTIES = new Properties();

    @Test
    void noCredentialsGiveAnUnauthenticatedProductionClient() {
        try (KalshiClient client = KalshiClient.fromEnv(env(), NO_PROPERTIES)) {
            assertFalse(client.isAuthenticated());
            assertTrue(client.signer().isEmpty());
            assertEquals(KalshiConfig.PRODUCTION_REST, client.config().baseUrl());
            assertEquals(KalshiConfig.PRODUCTION_WS, client.config().webSocketUrl());
        }
    }

    @Test
    void blankValuesCountAsUnset() {
        try (KalshiClient client = KalshiClient.fromEnv(env("KALSHI_KEY_ID", "  ", "KALSHI_PRIVATE_KEY", "",
                "KALSHI_DEMO", " "), NO_PROPERTIES)) {
            assertFalse(client.isAuthenticated());
        }
    }

    @Test
    void keyIdAndPemTextGiveAClientWhoseSignaturesTheServerAccepts() {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.respond("GET", "/portfolio/balance", Reply.ok(Samples.balance()));
            try (KalshiClient client = KalshiClient.fromEnv(env(
                    "KALSHI_KEY_ID", TestCredentials.KEY_ID,
                    "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem(),
                    "KALSHI_API_BASE_URL", server.baseUrl()), NO_PROPERTIES)) {
                assertTrue(client.isAuthenticated());
                assertEquals(TestCredentials.KEY_ID, client.signer().orElseThrow().keyId());
                client.portfolio().getBalance();
            }
            assertEquals(SignatureStatus.VALID, server.onlyRequest().signature(), server.onlyRequest().signatureProblem());
        }
    }

    @Test
    void pemTextWithLiteralBackslashNLineBreaksIsAccepted() {
        // Many secret stores and .env files flatten the PEM onto one line with literal \n.
        String flattened = TestCredentials.privateKeyPem().replace("\n", "\\n");
        assertFalse(flattened.contains("\n"));
        try (KalshiClient client = KalshiClient.fromEnv(env("KALSHI_KEY_ID", TestCredentials.KEY_ID,
                "KALSHI_PRIVATE_KEY", flattened), NO_PROPERTIES)) {
            assertTrue(client.isAuthenticated());
        }
    }

    @Test
    void privateKeyPathIsReadFromAnAbsolutePath() throws IOException {
        Path key = Files.writeString(dir.resolve("kalshi.pem"), TestCredentials.privateKeyPem(), StandardCharsets.US_ASCII);
        try (KalshiClient client = KalshiClient.fromEnv(env("KALSHI_KEY_ID", TestCredentials.KEY_ID,
                "KALSHI_PRIVATE_KEY_PATH", key.toAbsolutePath().toString()), NO_PROPERTIES)) {
            assertTrue(client.isAuthenticated());
        }
    }

    @Test
    void privateKeyPathStartingWithTildeIsResolvedAgainstTheHomeDirectory() throws IOException {
        Files.createDirectories(dir.resolve(".kalshi"));
        Files.writeString(dir.resolve(".kalshi/demo.pem"), TestCredentials.privateKeyPem(), StandardCharsets.US_ASCII);
        // The key loader reads user.home; point it at the temp dir for this test only.
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try (KalshiClient client = KalshiClient.fromEnv(env("KALSHI_KEY_ID", TestCredentials.KEY_ID,
                "KALSHI_PRIVATE_KEY_PATH", "~/.kalshi/demo.pem"), NO_PROPERTIES)) {
            assertTrue(client.isAuthenticated());
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void missingKeyFileIsAnAuthExceptionNamingThePath() {
        Path missing = dir.resolve("nope.pem");
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> KalshiClient.fromEnv(env(
                "KALSHI_KEY_ID", TestCredentials.KEY_ID, "KALSHI_PRIVATE_KEY_PATH", missing.toString()), NO_PROPERTIES));
        assertTrue(e.getMessage().contains("nope.pem"), e.getMessage());
    }

    @Test
    void keyIdWithoutAnyKeyIsAnAuthException() {
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> KalshiClient.fromEnv(env("KALSHI_KEY_ID", TestCredentials.KEY_ID), NO_PROPERTIES));
        assertTrue(e.getMessage().contains("KALSHI_PRIVATE_KEY"), e.getMessage());
    }

    @Test
    void keyWithoutAKeyIdIsAnAuthException() {
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> KalshiClient.fromEnv(env("KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem()), NO_PROPERTIES));
        assertTrue(e.getMessage().contains("KALSHI_KEY_ID"), e.getMessage());
    }

    @Test
    void bothKeyFormsAtOnceAreAnAuthException() throws IOException {
        Path key = Files.writeString(dir.resolve("k.pem"), TestCredentials.privateKeyPem(), StandardCharsets.US_ASCII);
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> KalshiClient.fromEnv(env(
                "KALSHI_KEY_ID", TestCredentials.KEY_ID, "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem(),
                "KALSHI_PRIVATE_KEY_PATH", key.toString()), NO_PROPERTIES));
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }

    @Test
    void malformedPemIsAnAuthExceptionThatDoesNotEchoTheKey() {
        String pem = TestCredentials.privateKeyPem();
        String corrupted = pem.substring(0, pem.length() / 2) + "!!!" + pem.substring(pem.length() / 2);
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> KalshiClient.fromEnv(env(
                "KALSHI_KEY_ID", TestCredentials.KEY_ID, "KALSHI_PRIVATE_KEY", corrupted), NO_PROPERTIES));
        assertFalse(e.getMessage().contains(TestCredentials.privateKeyBase64().substring(100, 140)), e.getMessage());
    }

    @Test
    void demoTrueSelectsKalshisDemoUrls() {
        try (KalshiClient client = KalshiClient.fromEnv(env("KALSHI_DEMO", "true"), NO_PROPERTIES)) {
            assertEquals(KalshiConfig.DEMO_REST, client.config().baseUrl());
            assertEquals(KalshiConfig.DEMO_WS, client.config().webSocketUrl());
            assertTrue(client.config().isDemo());
        }
    }

    @Test
    void demoValueThatIsNeitherTrueNorFalseIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KalshiClient.fromEnv(env("KALSHI_DEMO", "maybe"), NO_PROPERTIES));
        assertTrue(e.getMessage().contains("KALSHI_DEMO"), e.getMessage());
    }

    @Test
    void apiBaseUrlAlsoMovesTheDerivedWebSocketUrl() {
        try (KalshiClient client = KalshiClient.fromEnv(env("KALSHI_API_BASE_URL", "http://host:1/trade-api/v2"),
                NO_PROPERTIES)) {
            assertEquals(URI.create("http://host:1/trade-api/v2"), client.config().baseUrl());
            assertEquals(URI.create("ws://host:1/trade-api/ws/v2"), client.config().webSocketUrl());
        }
    }

    @Test
    void wsBaseUrlOverridesTheDerivedWebSocketUrl() {
        try (KalshiClient client = KalshiClient.fromEnv(env("KALSHI_API_BASE_URL", "http://host:1/trade-api/v2",
                "KALSHI_WS_BASE_URL", "wss://stream.example/ws"), NO_PROPERTIES)) {
            assertEquals(URI.create("wss://stream.example/ws"), client.config().webSocketUrl());
        }
    }

    @Test
    void systemPropertiesOverrideTheEnvironment() {
        Properties props = new Properties();
        props.setProperty(KalshiClientBuilder.Setting.API_BASE_URL.property(), "https://override.example/trade-api/v2");
        props.setProperty(KalshiClientBuilder.Setting.KEY_ID.property(), "property-key-id");
        try (KalshiClient client = KalshiClient.fromEnv(env(
                "KALSHI_API_BASE_URL", "https://env.example/trade-api/v2",
                "KALSHI_KEY_ID", "env-key-id",
                "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem()), props)) {
            assertEquals(URI.create("https://override.example/trade-api/v2"), client.config().baseUrl());
            assertEquals("property-key-id", client.signer().orElseThrow().keyId());
        }
    }

    @Test
    void eachSettingNamesItsVariableAndProperty() {
        assertEquals("KALSHI_PRIVATE_KEY_PATH", KalshiClientBuilder.Setting.PRIVATE_KEY_PATH.env());
        assertEquals("kalshi.privateKeyPath", KalshiClientBuilder.Setting.PRIVATE_KEY_PATH.property());
        assertEquals("KALSHI_WS_BASE_URL", KalshiClientBuilder.Setting.WS_BASE_URL.env());
        assertEquals("kalshi.demo", KalshiClientBuilder.Setting.DEMO.property());
    }

    @Test
    void asyncFromEnvReadsTheSameSettings() {
        try (KalshiAsyncClient client = KalshiAsyncClient.fromEnv(env("KALSHI_DEMO", "1"), NO_PROPERTIES)) {
            assertTrue(client.config().isDemo());
            assertFalse(client.isAuthenticated());
        }
    }

    @Test
    void fromEnvKeepsTheConfigSettingsTheEnvironmentDoesNotName() {
        KalshiConfig demoWithShortTimeout = KalshiConfig.demo().toBuilder().responseTimeout(Duration.ofSeconds(5))
                .maxRetries(1).build();
        try (KalshiClient client = KalshiClient.builder().config(demoWithShortTimeout)
                .fromEnv(env("KALSHI_KEY_ID", TestCredentials.KEY_ID, "KALSHI_PRIVATE_KEY",
                        TestCredentials.privateKeyPem()), NO_PROPERTIES).build()) {
            // Credentials from the environment must not silently move a demo client to production.
            assertEquals(KalshiConfig.DEMO_REST, client.config().baseUrl());
            assertEquals(Duration.ofSeconds(5), client.config().responseTimeout());
            assertEquals(1, client.config().maxRetries());
        }
    }

    @Test
    void demoFalseSelectsProductionEvenAfterADemoConfig() {
        try (KalshiClient client = KalshiClient.builder().config(KalshiConfig.demo())
                .fromEnv(env("KALSHI_DEMO", "false"), NO_PROPERTIES).build()) {
            assertEquals(KalshiConfig.PRODUCTION_REST, client.config().baseUrl());
        }
    }

    @Test
    void thePrivateKeyNeverAppearsInToStringOfClientBuilderOrSigner() {
        KalshiClientBuilder builder = KalshiClient.builder().fromEnv(env("KALSHI_KEY_ID", TestCredentials.KEY_ID,
                "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem()), NO_PROPERTIES);
        try (KalshiClient client = builder.build()) {
            String texts = builder + "\n" + client + "\n" + client.async() + "\n" + client.signer().orElseThrow()
                    + "\n" + client.config();
            assertTrue(texts.contains(TestCredentials.KEY_ID), "the key id is fine to show: " + texts);
            assertFalse(texts.contains("PRIVATE KEY"), texts);
            String key = TestCredentials.privateKeyBase64();
            for (int i = 0; i + 24 <= key.length(); i += 24) {
                assertFalse(texts.contains(key.substring(i, i + 24)), "key material leaked: " + texts);
            }
        }
    }
}
