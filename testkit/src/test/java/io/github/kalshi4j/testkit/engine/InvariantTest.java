package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.SelfTradePreventionType;
import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import io.github.kalshi4j.ws.PriceLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random but reproducible order flow, checking after every step what must always hold: money is
 * neither created nor destroyed (cash + fees paid + $1 per open YES/NO pair is constant), no account
 * spends more than it has, and the book matches the resting orders.
 */
final class InvariantTest {
    private static final List<String> TRADERS = List.of(TestExchange.ALICE, TestExchange.BOB, TestExchange.CAROL);

    @Test
    void randomOrderFlowConservesMoneyAndNeverOverdraws() {
        for (long seed = 1; seed <= 5; seed++) {
            run(new Random(seed));
        }
    }

    private void run(Random random) {
        TestExchange t = new TestExchange();
        BigDecimal initial = total(t);
        for (int step = 0; step < 400; step++) {
            String user = TRADERS.get(random.nextInt(TRADERS.size()));
            Side side = random.nextBoolean() ? Side.YES : Side.NO;
            Action action = random.nextInt(3) == 0 ? Action.SELL : Action.BUY;
            String price = "0." + (30 + random.nextInt(41)); // 0.30 .. 0.70
            String count = String.valueOf(1 + random.nextInt(20));
            List<Order> resting = t.exchange.listOrders(user, OrderFilter.all().withStatus(OrderStatus.RESTING));
            try {
                int choice = random.nextInt(10);
                if (choice < 6 || resting.isEmpty()) {
                    TimeInForce tif = random.nextInt(4) == 0 ? TimeInForce.IMMEDIATE_OR_CANCEL : null;
                    t.exchange.createOrder(user, NewOrder.builder(MARKET, side, action).count(count).price(price)
                            .timeInForce(tif).selfTradePreventionType(random.nextBoolean()
                                    ? SelfTradePreventionType.MAKER : SelfTradePreventionType.TAKER_AT_CROSS).build());
                } else {
                    Order target = resting.get(random.nextInt(resting.size()));
                    if (choice == 6) {
                        t.exchange.cancelOrder(user, target.orderId());
                    } else if (choice == 7) {
                        t.exchange.decreaseOrder(user, target.orderId(), OrderDecrease.by("1"));
                    } else {
                        BigDecimal newPrice = new BigDecimal(price);
                        t.exchange.amendOrder(user, target.orderId(), new OrderAmendment(MARKET, target.side(),
                                target.action(), null, null, target.side() == Side.YES ? newPrice : null,
                                target.side() == Side.NO ? newPrice : null,
                                target.fillCount().add(new BigDecimal(count))));
                    }
                }
            } catch (ExchangeException e) {
                assertTrue(e.errorCode() == ErrorCode.INSUFFICIENT_BALANCE, () -> "unexpected rejection " + e);
            }
            check(t, initial);
        }
        int trades = t.exchange.listTrades(TradeFilter.all()).size();
        assertTrue(trades > 100, () -> "the random flow should trade a lot, traded " + trades + " times");
        for (String user : TRADERS) {
            for (Order order : t.exchange.listOrders(user, OrderFilter.all().withStatus(OrderStatus.RESTING))) {
                t.exchange.cancelOrder(user, order.orderId());
            }
            TestExchange.assertAmount("0", t.balance(user).reserved(), user + " reserve after canceling everything");
        }
        t.exchange.settle(MARKET, random.nextBoolean() ? Side.YES : Side.NO);
        check(t, initial);
        TestExchange.assertAmount("0", t.exchange.getMarket(MARKET).openInterest());
    }

    private static BigDecimal total(TestExchange t) {
        BigDecimal sum = t.exchange.getMarket(MARKET).openInterest();
        for (String user : TRADERS) {
            sum = sum.add(t.balance(user).cash());
            for (MarketPosition position : t.exchange.listMarketPositions(user, PositionFilter.all())) {
                sum = sum.add(position.feesPaid());
            }
        }
        return sum;
    }

    private static void check(TestExchange t, BigDecimal initial) {
        TestExchange.assertAmount(initial.toPlainString(), total(t), "cash + fees + open interest");
        BigDecimal yesResting = BigDecimal.ZERO;
        BigDecimal noResting = BigDecimal.ZERO;
        BigDecimal longs = BigDecimal.ZERO;
        BigDecimal shorts = BigDecimal.ZERO;
        for (String user : TRADERS) {
            Balance balance = t.balance(user);
            assertTrue(balance.available().signum() >= 0, () -> user + " overdrawn: " + balance);
            assertTrue(balance.reserved().signum() >= 0, () -> user + " negative reserve: " + balance);
            for (Order order : t.exchange.listOrders(user, OrderFilter.all().withStatus(OrderStatus.RESTING))) {
                boolean yesBid = (order.side() == Side.YES) == (order.action() == Action.BUY);
                if (yesBid) {
                    yesResting = yesResting.add(order.remainingCount());
                } else {
                    noResting = noResting.add(order.remainingCount());
                }
                assertTrue(order.fillCount().add(order.remainingCount()).compareTo(order.initialCount()) <= 0,
                        () -> "filled + remaining exceeds the order size: " + order);
            }
            BigDecimal position = t.exchange.listMarketPositions(user, PositionFilter.all().withTicker(MARKET)).stream()
                    .map(MarketPosition::position).findFirst().orElse(BigDecimal.ZERO);
            if (position.signum() > 0) {
                longs = longs.add(position);
            } else {
                shorts = shorts.add(position.negate());
            }
        }
        Orderbook book = t.book();
        TestExchange.assertAmount(yesResting.toPlainString(), sum(book.yes()), "YES book vs resting orders");
        TestExchange.assertAmount(noResting.toPlainString(), sum(book.no()), "NO book vs resting orders");
        if (!book.yes().isEmpty() && !book.no().isEmpty()) {
            assertTrue(book.yes().get(0).price().add(book.no().get(0).price()).compareTo(BigDecimal.ONE) < 0,
                    "book must never rest crossed");
        }
        TestExchange.assertAmount(longs.toPlainString(), shorts, "every YES held has a NO held against it");
        TestExchange.assertAmount(longs.toPlainString(), t.exchange.getMarket(MARKET).openInterest(), "open interest");
    }

    private static BigDecimal sum(List<PriceLevel> levels) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PriceLevel level : levels) {
            sum = sum.add(level.count());
        }
        return sum;
    }
}
