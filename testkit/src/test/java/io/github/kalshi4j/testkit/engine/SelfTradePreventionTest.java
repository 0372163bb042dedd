package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.CAROL;
import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kalshi4j.model.SelfTradePreventionType;
import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import org.junit.jupiter.api.Test;

final class SelfTradePreventionTest {
    private final TestExchange t = new TestExchange();

    /** Book: Bob NO 5 @ 0.45 (best), then Alice's own NO 5 @ 0.44, then Carol NO 5 @ 0.44. */
    private Order setUpBookWithOwnOrderInTheMiddle() {
        t.buyNo(BOB, "5", "0.45");
        Order own = t.buyNo(ALICE, "5", "0.44");
        t.buyNo(CAROL, "5", "0.44");
        return own;
    }

    private Order aliceBuysYes(SelfTradePreventionType stp) {
        return t.exchange.createOrder(ALICE, NewOrder.builder(MARKET, Side.YES, Action.BUY)
                .count("10").price("0.56").selfTradePreventionType(stp).build());
    }

    @Test
    void takerAtCrossStopsAtTheOwnOrderAndCancelsTheTakersRemainder() {
        Order own = setUpBookWithOwnOrderInTheMiddle();

        Order taker = aliceBuysYes(SelfTradePreventionType.TAKER_AT_CROSS);

        assertAmount("5", taker.fillCount()); // Bob's 5 at 1 - 0.45 = 0.55 were matched first
        assertAmount("0", taker.remainingCount());
        assertEquals(OrderStatus.CANCELED, taker.status());
        Order untouched = t.exchange.getOrder(ALICE, own.orderId());
        assertEquals(OrderStatus.RESTING, untouched.status());
        assertAmount("5", untouched.remainingCount());
        assertAmount("10", t.book().no().get(0).count()); // Alice's and Carol's 0.44 bids remain
    }

    @Test
    void takerAtCrossIsTheDefault() {
        setUpBookWithOwnOrderInTheMiddle();

        Order taker = aliceBuysYes(null);

        assertAmount("5", taker.fillCount());
        assertEquals(OrderStatus.CANCELED, taker.status());
    }

    @Test
    void makerModeCancelsTheOwnRestingOrderAndKeepsMatching() {
        Order own = setUpBookWithOwnOrderInTheMiddle();

        Order taker = aliceBuysYes(SelfTradePreventionType.MAKER);

        assertEquals(OrderStatus.EXECUTED, taker.status());
        assertAmount("10", taker.fillCount()); // 5 from Bob at 0.55, 5 from Carol at 0.56
        assertAmount("5.55", taker.takerFillCost()); // 5 * 0.55 + 5 * 0.56 = 2.75 + 2.80
        Order canceled = t.exchange.getOrder(ALICE, own.orderId());
        assertEquals(OrderStatus.CANCELED, canceled.status());
        assertAmount("0", canceled.fillCount());
        assertAmount("-5", t.position(CAROL).position());
        // Alice's own NO 5 @ 0.44 reserve (2.20) was released
        assertAmount("0", t.balance(ALICE).reserved());
    }

    @Test
    void fillOrKillStoppedBySelfTradeChangesNothing() {
        Order own = setUpBookWithOwnOrderInTheMiddle();

        assertRejected(ErrorCode.FILL_OR_KILL_INSUFFICIENT_RESTING_VOLUME, () -> t.exchange.createOrder(ALICE,
                NewOrder.builder(MARKET, Side.YES, Action.BUY).count("10").price("0.56")
                        .timeInForce(TimeInForce.FILL_OR_KILL).build()));

        assertEquals(OrderStatus.RESTING, t.exchange.getOrder(ALICE, own.orderId()).status());
        assertAmount("5", t.book().no().get(0).count());
    }
}
