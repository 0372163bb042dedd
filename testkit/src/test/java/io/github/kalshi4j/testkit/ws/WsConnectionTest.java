package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.SubscribedResponsePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection itself: handshake auth, heartbeats, shutdown, and every WebSocket fault. */
class WsConnectionTest {

    private static final Duration PING_INTERVAL = Duration.ofMillis(200);

    private LocalKalshiExchange exchange;
    private String alice;
    private String bob;
    private String market;

    @BeforeEach
    void start() {
        exchange = LocalKalshiExchange.builder().pingInterval(PING_INTERVAL).start();
        alice = exchange.userIds().get(0);
        bob = exchange.userIds().get(1);
        market = new Trading(exchange).freshMarket();
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void heartbeatPingsArriveEveryIntervalWithBodyHeartbeat() throws Exception {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            long t0 = System.nanoTime();
            assertEquals("heartbeat", ws.nextPing(Duration.ofSeconds(2)));
            assertEquals("heartbeat", ws.nextPing(Duration.ofSeconds(2)));
            assertEquals("heartbeat", ws.nextPing(Duration.ofSeconds(2)));
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(elapsedMs >= 350, "three pings 200 ms apart came within " + elapsedMs + " ms");
        }
    }

    @Test
    void aBadHandshakeSignatureIsRefusedWith401() {
        LocalKalshiExchange.Credentials c = exchange.credentials(alice);
        RsaPssSigner signer = RsaPssSigner.fromPem(c.keyId(), c.privateKeyPem());
        long now = System.currentTimeMillis();
        Map<String, String> signedForRest = RequestSignature.headers(signer, "GET", "/trade-api/v2/portfolio/balance", now);
        assertEquals(401, handshakeStatus(signedForRest), "signed over another path");

        Map<String, String> staleSignature = RequestSignature.headers(signer, "GET", WsGateway.PATH, now - 120_000);
        assertEquals(401, handshakeStatus(staleSignature), "signed two minutes ago");

        Map<String, String> incomplete = new HashMap<>(RequestSignature.headers(signer, "GET", WsGateway.PATH, now));
        incomplete.remove(RequestSignature.ACCESS_SIGNATURE);
        assertEquals(401, handshakeStatus(incomplete), "no signature header");
    }

    @Test
    void anUnsignedHandshakeIsRefusedWith401_asKalshiRequiresAuthentication() {
        assertEquals(401, handshakeStatus(Map.of()));
    }

    @Test
    void anUnsignedHandshakeIsAcceptedWhenTheExchangeAllowsAnonymousConnections() {
        try (LocalKalshiExchange open = LocalKalshiExchange.builder().allowAnonymousWebSocket(true).start();
             WsTestClient ws = WsTestClient.anonymous(open)) {
            int id = ws.subscribe(Map.of("channels", List.of("trade")));
            assertEquals("trade", ws.reply(id, "subscribed").as(SubscribedResponsePayload.class).msg().channel());
        }
    }

