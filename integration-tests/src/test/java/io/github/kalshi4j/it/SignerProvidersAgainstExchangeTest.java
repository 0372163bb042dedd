package io.github.kalshi4j.it;

import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.auth.RsaPssSigner.Provider;
import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.ws.ConnectionState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every signer provider against the local exchange, which verifies each request's RSA-PSS signature with the JDK as
 * Kalshi's servers do: REST calls (blocking and async) and the WebSocket handshake. This module has Conscrypt on its
 * test classpath, so Conscrypt is among the providers, and is what {@code auto} picks. The class runs again on the
 * JDK 22+ of {@code kalshi4j.ffmJdk} against kalshi4j's packaged multi-release jar, where OpenSSL signs too
 * ({@code kalshi4j.test.openssl=present}).
 */
class SignerProvidersAgainstExchangeTest {

    private static SpecCheckedExchange checked;
    private static LocalKalshiExchange exchange;
    private static LocalKalshiExchange.Credentials member;

    @BeforeAll
    static void start() {
        checked = SpecCheckedExchange.start();
        exchange = checked.exchange;
        member = exchange.credentials(exchange.userIds().get(0));
    }

    @AfterAll
    static void stop() {
        checked.close();
        checked.assertAllResponsesConform();
    }

    private static KalshiConfig config(Provider provider) {
        return exchange.clientConfig().toBuilder().signerProvider(provider).build();
    }

    @Test
    void conscrypt_isOnThisModulesTestClasspath_andAutoPicksIt() {
        assertTrue(Provider.CONSCRYPT.isAvailable(), "integration-tests declares Conscrypt as a test dependency");
        try (KalshiClient client = KalshiClient.builder().config(exchange.clientConfig())
                .credentials(member.keyId(), member.privateKeyPem()).build()) {
            assertEquals(Provider.CONSCRYPT, ((RsaPssSigner) client.signer().orElseThrow()).provider());
            client.portfolio().getBalance();
        }
    }

    @Test
    void openssl_isAvailableExactlyWhereTheBuildMeansIt_fromTheMultiReleaseJar() {
        boolean expected = "present".equals(System.getProperty("kalshi4j.test.openssl"));
        assertEquals(expected, Provider.OPENSSL.isAvailable(), "Java " + Runtime.version());
        if (expected) {
            // The Java 22 classes come from kalshi4j's jar, where only a multi-release JVM finds them.
            String source = RsaPssSigner.class.getProtectionDomain().getCodeSource().getLocation().toString();
            assertTrue(source.endsWith(".jar"), "kalshi4j loaded from " + source);
        }
    }

    @Test
    void everyProvider_signsRestCallsAndTheWebSocketHandshake_theExchangeAccepts() throws Exception {
        List<Provider> providers = new ArrayList<>();
        for (Provider p : Provider.values()) {
            if (p.isAvailable()) {
                providers.add(p);
            }
        }
        List<Provider> expected = new ArrayList<>(List.of(Provider.values()));
        if (!"present".equals(System.getProperty("kalshi4j.test.openssl"))) {
            expected.remove(Provider.OPENSSL);
        }
        assertEquals(expected, providers, "every provider this run means to have is available");
        for (Provider provider : providers) {
            try (KalshiClient client = KalshiClient.builder().config(config(provider))
                    .credentials(member.keyId(), member.privateKeyPem()).build()) {
                // A rejected signature would be a KalshiUnauthorizedException from any of these.
                long balance = client.portfolio().getBalance().balance();
                assertTrue(balance >= 0, provider + ": balance " + balance);
                KalshiAsyncClient async = client.async();
                for (int i = 0; i < 4; i++) {
                    async.portfolio().getBalance().get(30, TimeUnit.SECONDS);
                }
                client.ws().connect().get(30, TimeUnit.SECONDS);
                assertEquals(ConnectionState.OPEN, client.ws().state(), provider + ": signed handshake refused");
                assertTrue(client.ws().listSubscriptions().get(30, TimeUnit.SECONDS).isEmpty());
            }
        }
    }
}
