package io.github.kalshi4j.it;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.ws.Channel;
import io.github.kalshi4j.ws.ConnectionState;
import io.github.kalshi4j.ws.KalshiWebSocket;
import io.github.kalshi4j.ws.OrderbookHandle;
import io.github.kalshi4j.ws.OrderbookView;
import io.github.kalshi4j.ws.SubscribeRequest;
import io.github.kalshi4j.ws.Subscription;
import io.github.kalshi4j.ws.WsMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK's WebSocket client against the local exchange's WebSocket server over a real loopback socket: the book
 * follows trades, fills reach their owner, and a dropped connection is reconnected with the book intact.
 */
class WebSocketAgainstExchangeTest {

    private static SpecCheckedExchange checked;
    private static LocalKalshiExchange exchange;
    private static KalshiClient alice;
    private static KalshiClient bob;
    private static String ticker;

    @BeforeAll
    static void start() {
        checked = SpecCheckedExchange.start();
        exchange = checked.exchange;
        alice = exchange.client(exchange.userIds().get(0));
        bob = exchange.client(exchange.userIds().get(1));
        ticker = alice.markets().getMarketsPages(p -> p.status("open")).stream()
                .filter(m -> m.yesBid().signum() > 0 && m.yesAsk().compareTo(BigDecimal.ONE) < 0)
                .map(Market::ticker).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        alice.close();
        bob.close();
        checked.close();
        checked.assertAllResponsesConform();
    }

    private static void order(KalshiClient c, String side, String count, String price) {
        c.orders().createOrderV2(V2Orders.buy(ticker, side, count, price).build());
    }

    @Test
    void localOrderbook_matchesTheExchangesBook_afterTrading() throws Exception {
        KalshiWebSocket ws = alice.ws();
        try (OrderbookHandle book = ws.orderbook(ticker).get(10, TimeUnit.SECONDS)) {
            OrderbookView before = book.awaitFresh(Duration.ofSeconds(10));
            assertFalse(before.isStale());
            // Two new resting levels, then a NO bid that crosses the best YES bid and takes part of it.
            order(alice, "yes", "7", "0.0300");
            order(bob, "no", "2", "0.0100");
            BigDecimal bestYes = before.bestYesBid().orElseThrow();
            order(bob, "no", "1", BigDecimal.ONE.subtract(bestYes).toPlainString());
            var rest = alice.markets().getMarketOrderbook(ticker).orderbookFp();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            OrderbookView now = book.view();
            while (System.nanoTime() < deadline && !Books.sameBook(now, rest)) {
                Thread.sleep(20);
                now = book.view();
            }
            assertTrue(Books.sameBook(now, rest), "local book " + now + " vs REST " + rest);
        }
    }

    @Test
    void fills_reachTheirOwner_onThePrivateChannel() throws Exception {
        try (Subscription<WsMessage> fills = alice.ws().subscribe(SubscribeRequest.builder(Channel.FILL).build())
                .get(10, TimeUnit.SECONDS)) {
            // Alice takes the best NO bid: buying YES at 1 - that price crosses it, so she gets a fill.
            List<List<BigDecimal>> noBids = alice.markets().getMarketOrderbook(ticker).orderbookFp().noDollars();
            BigDecimal bestNo = noBids.get(noBids.size() - 1).get(0);
            order(alice, "yes", "1", BigDecimal.ONE.subtract(bestNo).toPlainString());
            WsMessage m = fills.poll(Duration.ofSeconds(10));
            assertNotNull(m, "a fill frame arrives");
            assertTrue(m instanceof WsMessage.Fill, "got " + m);
            assertEquals(ticker, ((WsMessage.Fill) m).msg().marketTicker());
        }
    }

