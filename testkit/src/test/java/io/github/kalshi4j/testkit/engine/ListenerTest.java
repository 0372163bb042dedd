package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

final class ListenerTest {
    private final TestExchange t = new TestExchange();

    @Test
    void restingOrderEmitsADeltaThenItsCreation() {
        t.buyNo(BOB, "10", "0.44");

        assertEquals(List.of("delta no 0.4400 10.00 -> 10.00", "order CREATED resting"), t.events.labels);
        OrderbookDelta delta = (OrderbookDelta) t.events.events.get(0);
        assertEquals(MARKET, delta.ticker());
        assertEquals(BOB, delta.userId());
        assertEquals(TestExchange.START, delta.time());
    }

    @Test
    void crossingOrderEmitsEventsInTheDocumentedOrder() {
        t.buyNo(BOB, "4", "0.44");
        t.events.clear();

        t.buyYes(ALICE, "10", "0.56");

        assertEquals(List.of(
                "delta no 0.4400 -4.00 -> 0.00",
                "trade 4.00 @ 0.5600",
                "fill taker 4.00",
                "fill maker 4.00",
                "order EXECUTED executed",
                "position 4.00",
                "position -4.00",
                "delta yes 0.5600 6.00 -> 6.00",
                "order CREATED resting"), t.events.labels);
        Fill takerFill = (Fill) t.events.events.get(2);
        assertEquals(ALICE, takerFill.userId());
        MarketPosition bobPosition = (MarketPosition) t.events.events.get(6);
        assertEquals(BOB, bobPosition.userId());
    }

    @Test
    void rejectedRequestEmitsNothing() {
        t.buyNo(BOB, "4", "0.44");
        t.events.clear();

        assertRejected(ErrorCode.INSUFFICIENT_BALANCE, () -> t.buyYes(TestExchange.DAVE, "100", "0.56"));

        assertTrue(t.events.labels.isEmpty());
    }

    @Test
    void failingListenerDoesNotBreakTheExchangeOrOtherListeners() {
        t.exchange.addListener(new ExchangeListener() {
            @Override
            public void onOrderUpdate(OrderUpdate update) {
                throw new IllegalStateException("listener bug");
            }
        });
        RecordingListener after = new RecordingListener();
        t.exchange.addListener(after);
        // The failure is logged on purpose; keep the expected stack trace out of the build output.
        Logger log = Logger.getLogger(EventSink.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF);
        Order order;
        try {
            order = t.buyYes(ALICE, "1", "0.40");
        } finally {
            log.setLevel(level);
        }

        assertEquals(OrderStatus.RESTING, order.status());
        assertEquals(List.of("delta yes 0.4000 1.00 -> 1.00", "order CREATED resting"), after.labels);
    }

    @Test
    void listenerActingOnTheExchangeSeesItsEventsAfterTheCurrentOnes() {
        List<String> seen = new ArrayList<>();
        t.exchange.addListener(new ExchangeListener() {
            @Override
            public void onOrderUpdate(OrderUpdate update) {
                seen.add(update.type() + " " + update.order().userId());
                // Bob answers every new order of Alice's with a bid of his own
                if (update.type() == OrderUpdateType.CREATED && update.order().userId().equals(ALICE)) {
                    t.buyNo(BOB, "1", "0.10");
                }
            }

            @Override
            public void onOrderbookDelta(OrderbookDelta delta) {
                seen.add("delta " + delta.userId());
            }
        });

        t.buyYes(ALICE, "1", "0.40");

        assertEquals(List.of("delta alice", "CREATED alice", "delta bob", "CREATED bob"), seen);
        assertAmount("1", t.book().no().get(0).count());
    }
}
