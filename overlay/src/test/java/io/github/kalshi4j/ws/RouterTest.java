package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.errors.KalshiWebSocketException;
import io.github.kalshi4j.internal.KalshiMappers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Router} on its own: where each text frame goes, on the test thread as the actor. */
class RouterTest {

    private final ManualActor actor = new ManualActor();
    private final RecordingWire wire = new RecordingWire();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<Long> orphans = new ArrayList<>();
    private final Commands commands = new Commands(KalshiMappers.create(), actor, wire, Duration.ofSeconds(3),
            errors::add, orphans::add);
    private final List<SequenceEvent> breaks = new ArrayList<>();
    private final BookSync books = new BookSync(actor, wire, commands, ReconnectPolicy.of(Duration.ofMillis(250), Duration.ofSeconds(30), 0),
            Duration.ofSeconds(3), errors::add, sub -> { });
    private final Router router = new Router(KalshiMappers.create(), new FrameDecoder(KalshiMappers.create(),
            errors::add), commands, new SequenceGate(breaks::add), books, errors::add);
    private final List<WsMessage> handled = new ArrayList<>();
    private final List<WsMessage> tickers = new ArrayList<>();

    RouterTest() {
        router.onMessage(handled::add);
        router.on(Channel.TICKER, tickers::add);
    }

    @Test
    void aRoutedFrameReachesItsSubscriptionAndTheHandlers() throws Exception {
        Subscription<WsMessage> sub = Frames.pull(Channel.TICKER, "A");
        router.route(5, sub, Channel.TICKER);

        router.onText(Frames.tickerText(5, "A"));

        WsMessage got = sub.poll(Duration.ZERO);
        assertInstanceOf(WsMessage.Ticker.class, got);
        assertEquals(List.of(got), handled);
        assertEquals(List.of(got), tickers);
    }

    @Test
    void aFrameOfNoKnownSidStillReachesTheHandlersOfItsChannel() {
        router.onText(Frames.tickerText(42, "A"));
        assertEquals(1, tickers.size());
        assertEquals(1, handled.size());
    }

    @Test
    void framesOfARetiredSidAreDropped() throws Exception {
        Subscription<WsMessage> sub = Frames.pull(Channel.TICKER, "A");
        router.route(5, sub, Channel.TICKER);
        router.retire(5);

        router.onText(Frames.tickerText(5, "A"));

        assertNull(sub.poll(Duration.ZERO));
        assertTrue(handled.isEmpty());
    }

    @Test
    void aNewConnectionForgetsRetiredSidsForItsSidsAreNew() {
        router.retire(5);
        router.connectionOpened();
        router.onText(Frames.tickerText(5, "A"));
        assertEquals(1, handled.size());
    }

    @Test
    void aReplyGoesToTheCommandsNotTheHandlers() {
        router.onText("{\"id\":3,\"type\":\"subscribed\",\"msg\":{\"channel\":\"ticker\",\"sid\":9}}");
        assertEquals(List.of(9L), orphans);
        assertTrue(handled.isEmpty());
    }

    @Test
    void anUnreadableFrameIsReportedAndIgnored() {
        router.onText("{\"type\":");
        router.onText("[1,2]");
        assertEquals(2, errors.size());
        assertInstanceOf(KalshiWebSocketException.class, errors.get(0));
        assertTrue(handled.isEmpty());
    }

    @Test
    void aRepeatedSequencedFrameIsDroppedBeforeAnyoneSeesIt() throws Exception {
        Subscription<WsMessage> sub = Frames.pull(Channel.ORDERBOOK_DELTA, "A");
        sub.bind(Channel.ORDERBOOK_DELTA, 7);
        router.route(7, sub, Channel.ORDERBOOK_DELTA);

        router.onText(Frames.snapshotText(7, 1, "A", "0.5000", "10.00"));
        router.onText(Frames.deltaText(7, 2, "A", "0.5000", "1.00"));
        router.onText(Frames.deltaText(7, 2, "A", "0.5000", "1.00"));

        assertEquals(2, handled.size());
        assertInstanceOf(WsMessage.OrderbookSnapshot.class, sub.poll(Duration.ZERO));
        assertInstanceOf(WsMessage.OrderbookDelta.class, sub.poll(Duration.ZERO));
        assertNull(sub.poll(Duration.ZERO));
        assertEquals("11.00", sub.books.get("A").snapshot().yesBids().get(0).count().toPlainString());
    }

    @Test
    void aBookFrameThatDoesNotDecodeMarksItsMarketStaleAndIsStillDelivered() {
        Subscription<WsMessage> sub = Frames.pull(Channel.ORDERBOOK_DELTA, "A");
        sub.bind(Channel.ORDERBOOK_DELTA, 7);
        router.route(7, sub, Channel.ORDERBOOK_DELTA);
        router.onText(Frames.snapshotText(7, 1, "A", "0.5000", "10.00"));

        router.onText("{\"type\":\"orderbook_delta\",\"sid\":7,\"seq\":2,\"msg\":{\"market_ticker\":\"A\","
                + "\"price_dollars\":{\"not\":\"a price\"}}}");

        assertTrue(sub.books.get("A").isStale());
        assertInstanceOf(WsMessage.Unknown.class, handled.get(handled.size() - 1));
        assertEquals(1, wire.commands("update_subscription").size());
    }

    @Test
    void aHandlerThatThrowsIsReportedAndTheOthersStillRun() {
        IllegalStateException boom = new IllegalStateException("handler bug");
        router.on(Channel.TICKER, m -> {
            throw boom;
        });
        router.onText(Frames.tickerText(42, "A"));
        assertEquals(List.of(boom), errors);
        assertEquals(1, handled.size());
    }
}
