package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.CAROL;
import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import io.github.kalshi4j.ws.PriceLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time in force, post-only, buy_max_cost, reduce-only and expiration. */
final class OrderOptionsTest {
    private final TestExchange t = new TestExchange();

    private NewOrder.Builder buyYes(String count, String price) {
        return NewOrder.builder(MARKET, Side.YES, Action.BUY).count(count).price(price);
    }

    @Test
    void immediateOrCancelCancelsTheUnfilledRemainder() {
        t.buyNo(BOB, "4", "0.44");

        Order order = t.exchange.createOrder(ALICE, buyYes("10", "0.56").timeInForce(TimeInForce.IMMEDIATE_OR_CANCEL).build());

        assertEquals(OrderStatus.CANCELED, order.status());
        assertAmount("4", order.fillCount());
        assertAmount("0", order.remainingCount());
        assertTrue(t.book().yes().isEmpty());
        // 4 * 0.56 = 2.24, fee ceil(0.068992) = 0.07, nothing reserved
        assertAmount("997.69", t.balance(ALICE).cash());
        assertAmount("0", t.balance(ALICE).reserved());
    }

    @Test
    void fillOrKillWithoutEnoughVolumeIsRejectedAndChangesNothing() {
        Order resting = t.buyNo(BOB, "4", "0.44");
        t.events.clear();

        assertRejected(ErrorCode.FILL_OR_KILL_INSUFFICIENT_RESTING_VOLUME, () -> t.exchange.createOrder(ALICE,
                buyYes("10", "0.56").timeInForce(TimeInForce.FILL_OR_KILL).build()));

        assertEquals(List.of(new PriceLevel(TestExchange.dec("0.4400"), TestExchange.dec("4.00"))), t.book().no());
        assertAmount("4", t.exchange.getOrder(BOB, resting.orderId()).remainingCount());
        assertAmount("1000", t.balance(ALICE).cash());
        assertTrue(t.exchange.listOrders(ALICE, OrderFilter.all()).isEmpty());
        assertTrue(t.exchange.listTrades(TradeFilter.all()).isEmpty());
        assertTrue(t.events.labels.isEmpty(), () -> "no events expected, got " + t.events.labels);
    }

    @Test
    void fillOrKillWithEnoughVolumeFillsCompletely() {
        t.buyNo(BOB, "4", "0.44");
        t.buyNo(CAROL, "6", "0.43");

        Order order = t.exchange.createOrder(ALICE, buyYes("10", "0.57").timeInForce(TimeInForce.FILL_OR_KILL).build());

        assertEquals(OrderStatus.EXECUTED, order.status());
        assertAmount("10", order.fillCount());
        // 4 * 0.56 + 6 * 0.57 = 2.24 + 3.42 = 5.66
        assertAmount("5.66", order.takerFillCost());
    }

    @Test
    void postOnlyOrderThatWouldCrossIsRejected() {
        t.buyNo(BOB, "10", "0.44");

        assertRejected(ErrorCode.POST_ONLY_CROSS,
                () -> t.exchange.createOrder(ALICE, buyYes("10", "0.56").postOnly(true).build()));
        assertTrue(t.book().yes().isEmpty());

        // 0.55 + 0.44 = 0.99 does not cross, so it rests
        Order order = t.exchange.createOrder(ALICE, buyYes("10", "0.55").postOnly(true).build());
        assertEquals(OrderStatus.RESTING, order.status());
        assertTrue(order.postOnly());
    }

    @Test
    void buyMaxCostKillsTheOrderWhenTheFullCountCostsMore() {
        t.buyNo(BOB, "5", "0.44");
        t.buyNo(CAROL, "5", "0.40");
        // filling 10 costs 5 * (1 - 0.44) + 5 * (1 - 0.40) = 2.80 + 3.00 = 5.80 = 580 cents

        assertRejected(ErrorCode.FILL_OR_KILL_INSUFFICIENT_RESTING_VOLUME,
                () -> t.exchange.createOrder(ALICE, buyYes("10", "0.60").buyMaxCostCents(579L).build()));
        assertAmount("1000", t.balance(ALICE).cash());
        assertEquals(2, t.book().no().size());

        Order order = t.exchange.createOrder(ALICE, buyYes("10", "0.60").buyMaxCostCents(580L).build());
        assertEquals(OrderStatus.EXECUTED, order.status());
        assertEquals(580L, order.buyMaxCostCents());
        // fees: ceil(0.07*5*0.56*0.44 = 0.08624) = 0.09 and ceil(0.07*5*0.60*0.40 = 0.084) = 0.09
        // cash = 1000 - 5.80 - 0.18
        assertAmount("994.02", t.balance(ALICE).cash());
    }

