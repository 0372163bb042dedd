package io.github.kalshi4j.client;

import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.auth.RsaPssSigner.Provider;
import io.github.kalshi4j.errors.KalshiAuthException;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.LoopbackServer.SignatureStatus;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.testsupport.TestCredentials;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Choosing the signer provider through the config and {@code KALSHI_SIGNER_PROVIDER}: the choice reaches the signer
 * that signs real requests (a loopback server verifies each one). Runs with and without Conscrypt on the classpath.
 */
final class SignerProviderChoiceTest {

    private static final Properties NO_PROPERTIES = new Properties();

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    private static Provider providerOf(KalshiClient client) {
        return ((RsaPssSigner) client.signer().orElseThrow()).provider();
    }

    private static List<Provider> available() {
        List<Provider> out = new ArrayList<>();
        for (Provider p : Provider.values()) {
            if (p != Provider.AUTO && p.isAvailable()) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void signerProviderFromEnv_isTheProviderThatSignsEveryRequest() {
        for (Provider provider : available()) {
            try (LoopbackServer server = LoopbackServer.start()) {
                server.respond("GET", "/portfolio/balance", Reply.ok(Samples.balance()));
                try (KalshiClient client = KalshiClient.fromEnv(env(
                        "KALSHI_KEY_ID", TestCredentials.KEY_ID,
                        "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem(),
                        "KALSHI_API_BASE_URL", server.baseUrl(),
                        "KALSHI_SIGNER_PROVIDER", provider.configName()), NO_PROPERTIES)) {
                    assertEquals(provider, client.config().signerProvider());
                    assertEquals(provider, providerOf(client));
                    client.portfolio().getBalance();
                    // The async twin signs on kalshi4j's worker threads with the same signer.
                    client.async().portfolio().getBalance().join();
                }
                for (LoopbackServer.RecordedRequest request : server.requests()) {
                    assertEquals(SignatureStatus.VALID, request.signature(), provider + ": " + request.signatureProblem());
                }
                assertEquals(2, server.requestCount());
            }
        }
    }

    @Test
    void noSignerProviderInEnv_meansAuto_conscryptWhenAvailableElseTheJdk() {
        try (KalshiClient client = KalshiClient.fromEnv(env("KALSHI_KEY_ID", TestCredentials.KEY_ID,
                "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem()), NO_PROPERTIES)) {
            assertEquals(Provider.AUTO, client.config().signerProvider());
            assertEquals(Provider.CONSCRYPT.isAvailable() ? Provider.CONSCRYPT : Provider.JDK, providerOf(client));
        }
    }

    @Test
    void signerProviderProperty_overridesTheEnvironment_inAnyCase() {
        Properties props = new Properties();
        props.setProperty(KalshiClientBuilder.Setting.SIGNER_PROVIDER.property(), " BouncyCastle ");
        try (KalshiClient client = KalshiClient.fromEnv(env("KALSHI_KEY_ID", TestCredentials.KEY_ID,
                "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem(), "KALSHI_SIGNER_PROVIDER", "jdk"), props)) {
            assertEquals(Provider.BOUNCY_CASTLE, providerOf(client));
        }
        assertEquals("KALSHI_SIGNER_PROVIDER", KalshiClientBuilder.Setting.SIGNER_PROVIDER.env());
        assertEquals("kalshi.signerProvider", KalshiClientBuilder.Setting.SIGNER_PROVIDER.property());
    }

    @Test
    void invalidSignerProviderInEnv_isRejectedNamingTheVariableAndTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KalshiClient.fromEnv(
                env("KALSHI_KEY_ID", TestCredentials.KEY_ID, "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem(),
                        "KALSHI_SIGNER_PROVIDER", "boringssl"), NO_PROPERTIES));
        assertTrue(e.getMessage().contains("KALSHI_SIGNER_PROVIDER"), e.getMessage());
        assertTrue(e.getMessage().contains("jdk, bouncycastle, conscrypt, openssl or auto"), e.getMessage());
        assertTrue(e.getMessage().contains("\"boringssl\""), e.getMessage());
    }

    @Test
    void opensslRequestedInEnvBeforeJava22_failsWithClearErrorNamingJava22() {
        assumeTrue(Runtime.version().feature() < 22, "this JVM is Java 22 or later");
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> KalshiClient.fromEnv(env(
                "KALSHI_KEY_ID", TestCredentials.KEY_ID, "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem(),
                "KALSHI_SIGNER_PROVIDER", "openssl"), NO_PROPERTIES));
        assertTrue(e.getMessage().contains("the openssl signer provider needs Java 22 or later"), e.getMessage());
        assertTrue(e.getMessage().contains("KALSHI_SIGNER_PROVIDER"), e.getMessage());
    }

    @Test
    void opensslInConfig_signsRequestsTheServerVerifies_onJava22AndLater() {
        assumeTrue(Provider.OPENSSL.isAvailable(), "OpenSSL is not available in this run");
        try (LoopbackServer server = LoopbackServer.start()) {
            server.respond("GET", "/portfolio/balance", Reply.ok(Samples.balance()));
            try (KalshiClient client = KalshiClient.builder()
                    .config(KalshiConfig.builder().baseUrl(server.baseUrl()).signerProvider(Provider.OPENSSL).build())
                    .credentials(TestCredentials.KEY_ID, TestCredentials.privateKeyPem()).build()) {
                assertEquals(Provider.OPENSSL, providerOf(client));
                for (int i = 0; i < 3; i++) {
                    client.portfolio().getBalance();
                    client.async().portfolio().getBalance().join();
                }
            }
            for (LoopbackServer.RecordedRequest request : server.requests()) {
                assertEquals(SignatureStatus.VALID, request.signature(), request.signatureProblem());
            }
            assertEquals(6, server.requestCount());
        }
    }

    @Test
    void conscryptRequestedInEnvButMissing_failsWithClearError() {
        assumeFalse(Provider.CONSCRYPT.isAvailable(), "Conscrypt is on this run's classpath");
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> KalshiClient.fromEnv(env(
                "KALSHI_KEY_ID", TestCredentials.KEY_ID, "KALSHI_PRIVATE_KEY", TestCredentials.privateKeyPem(),
                "KALSHI_SIGNER_PROVIDER", "conscrypt"), NO_PROPERTIES));
        assertTrue(e.getMessage().contains("Conscrypt is not on the classpath"), e.getMessage());
        assertTrue(e.getMessage().contains("org.conscrypt:conscrypt-openjdk-uber:2.5.2"), e.getMessage());
        assertTrue(e.getMessage().contains("KALSHI_SIGNER_PROVIDER"), e.getMessage());
    }

    @Test
    void conscryptRequestedInConfigButMissing_failsWhenTheClientIsBuilt() {
        assumeFalse(Provider.CONSCRYPT.isAvailable(), "Conscrypt is on this run's classpath");
        KalshiClientBuilder builder = KalshiClient.builder().credentials(TestCredentials.KEY_ID,
                TestCredentials.privateKeyPem());
        KalshiConfig conscrypt = KalshiConfig.builder().signerProvider(Provider.CONSCRYPT).build();
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> builder.config(conscrypt).build());
        assertTrue(e.getMessage().contains("Conscrypt is not on the classpath"), e.getMessage());
    }

    @Test
    void providerInConfig_appliesToCredentialsGivenBeforeOrAfterIt() {
        KalshiConfig bc = KalshiConfig.builder().signerProvider(Provider.BOUNCY_CASTLE).build();
        try (KalshiClient before = KalshiClient.builder().credentials(TestCredentials.KEY_ID,
                TestCredentials.privateKeyPem()).config(bc).build();
             KalshiClient after = KalshiClient.builder().config(bc).credentials(TestCredentials.KEY_ID,
                     TestCredentials.privateKeyPem()).build()) {
            assertEquals(Provider.BOUNCY_CASTLE, providerOf(before));
            assertEquals(Provider.BOUNCY_CASTLE, providerOf(after));
        }
    }

    @Test
    void signerGivenExplicitly_isUsedAsItIs_whateverTheConfigSays() {
        KalshiSigner mine = RsaPssSigner.of(TestCredentials.KEY_ID, TestCredentials.keyPair().getPrivate(),
                Provider.JDK);
        try (KalshiClient client = KalshiClient.builder()
                .config(KalshiConfig.builder().signerProvider(Provider.BOUNCY_CASTLE).build())
                .signer(mine).build()) {
            assertSame(mine, client.signer().orElseThrow());
        }
    }
}
