package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.CAROL;
import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertRejected;
import static io.github.kalshi4j.testkit.engine.TestExchange.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import io.github.kalshi4j.ws.PriceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Amend, decrease, cancel and their batch forms. */
final class OrderChangesTest {
    private final TestExchange t = new TestExchange();

    private AmendResult amendYesBuy(String user, Order order, String price, String count) {
        return t.exchange.amendOrder(user, order.orderId(), OrderAmendment.of(MARKET, Side.YES, Action.BUY, price, count));
    }

    @Test
    void amendDownInSizeAtTheSamePriceKeepsQueuePriority() {
        Order bob = t.buyYes(BOB, "10", "0.40");
        Order carol = t.buyYes(CAROL, "10", "0.40");

        AmendResult result = amendYesBuy(BOB, bob, "0.40", "6");

        assertAmount("10", result.oldOrder().remainingCount());
        assertAmount("6", result.order().remainingCount());
        assertAmount("0", t.exchange.getQueuePosition(BOB, bob.orderId()));
        assertAmount("6", t.exchange.getQueuePosition(CAROL, carol.orderId()));
        assertAmount("16", t.book().yes().get(0).count());
        assertAmount("2.40", t.balance(BOB).reserved()); // 6 * 0.40
    }

    @Test
    void amendUpInSizeLosesQueuePriority() {
        Order bob = t.buyYes(BOB, "10", "0.40");
        Order carol = t.buyYes(CAROL, "10", "0.40");

        amendYesBuy(BOB, bob, "0.40", "12");

        assertAmount("0", t.exchange.getQueuePosition(CAROL, carol.orderId()));
        assertAmount("10", t.exchange.getQueuePosition(BOB, bob.orderId()));
        assertAmount("4.80", t.balance(BOB).reserved()); // 12 * 0.40
    }

    @Test
    void amendToANewPriceJoinsTheBackOfThatLevel() {
        Order bob = t.buyYes(BOB, "10", "0.39");
        Order carol = t.buyYes(CAROL, "10", "0.40");

        AmendResult result = amendYesBuy(BOB, bob, "0.40", null);

        assertAmount("0.39", result.oldOrder().yesPrice());
        assertAmount("0.40", result.order().yesPrice());
        assertEquals(bob.orderId(), result.order().orderId());
        assertAmount("10", t.exchange.getQueuePosition(BOB, bob.orderId()));
        assertAmount("0", t.exchange.getQueuePosition(CAROL, carol.orderId()));
        assertEquals(List.of(new PriceLevel(dec("0.4000"), dec("20.00"))), t.book().yes());
    }

    @Test
    void amendToACrossingPriceTradesAsTaker() {
        Order bob = t.buyYes(BOB, "10", "0.40");
        t.buyNo(CAROL, "10", "0.55"); // 0.40 + 0.55 = 0.95: no trade yet

        AmendResult result = amendYesBuy(BOB, bob, "0.45", null); // 0.45 + 0.55 = 1.00

        assertEquals(OrderStatus.EXECUTED, result.order().status());
        assertAmount("0.45", t.exchange.listTrades(TradeFilter.all()).get(0).yesPrice());
        // fee ceil(0.07 * 10 * 0.45 * 0.55 = 0.17325) = 0.18; cash 1000 - 4.50 - 0.18
        assertAmount("0.18", result.order().takerFees());
        assertAmount("995.32", t.balance(BOB).cash());
        assertAmount("0", t.balance(BOB).reserved());
    }

