package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OrderGroupTest {
    private final TestExchange t = new TestExchange();

    private Order inGroup(String user, OrderGroup group, Side side, String count, String price) {
        return t.exchange.createOrder(user, NewOrder.builder(MARKET, side, Action.BUY)
                .count(count).price(price).orderGroupId(group.id()).build());
    }

    @Test
    void groupTriggersWhenMatchedContractsReachTheLimitAndCancelsItsRestingOrders() {
        OrderGroup group = t.exchange.createOrderGroup(ALICE, dec("5"));
        Order first = inGroup(ALICE, group, Side.YES, "3", "0.40");
        Order second = inGroup(ALICE, group, Side.YES, "10", "0.39");

        // Bob's NO 0.61 crosses both (0.61 + 0.40 = 1.01, 0.61 + 0.39 = 1.00): 3 fill at 0.40, then the
        // group has 5 - 3 = 2 left, so only 2 fill at 0.39 and the group triggers.
        Order bob = t.buyNo(BOB, "10", "0.61");

        assertEquals(OrderStatus.EXECUTED, t.exchange.getOrder(ALICE, first.orderId()).status());
        Order capped = t.exchange.getOrder(ALICE, second.orderId());
        assertAmount("2", capped.fillCount());
        assertEquals(OrderStatus.CANCELED, capped.status());
        assertAmount("5", bob.fillCount());
        assertEquals(OrderStatus.RESTING, bob.status()); // Bob's remaining 5 rest at NO 0.61
        // Alice paid 3 * 0.40 + 2 * 0.39 = 1.98 as maker, and nothing stays reserved
        assertAmount("998.02", t.balance(ALICE).cash());
        assertAmount("0", t.balance(ALICE).reserved());

        OrderGroup triggered = t.exchange.getOrderGroup(ALICE, group.id());
        assertTrue(triggered.triggered());
        assertAmount("5", triggered.matchedInWindow());
        assertEquals(List.of(first.orderId(), second.orderId()), triggered.orderIds());
        assertTrue(t.events.labels.contains("group TRIGGERED"));
    }

    @Test
    void triggeredGroupRejectsOrdersUntilReset() {
        OrderGroup group = t.exchange.createOrderGroup(ALICE, dec("5"));
        t.exchange.triggerOrderGroup(ALICE, group.id());

        ExchangeException e = assertRejected(ErrorCode.ORDER_GROUP_TRIGGERED,
                () -> inGroup(ALICE, group, Side.YES, "1", "0.40"));
        assertEquals(409, e.httpStatus());

        OrderGroup reset = t.exchange.resetOrderGroup(ALICE, group.id());
        assertFalse(reset.triggered());
        assertAmount("0", reset.matchedInWindow());
        assertEquals(OrderStatus.RESTING, inGroup(ALICE, group, Side.YES, "1", "0.40").status());
    }

    @Test
    void takerInAGroupFillsOnlyUpToTheLimit() {
        OrderGroup group = t.exchange.createOrderGroup(ALICE, dec("3"));
        t.buyNo(BOB, "10", "0.44");

        Order order = inGroup(ALICE, group, Side.YES, "10", "0.56");

        assertAmount("3", order.fillCount());
        assertEquals(OrderStatus.CANCELED, order.status()); // the remainder does not rest
        assertTrue(t.exchange.getOrderGroup(ALICE, group.id()).triggered());
        assertAmount("7", t.book().no().get(0).count());
    }

    @Test
    void lowerLimitAlreadyReachedTriggersTheGroup() {
        OrderGroup group = t.exchange.createOrderGroup(ALICE, dec("10"));
        inGroup(ALICE, group, Side.YES, "5", "0.40");
        Order resting = inGroup(ALICE, group, Side.YES, "5", "0.30");
        t.buyNo(BOB, "5", "0.60"); // matches the 5 at 0.40

        OrderGroup updated = t.exchange.updateOrderGroupLimit(ALICE, group.id(), dec("5"));

        assertTrue(updated.triggered());
        assertAmount("5", updated.contractsLimit());
        assertEquals(OrderStatus.CANCELED, t.exchange.getOrder(ALICE, resting.orderId()).status());
    }

    @Test
    void matchedContractsLeaveTheLimitAfterFifteenSeconds() {
        OrderGroup group = t.exchange.createOrderGroup(ALICE, dec("10"));
        inGroup(ALICE, group, Side.YES, "6", "0.40");
        t.buyNo(BOB, "6", "0.60");
        assertAmount("6", t.exchange.getOrderGroup(ALICE, group.id()).matchedInWindow());

        t.clock.advance(Duration.ofSeconds(15));

        assertAmount("0", t.exchange.getOrderGroup(ALICE, group.id()).matchedInWindow());
    }

    @Test
    void deleteCancelsTheGroupsOrdersAndRemovesIt() {
        OrderGroup group = t.exchange.createOrderGroup(ALICE, dec("10"));
        Order order = inGroup(ALICE, group, Side.YES, "5", "0.40");

        t.exchange.deleteOrderGroup(ALICE, group.id());

        assertEquals(OrderStatus.CANCELED, t.exchange.getOrder(ALICE, order.orderId()).status());
        assertEquals(group.id(), t.exchange.getOrder(ALICE, order.orderId()).orderGroupId());
        assertRejected(ErrorCode.ORDER_GROUP_NOT_FOUND, () -> t.exchange.getOrderGroup(ALICE, group.id()));
        assertTrue(t.exchange.listOrderGroups(ALICE).isEmpty());
    }

    @Test
    void groupsBelongToTheirAccountAndNeedAValidLimit() {
        OrderGroup group = t.exchange.createOrderGroup(ALICE, dec("10"));

        assertRejected(ErrorCode.ORDER_GROUP_NOT_FOUND, () -> t.exchange.getOrderGroup(BOB, group.id()));
        assertRejected(ErrorCode.ORDER_GROUP_NOT_FOUND, () -> inGroup(BOB, group, Side.YES, "1", "0.40"));
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.exchange.createOrderGroup(ALICE, dec("0")));
        OrderGroup unlimited = t.exchange.createOrderGroup(ALICE, null);
        assertNull(unlimited.contractsLimit());
        assertFalse(unlimited.autoCancelEnabled());
        assertTrue(group.autoCancelEnabled());
        assertEquals(List.of(group.id(), unlimited.id()),
                t.exchange.listOrderGroups(ALICE).stream().map(OrderGroup::id).toList());
    }

    @Test
    void groupEventsFollowTheGroupsLife() {
        OrderGroup group = t.exchange.createOrderGroup(ALICE, dec("10"));
        t.exchange.updateOrderGroupLimit(ALICE, group.id(), dec("20"));
        t.exchange.triggerOrderGroup(ALICE, group.id());
        t.exchange.resetOrderGroup(ALICE, group.id());
        t.exchange.deleteOrderGroup(ALICE, group.id());

        List<OrderGroupUpdateType> types = t.events.events.stream()
                .filter(OrderGroupUpdate.class::isInstance).map(e -> ((OrderGroupUpdate) e).type()).toList();
        assertEquals(List.of(OrderGroupUpdateType.CREATED, OrderGroupUpdateType.LIMIT_UPDATED,
                OrderGroupUpdateType.TRIGGERED, OrderGroupUpdateType.RESET, OrderGroupUpdateType.DELETED), types);
        OrderGroupUpdate limit = (OrderGroupUpdate) t.events.events.get(1);
        assertAmount("20", limit.contractsLimit());
        assertEquals("limit_updated", limit.type().wireValue());
    }
}