    @Test
    void droppedConnection_isReconnected_andTheBookResynchronizes() throws Exception {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        KalshiWebSocket ws = bob.ws();
        ws.onStateChange(states::add);
        try (OrderbookHandle book = ws.orderbook(ticker).get(10, TimeUnit.SECONDS)) {
            book.awaitFresh(Duration.ofSeconds(10));
            exchange.faults().webSocket().dropConnections();
            order(alice, "yes", "5", "0.0200");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && !states.contains(ConnectionState.RECONNECTING)) {
                Thread.sleep(20);
            }
            assertTrue(states.contains(ConnectionState.RECONNECTING), "states: " + states);
            var rest = alice.markets().getMarketOrderbook(ticker).orderbookFp();
            OrderbookView now = book.view();
            while (System.nanoTime() < deadline && (now.isStale() || !Books.sameBook(now, rest))) {
                Thread.sleep(20);
                now = book.view();
                rest = alice.markets().getMarketOrderbook(ticker).orderbookFp();
            }
            assertTrue(!now.isStale() && Books.sameBook(now, rest), "after reconnect: " + now + " vs " + rest);
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void sequenceGap_isReported_andTheBookResynchronizesByItself() throws Exception {
        try (KalshiClient carol = exchange.client(exchange.userIds().get(0))) {
            List<io.github.kalshi4j.ws.SequenceEvent> events = new CopyOnWriteArrayList<>();
            carol.ws().onSequenceEvent(events::add);
            try (OrderbookHandle book = carol.ws().orderbook(ticker).get(10, TimeUnit.SECONDS)) {
                book.awaitFresh(Duration.ofSeconds(10));
                exchange.faults().webSocket().skipSeq(2);
                order(alice, "yes", "2", "0.0400");
                await("a gap is reported", () -> !events.isEmpty(), Duration.ofSeconds(10));
                assertEquals(io.github.kalshi4j.ws.SequenceEvent.Kind.GAP, events.get(0).kind());
                await("the book resynchronizes to the exchange's", () -> {
                    OrderbookView v = book.view();
                    return !v.isStale() && Books.sameBook(v, alice.markets().getMarketOrderbook(ticker).orderbookFp());
                }, Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void silentServer_isDetectedByTheHeartbeat_andReconnected() throws Exception {
        LocalKalshiExchange.Credentials c = exchange.credentials(exchange.userIds().get(1));
        try (KalshiClient dave = KalshiClient.builder()
                .config(exchange.clientConfig().toBuilder().connectTimeout(Duration.ofSeconds(2)).build())
                .credentials(c.keyId(), c.privateKeyPem())
                .webSocketOptions(io.github.kalshi4j.ws.WebSocketOptions.builder().heartbeatTimeout(Duration.ofMillis(800))
                        .pingInterval(Duration.ofMillis(200)).commandTimeout(Duration.ofSeconds(2)).build()).build()) {
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            dave.ws().onStateChange(states::add);
            try (OrderbookHandle book = dave.ws().orderbook(ticker).get(10, TimeUnit.SECONDS)) {
                book.awaitFresh(Duration.ofSeconds(10));
                exchange.faults().webSocket().goSilent(Duration.ofSeconds(3));
                await("the silent connection is replaced", () -> states.contains(ConnectionState.RECONNECTING),
                        Duration.ofSeconds(10));
                await("open again with a fresh book", () -> dave.ws().state() == ConnectionState.OPEN && !book.isStale(),
                        Duration.ofSeconds(20));
            }
        }
    }

    @Test
    void unknownMessageType_isDelivered_andTheStreamGoesOn() throws Exception {
        try (KalshiClient erin = exchange.client(exchange.userIds().get(0))) {
            List<WsMessage> seen = new CopyOnWriteArrayList<>();
            erin.ws().onMessage(seen::add);
            try (OrderbookHandle book = erin.ws().orderbook(ticker).get(10, TimeUnit.SECONDS)) {
                book.awaitFresh(Duration.ofSeconds(10));
                exchange.faults().webSocket().sendUnknownMessageType("brand_new_type");
                await("the unknown frame arrives as WsMessage.Unknown",
                        () -> seen.stream().anyMatch(m -> m instanceof WsMessage.Unknown), Duration.ofSeconds(10));
                int before = seen.size();
                order(bob, "no", "1", "0.0200");
                await("later frames still arrive", () -> seen.size() > before, Duration.ofSeconds(10));
            }
        }
    }
}