    @Test
    void buyMaxCostAlsoKillsWhenVolumeIsShort() {
        t.buyNo(BOB, "5", "0.44");

        assertRejected(ErrorCode.FILL_OR_KILL_INSUFFICIENT_RESTING_VOLUME,
                () -> t.exchange.createOrder(ALICE, buyYes("6", "0.60").buyMaxCostCents(10_000L).build()));
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.exchange.createOrder(ALICE,
                NewOrder.builder(MARKET, Side.YES, Action.SELL).count("1").price("0.50").buyMaxCostCents(100L).build()));
    }

    @Test
    void reduceOnlyCapsTheCountAtThePositionItReduces() {
        t.buyNo(BOB, "3", "0.44");
        t.buyYes(ALICE, "3", "0.56"); // Alice now holds 3 YES
        t.buyYes(CAROL, "10", "0.60");

        Order sell = t.exchange.createOrder(ALICE, NewOrder.builder(MARKET, Side.YES, Action.SELL)
                .count("10").price("0.60").reduceOnly(true).build());

        assertAmount("3", sell.initialCount());
        assertAmount("3", sell.fillCount());
        assertAmount("0", t.position(ALICE).position());
        assertRejected(ErrorCode.REDUCE_ONLY_WOULD_INCREASE_POSITION, () -> t.exchange.createOrder(ALICE,
                NewOrder.builder(MARKET, Side.YES, Action.SELL).count("1").price("0.60").reduceOnly(true).build()));
    }

    @Test
    void restingOrderIsCanceledWhenItsExpirationPasses() {
        Order order = t.exchange.createOrder(ALICE,
                buyYes("10", "0.40").expirationTime(TestExchange.START.plusSeconds(60)).build());
        assertEquals(OrderStatus.RESTING, order.status());
        assertAmount("4.00", t.balance(ALICE).reserved());

        t.clock.advance(Duration.ofSeconds(59));
        assertEquals(OrderStatus.RESTING, t.exchange.getOrder(ALICE, order.orderId()).status());

        t.clock.advance(Duration.ofSeconds(1));
        Order expired = t.exchange.getOrder(ALICE, order.orderId());
        assertEquals(OrderStatus.CANCELED, expired.status());
        assertAmount("0", t.balance(ALICE).reserved());
        assertTrue(t.book().yes().isEmpty());
    }

    @Test
    void expirationAlreadyPassedBehavesLikeImmediateOrCancel() {
        t.buyNo(BOB, "2", "0.44");

        Order order = t.exchange.createOrder(ALICE, buyYes("10", "0.56").expirationTime(TestExchange.START).build());

        assertAmount("2", order.fillCount());
        assertEquals(OrderStatus.CANCELED, order.status());
        assertTrue(t.book().yes().isEmpty());
    }

    @Test
    void expirationCannotBeCombinedWithImmediateOrCancel() {
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.exchange.createOrder(ALICE, buyYes("1", "0.40")
                .timeInForce(TimeInForce.IMMEDIATE_OR_CANCEL).expirationTime(TestExchange.START.plusSeconds(60)).build()));
    }

    @Test
    void duplicateClientOrderIdIsRejectedAndTheOriginalCanBeFound() {
        Order first = t.exchange.createOrder(ALICE, buyYes("1", "0.40").clientOrderId("retry-1").build());

        assertRejected(ErrorCode.ORDER_ALREADY_EXISTS,
                () -> t.exchange.createOrder(ALICE, buyYes("1", "0.40").clientOrderId("retry-1").build()));

        assertEquals(first.orderId(), t.exchange.findOrderByClientOrderId(ALICE, "retry-1").orElseThrow().orderId());
        assertTrue(t.exchange.findOrderByClientOrderId(BOB, "retry-1").isEmpty());
        // another account may use the same client order id
        t.exchange.createOrder(BOB, buyYes("1", "0.40").clientOrderId("retry-1").build());
    }
}