    @Test
    void amendCountIsTheNewTotalIncludingFilledContracts() {
        Order bob = t.buyYes(BOB, "10", "0.40");
        t.buyNo(CAROL, "4", "0.60"); // fills 4 of Bob's 10

        AmendResult result = amendYesBuy(BOB, bob, "0.40", "8");

        assertAmount("4", result.order().fillCount());
        assertAmount("4", result.order().remainingCount()); // 8 - 4 filled
        assertAmount("8", result.order().initialCount());
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> amendYesBuy(BOB, bob, "0.40", "4"));
    }

    @Test
    void amendMustRepeatTheOrdersTickerSideAndActionAndGiveExactlyOnePrice() {
        Order bob = t.buyYes(BOB, "10", "0.40");

        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.exchange.amendOrder(BOB, bob.orderId(),
                OrderAmendment.of(MARKET, Side.NO, Action.BUY, "0.60", null)));
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.exchange.amendOrder(BOB, bob.orderId(),
                new OrderAmendment(MARKET, Side.YES, Action.BUY, null, null, null, null, dec("5"))));
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.exchange.amendOrder(BOB, bob.orderId(),
                new OrderAmendment(MARKET, Side.YES, Action.BUY, null, null, dec("0.40"), dec("0.60"), null)));
        assertRejected(ErrorCode.ORDER_NOT_FOUND, () -> amendYesBuy(CAROL, bob, "0.41", null));
    }

    @Test
    void amendCanRenameTheClientOrderId() {
        Order bob = t.exchange.createOrder(BOB, NewOrder.builder(MARKET, Side.YES, Action.BUY)
                .count("10").price("0.40").clientOrderId("v1").build());

        t.exchange.amendOrder(BOB, bob.orderId(),
                new OrderAmendment(MARKET, Side.YES, Action.BUY, "v1", "v2", dec("0.41"), null, null));

        assertEquals(bob.orderId(), t.exchange.findOrderByClientOrderId(BOB, "v2").orElseThrow().orderId());
        assertTrue(t.exchange.findOrderByClientOrderId(BOB, "v1").isEmpty());
    }

    @Test
    void decreaseNeedsExactlyOneOfReduceByAndReduceTo() {
        Order bob = t.buyYes(BOB, "10", "0.40");

        assertRejected(ErrorCode.INVALID_PARAMETERS,
                () -> t.exchange.decreaseOrder(BOB, bob.orderId(), new OrderDecrease(null, null)));
        assertRejected(ErrorCode.INVALID_PARAMETERS,
                () -> t.exchange.decreaseOrder(BOB, bob.orderId(), new OrderDecrease(dec("1"), dec("5"))));
        assertRejected(ErrorCode.INVALID_PARAMETERS,
                () -> t.exchange.decreaseOrder(BOB, bob.orderId(), OrderDecrease.to("11")));
        assertRejected(ErrorCode.INVALID_PARAMETERS,
                () -> t.exchange.decreaseOrder(BOB, bob.orderId(), OrderDecrease.by("0")));
        assertAmount("10", t.exchange.getOrder(BOB, bob.orderId()).remainingCount());
    }

    @Test
    void decreaseByOrToShrinksTheOrderAndKeepsItsPlace() {
        Order bob = t.buyYes(BOB, "10", "0.40");
        Order carol = t.buyYes(CAROL, "10", "0.40");

        assertAmount("7", t.exchange.decreaseOrder(BOB, bob.orderId(), OrderDecrease.by("3")).remainingCount());
        assertAmount("2", t.exchange.decreaseOrder(BOB, bob.orderId(), OrderDecrease.to("2")).remainingCount());

        assertAmount("0", t.exchange.getQueuePosition(BOB, bob.orderId()));
        assertAmount("2", t.exchange.getQueuePosition(CAROL, carol.orderId()));
        assertAmount("0.80", t.balance(BOB).reserved()); // 2 * 0.40
        assertAmount("10", t.exchange.getOrder(BOB, bob.orderId()).initialCount());
    }

    @Test
    void decreaseToZeroCancelsTheOrder() {
        Order bob = t.buyYes(BOB, "10", "0.40");

        Order order = t.exchange.decreaseOrder(BOB, bob.orderId(), OrderDecrease.to("0"));

        assertEquals(OrderStatus.CANCELED, order.status());
        assertTrue(t.book().yes().isEmpty());
    }

    @Test
    void cancelRemovesTheOrderAndReleasesItsReserve() {
        Order bob = t.buyYes(BOB, "10", "0.40");

        CancelResult result = t.exchange.cancelOrder(BOB, bob.orderId());

        assertEquals(OrderStatus.CANCELED, result.order().status());
        assertAmount("10", result.reducedBy());
        assertAmount("0", result.order().remainingCount());
        assertAmount("0", t.balance(BOB).reserved());
        assertTrue(t.book().yes().isEmpty());
        ExchangeException again = assertRejected(ErrorCode.ORDER_NOT_RESTING,
                () -> t.exchange.cancelOrder(BOB, bob.orderId()));
        assertEquals(409, again.httpStatus());
        ExchangeException missing = assertRejected(ErrorCode.ORDER_NOT_FOUND,
                () -> t.exchange.cancelOrder(BOB, "00000001-0000-4000-8000-0000000000ff"));
        assertEquals(404, missing.httpStatus());
    }

    @Test
    void anotherAccountsOrderIsNotFound() {
        Order bob = t.buyYes(BOB, "10", "0.40");

        assertRejected(ErrorCode.ORDER_NOT_FOUND, () -> t.exchange.cancelOrder(ALICE, bob.orderId()));
        assertRejected(ErrorCode.ORDER_NOT_FOUND, () -> t.exchange.getOrder(ALICE, bob.orderId()));
    }

    @Test
    void batchCreateReportsEachOrderOnItsOwn() {
        List<BatchCreateResult> results = t.exchange.batchCreateOrders(BOB, List.of(
                NewOrder.builder(MARKET, Side.YES, Action.BUY).count("1").price("0.40").clientOrderId("a").build(),
                NewOrder.builder(MARKET, Side.YES, Action.BUY).count("1").price("1.00").clientOrderId("b").build(),
                NewOrder.builder(MARKET, Side.YES, Action.BUY).count("1").price("0.41").clientOrderId("c").build()));

        assertEquals(3, results.size());
        assertTrue(results.get(0).isSuccess());
        assertFalse(results.get(1).isSuccess());
        assertEquals("b", results.get(1).clientOrderId());
        assertNull(results.get(1).order());
        assertEquals(ErrorCode.INVALID_PARAMETERS, results.get(1).error().errorCode());
        assertTrue(results.get(2).isSuccess());
        assertEquals(2, t.exchange.listOrders(BOB, OrderFilter.all()).size());
    }

    @Test
    void batchCancelReportsEachOrderOnItsOwn() {
        Order bob = t.buyYes(BOB, "10", "0.40");

        List<BatchCancelResult> results = t.exchange.batchCancelOrders(BOB, List.of(bob.orderId(), "missing"));

        assertTrue(results.get(0).isSuccess());
        assertAmount("10", results.get(0).reducedBy());
        assertEquals(ErrorCode.ORDER_NOT_FOUND, results.get(1).error().errorCode());
        assertAmount("0", results.get(1).reducedBy());
    }
}
