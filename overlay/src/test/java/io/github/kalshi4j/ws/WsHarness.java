package io.github.kalshi4j.ws;

import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiConfig;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * One test's world: the Kalshi-protocol test server, optionally a fault proxy in front of it, and a
 * real {@link KalshiClient} whose {@code ws()} points there, with listeners recording what the socket
 * reports. Timeouts are short so the suite stays fast.
 */
final class WsHarness implements AutoCloseable {

    static final KeyPair KEYS = rsa();
    static final String KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";

    final KalshiWsTestServer server;
    final FaultProxy proxy;
    final KalshiClient client;
    final KalshiWebSocket ws;
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    final List<SequenceEvent> sequenceEvents = new CopyOnWriteArrayList<>();

    private WsHarness(boolean authenticated, boolean viaProxy, UnaryOperator<WebSocketOptions.Builder> options)
            throws Exception {
        server = KalshiWsTestServer.start();
        proxy = viaProxy ? new FaultProxy(server.port()) : null;
        URI url = viaProxy ? proxy.url() : server.url();
        WebSocketOptions opts = options.apply(WebSocketOptions.builder()
                .heartbeatTimeout(Duration.ofSeconds(3))
                .commandTimeout(Duration.ofSeconds(3))
                .reconnectPolicy(ReconnectPolicy.of(Duration.ofMillis(20), Duration.ofMillis(100), 50))).build();
        client = KalshiClient.builder()
                .config(KalshiConfig.builder().baseUrl("http://127.0.0.1:9/trade-api/v2").webSocketUrl(url)
                        .connectTimeout(Duration.ofSeconds(1)).build())
                .signer(authenticated ? RsaPssSigner.of(KEY_ID, KEYS.getPrivate()) : null)
                .webSocketOptions(opts)
                .build();
        ws = client.ws();
        ws.onError(errors::add);
        ws.onStateChange(states::add);
        ws.onSequenceEvent(sequenceEvents::add);
    }

    static WsHarness start() throws Exception {
        return new WsHarness(true, false, b -> b);
    }

    static WsHarness start(UnaryOperator<WebSocketOptions.Builder> options) throws Exception {
        return new WsHarness(true, false, options);
    }

    static WsHarness unauthenticated() throws Exception {
        return new WsHarness(false, false, b -> b);
    }

    static WsHarness viaProxy(UnaryOperator<WebSocketOptions.Builder> options) throws Exception {
        return new WsHarness(true, true, options);
    }

    /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
    static void eventually(Duration timeout, Object what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    static void eventually(Object what, BooleanSupplier condition) throws InterruptedException {
        eventually(Duration.ofSeconds(5), what, condition);
    }

    @Override
    public void close() throws Exception {
        client.close();
        if (proxy != null) {
            proxy.close();
        }
        server.close();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
