package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MarketLifecycleTest {

    private static final String SCHEDULED = """
            {
              "series": [{"ticker": "KXS", "title": "Scheduled", "category": "Economics"}],
              "events": [{"event_ticker": "KXS-1", "series_ticker": "KXS", "title": "Scheduled event"}],
              "markets": [{"ticker": "KXS-1-A", "event_ticker": "KXS-1", "open_time": "+PT1H", "close_time": "+PT2H"}],
              "accounts": [{"member_id": "alice", "api_key_id": "key-alice", "balance": "100"}]
            }
            """;

    @Test
    void marketOpensAndClosesOnSchedule() {
        MutableClock clock = new MutableClock(TestExchange.START);
        RecordingListener events = new RecordingListener();
        Exchange exchange = Exchange.builder().seed(Seed.parse(SCHEDULED)).clock(clock).listener(events).build();
        assertEquals(MarketStatus.INITIALIZED, exchange.getMarket("KXS-1-A").status());
        assertRejected(ErrorCode.MARKET_CLOSED,
                () -> exchange.createOrder("alice", NewOrder.limit("KXS-1-A", Side.YES, Action.BUY, "1", "0.50")));

        clock.advance(Duration.ofHours(1));
        assertEquals(MarketStatus.ACTIVE, exchange.getMarket("KXS-1-A").status());
        Order order = exchange.createOrder("alice", NewOrder.limit("KXS-1-A", Side.YES, Action.BUY, "10", "0.50"));

        clock.advance(Duration.ofHours(1));
        exchange.processTimedEvents();
        Market closed = exchange.getMarket("KXS-1-A");
        assertEquals(MarketStatus.CLOSED, closed.status());
        assertEquals(TestExchange.START.plus(Duration.ofHours(2)), closed.closeTime());
        assertEquals(OrderStatus.CANCELED, exchange.getOrder("alice", order.orderId()).status());
        assertAmount("0", exchange.getBalance("alice").reserved());
        assertEquals(List.of(MarketLifecycleType.ACTIVATED, MarketLifecycleType.CLOSED),
                events.events.stream().filter(MarketLifecycleEvent.class::isInstance)
                        .map(e -> ((MarketLifecycleEvent) e).type()).toList());
    }

    @Test
    void closingEarlyMovesTheCloseTimeToNow() {
        TestExchange t = new TestExchange();
        t.clock.advance(Duration.ofMinutes(5));

        Market market = t.exchange.closeMarket(MARKET);

        assertEquals(MarketStatus.CLOSED, market.status());
        assertEquals(TestExchange.START.plus(Duration.ofMinutes(5)), market.closeTime());
        assertEquals("close_date_updated", MarketLifecycleType.CLOSED.wireEventType());
        assertRejected(ErrorCode.MARKET_CLOSED, () -> t.buyYes(ALICE, "1", "0.50"));
    }

    @Test
    void pausingAMarketCancelsOnlyOrdersThatAskedForIt() {
        TestExchange t = new TestExchange();
        Order keep = t.buyYes(ALICE, "1", "0.40");
        Order cancel = t.exchange.createOrder(BOB, NewOrder.builder(MARKET, Side.YES, Action.BUY)
                .count("1").price("0.40").cancelOrderOnPause(true).build());

        Market paused = t.exchange.pauseMarket(MARKET);

        assertEquals(MarketStatus.INACTIVE, paused.status());
        assertEquals(OrderStatus.RESTING, t.exchange.getOrder(ALICE, keep.orderId()).status());
        assertEquals(OrderStatus.CANCELED, t.exchange.getOrder(BOB, cancel.orderId()).status());
        ExchangeException e = assertRejected(ErrorCode.TRADING_PAUSED, () -> t.buyYes(ALICE, "1", "0.40"));
        assertEquals("trading_is_paused", e.code());
        // canceling still works while paused
        t.exchange.cancelOrder(ALICE, keep.orderId());

        assertEquals(MarketStatus.ACTIVE, t.exchange.resumeMarket(MARKET).status());
        t.buyYes(ALICE, "1", "0.40");
    }

    @Test
    void exchangeWidePauseStopsTradingEverywhere() {
        TestExchange t = new TestExchange();
        Order cancel = t.exchange.createOrder(BOB, NewOrder.builder(MARKET, Side.YES, Action.BUY)
                .count("1").price("0.40").cancelOrderOnPause(true).build());

        t.exchange.pauseTrading();

        assertFalse(t.exchange.status().tradingActive());
        assertEquals(OrderStatus.CANCELED, t.exchange.getOrder(BOB, cancel.orderId()).status());
        assertRejected(ErrorCode.TRADING_PAUSED, () -> t.buyYes(ALICE, "1", "0.40"));
        t.exchange.resumeTrading();
        assertTrue(t.exchange.status().tradingActive());
        t.buyYes(ALICE, "1", "0.40");
    }

    @Test
    void volumeOfTheLastDayExcludesOlderTrades() {
        TestExchange t = new TestExchange();
        t.buyNo(BOB, "3", "0.44");
        t.buyYes(ALICE, "3", "0.56");
        t.clock.advance(Duration.ofHours(25));
        t.buyNo(BOB, "2", "0.44");
        t.buyYes(ALICE, "2", "0.56");

        Market market = t.exchange.getMarket(MARKET);
        assertAmount("5", market.volume());
        assertAmount("2", market.volume24h());
        assertEquals(Instant.parse("2026-01-02T01:00:00Z"), t.exchange.listTrades(TradeFilter.all()).get(0).createdTime());
    }
}
