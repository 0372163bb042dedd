package io.github.kalshi4j.ws;

import static io.github.kalshi4j.ws.WsHarness.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.errors.KalshiAuthException;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A handshake the server refuses with 401 (a key it does not know, or a signature that does not verify) is an
 * authentication failure, not a network hiccup: it is reported at once, names the key id and never the key, and is
 * not retried for minutes.
 */
class WsHandshakeAuthTest {

    private static Throwable failure(CompletableFuture<?> f, Duration within) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> f.get(within.toMillis(), TimeUnit.MILLISECONDS));
        return e.getCause();
    }

    private static void assertNamesTheKeyIdOnly(Throwable e, Map<String, List<String>> handshake) {
        assertTrue(e.getMessage().contains(WsHarness.KEY_ID), e.getMessage());
        assertTrue(e.getMessage().contains("401"), e.getMessage());
        String signature = KalshiWsTestServer.header(handshake, RequestSignature.ACCESS_SIGNATURE);
        String keyBase64 = Base64.getEncoder().encodeToString(WsHarness.KEYS.getPrivate().getEncoded());
        // Causes included: a logged stack trace prints every one of them.
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.contains(signature), "no signature in " + t);
            assertFalse(message.contains(keyBase64.substring(64, 104)), "no key material in " + t);
        }
    }

    @Test
    void aKeyTheServerRefuses_failsConnectAtOnce_withAnAuthExceptionNamingTheKeyId() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.server.knownKeys(Set.of("some-other-key-id"));
            long started = System.nanoTime();
            Throwable e = failure(h.ws.connect(), Duration.ofSeconds(3));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            KalshiAuthException auth = assertInstanceOf(KalshiAuthException.class, e);
            assertTrue(tookMillis < 3_000, "took " + tookMillis + " ms");
            assertNamesTheKeyIdOnly(auth, h.server.refusedHandshakes().get(0));
            eventually("onError", () -> h.errors.contains(auth));
            assertEquals(ConnectionState.CLOSED, h.ws.state());
            assertFalse(h.states.contains(ConnectionState.RECONNECTING), h.states.toString());

            // Terminal: nothing is tried again, and whatever else is asked of the socket fails with the same cause.
            Thread.sleep(1_000);
            assertEquals(1, h.server.handshakes().size());
            assertEquals(0, h.server.connectionsOpened());
            assertSame(auth, failure(h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "KXTEST-26JAN01-T1")),
                    Duration.ofSeconds(1)));
        }
    }

    @Test
    void aKeyRefusedOnReconnect_isReportedAtOnce_andTriedAtMostTwiceMoreBeforeTheSocketCloses() throws Exception {
        try (WsHarness h = WsHarness.start(b -> b.reconnectPolicy(
                ReconnectPolicy.of(Duration.ofMillis(20), Duration.ofMillis(100), 0)))) {
            Subscription<WsMessage> sub = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "KXTEST-26JAN01-T1"))
                    .get(5, TimeUnit.SECONDS);
            Iterator<WsMessage> it = sub.iterator();
            h.server.knownKeys(Set.of());
            h.server.closeAll(jakarta.websocket.CloseReason.CloseCodes.TRY_AGAIN_LATER);

            eventually(Duration.ofSeconds(3), "the socket to close", () -> h.ws.state() == ConnectionState.CLOSED);
            KalshiAuthException end = assertThrows(KalshiAuthException.class, it::hasNext);
            assertNamesTheKeyIdOnly(end, h.server.refusedHandshakes().get(0));
            long reported = h.errors.stream().filter(KalshiAuthException.class::isInstance).count();
            assertTrue(reported >= 1, "each refusal goes to onError: " + h.errors);
            // An unlimited reconnect policy does not extend to a key the server refuses.
            Thread.sleep(500);
            assertEquals(3, h.server.refusedHandshakes().size(), "one refusal and two more tries");
            assertEquals(1, h.server.connectionsOpened());
        }
    }
}