    private int handshakeStatus(Map<String, String> headers) {
        CompletableFuture<WebSocket> attempt = WsTestClient.handshake(exchange, headers, new WebSocket.Listener() {
        });
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> attempt.get(WsTestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }

    @Test
    void clientPingsAreAnswered() throws Exception {
        CompletableFuture<String> pong = new CompletableFuture<>();
        WebSocket ws = WsTestClient.handshake(exchange, WsTestClient.signedHeaders(exchange, alice), new WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
                pong.complete(java.nio.charset.StandardCharsets.UTF_8.decode(message).toString());
                return null;
            }
        }).get(WsTestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ws.sendPing(java.nio.ByteBuffer.wrap("are-you-there".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("are-you-there", pong.get(WsTestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            ws.abort();
        }
    }

    @Test
    void closingTheExchangeClosesEverySessionWithGoingAway() throws Exception {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            // The client sees its handshake complete a moment before the server registers the session; a reply
            // proves it is registered, so the close reaches it as a close frame rather than a bare TCP close (1006).
            ws.reply(ws.command("list_subscriptions", null), "ok");
            exchange.close();
            assertEquals(1001, ws.awaitClosed());
        }
    }

    @Test
    void dropConnectionsCutsEveryConnectionWithoutACloseHandshake() throws Exception {
        try (WsTestClient signed = WsTestClient.signed(exchange, alice);
             WsTestClient other = WsTestClient.signed(exchange, bob)) {
            // The client sees its handshake complete a moment before the server registers the connection; a reply
            // proves it is registered, so the fault reaches both.
            signed.reply(signed.command("list_subscriptions", null), "ok");
            other.reply(other.command("list_subscriptions", null), "ok");
            exchange.faults().webSocket().dropConnections();
            int signedClose = signed.awaitCut();
            int otherClose = other.awaitCut();
            // -1: the JDK client reports an error; 1006: "closed abnormally". Never a close frame from the server.
            assertTrue(signedClose == -1 || signedClose == 1006, "close code " + signedClose);
            assertTrue(otherClose == -1 || otherClose == 1006, "close code " + otherClose);
        }
        try (WsTestClient again = WsTestClient.signed(exchange, alice)) {
            int id = again.subscribe(Map.of("channels", List.of("fill")));
            assertEquals(1, again.reply(id, "subscribed").as(SubscribedResponsePayload.class).msg().sid(),
                    "a reconnect starts with fresh sids");
        }
    }

    @Test
    void skipSeqMakesTheNextSequencedFrameOfEachSubscriptionJump() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             KalshiClient bobRest = exchange.client(bob)) {
            int id = ws.subscribe(Map.of("channels", List.of("orderbook_delta", "ticker"), "market_ticker", market));
            ws.reply(id, "subscribed");
            assertEquals(1, ws.next("orderbook_snapshot").seq());
            ws.reply(id, "subscribed");
            exchange.faults().webSocket().skipSeq(3);
            Trading.buyYes(bobRest, market, "1", "0.3000", null);
            Trading.buyYes(bobRest, market, "1", "0.3100", null);
            List<Integer> seqs = new java.util.ArrayList<>();
            while (seqs.size() < 2) {
                WsTestClient.Frame f = ws.next();
                if (f.type().equals("orderbook_delta")) {
                    seqs.add(f.as(OrderbookDeltaPayload.class).seq());
                } else {
                    assertEquals("ticker", f.type());
                    assertTrue(f.json().path("seq").isMissingNode(), "ticker frames carry no seq");
                }
            }
            assertEquals(List.of(5, 6), seqs, "2 would have come next; 3 numbers were skipped");
        }
    }

    @Test
    void goSilentStopsFramesPingsAndReplies_thenTheConnectionSpeaksAgain() throws Exception {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             KalshiClient bobRest = exchange.client(bob)) {
            int id = ws.subscribe(Map.of("channels", List.of("orderbook_delta"), "market_ticker", market));
            ws.reply(id, "subscribed");
            ws.next("orderbook_snapshot");
            assertNotNull(ws.nextPing(Duration.ofSeconds(2)));

            exchange.faults().webSocket().goSilent(Duration.ofMillis(1_000));
            Trading.buyYes(bobRest, market, "1", "0.3000", null);
            ws.command("list_subscriptions", null);
            // A ping already on the wire when the silence began may still land; later ones must not.
            Thread.sleep(100);
            ws.clearPings();
            ws.assertQuiet(Duration.ofMillis(600));
            assertNull(ws.nextPing(Duration.ZERO), "no pings while silent");

            assertEquals("heartbeat", ws.nextPing(Duration.ofSeconds(2)));
            int list = ws.command("list_subscriptions", null);
            ws.reply(list, "ok");
            Trading.buyYes(bobRest, market, "1", "0.3100", null);
            assertEquals(3, ws.next("orderbook_delta").seq(), "the delta sent into the silence is lost: a gap");
        }
    }

    @Test
    void sendUnknownMessageTypeSendsAFrameTheSpecDoesNotKnow() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            // A reply shows the server has registered the connection, which a broadcast only reaches once it has.
            ws.reply(ws.command("list_subscriptions", null), "ok");
            exchange.faults().webSocket().sendUnknownMessageType("surprise_v9");
            WsTestClient.Frame f = ws.next("surprise_v9");
            assertEquals(0, f.sid());
            assertTrue(f.msg().isObject() && f.msg().isEmpty());
            assertNull(f.model(), "no generated model for an unknown type");
        }
    }

    @Test
    void sendRawSendsTheTextAsGivenToEveryConnection() {
        String raw = "{\"type\":\"trade\",\"sid\":99,\"msg\":{\"trade_id\":\"t-1\",\"market_ticker\":\"KXRAW-1\","
                + "\"yes_price_dollars\":\"0.5000\",\"no_price_dollars\":\"0.5000\",\"count_fp\":\"1.00\","
                + "\"taker_side\":\"yes\",\"ts\":1}}";
        try (WsTestClient first = WsTestClient.signed(exchange, bob);
             WsTestClient second = WsTestClient.signed(exchange, alice)) {
            for (WsTestClient ws : List.of(first, second)) {
                ws.reply(ws.command("list_subscriptions", null), "ok");
            }
            exchange.faults().webSocket().sendRaw(raw);
            for (WsTestClient ws : List.of(first, second)) {
                WsTestClient.Frame f = ws.next("trade");
                assertEquals(99, f.sid());
                assertEquals("KXRAW-1", f.msg().path("market_ticker").asText());
            }
        }
    }
}
