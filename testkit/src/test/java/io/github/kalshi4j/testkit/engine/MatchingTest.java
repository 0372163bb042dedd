package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.CAROL;
import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.WHOLE_MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import io.github.kalshi4j.ws.PriceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MatchingTest {
    private final TestExchange t = new TestExchange();

    @Test
    void yesBidCrossesNoBidWhenPricesSumToOne() {
        Order maker = t.buyNo(BOB, "10", "0.44");
        // 0.56 + 0.44 = 1.00 >= 1: the orders cross.
        Order taker = t.buyYes(ALICE, "10", "0.56");

        assertEquals(OrderStatus.EXECUTED, taker.status());
        assertAmount("10", taker.fillCount());
        assertAmount("0", taker.remainingCount());
        assertEquals(OrderStatus.EXECUTED, t.exchange.getOrder(BOB, maker.orderId()).status());
        Trade trade = t.exchange.listTrades(TradeFilter.all()).get(0);
        assertAmount("0.56", trade.yesPrice());
        assertAmount("0.44", trade.noPrice());
        assertAmount("10", trade.count());
        assertEquals(Side.YES, trade.takerSide());
        assertTrue(t.book().yes().isEmpty() && t.book().no().isEmpty());
    }

    @Test
    void bidsSummingToLessThanOneBothRest() {
        t.buyNo(BOB, "10", "0.44");
        // 0.55 + 0.44 = 0.99 < 1: no trade.
        Order order = t.buyYes(ALICE, "10", "0.55");

        assertEquals(OrderStatus.RESTING, order.status());
        assertEquals(List.of(new PriceLevel(TestExchange.dec("0.5500"), TestExchange.dec("10.00"))), t.book().yes());
        assertEquals(List.of(new PriceLevel(TestExchange.dec("0.4400"), TestExchange.dec("10.00"))), t.book().no());
        Market market = t.exchange.getMarket(MARKET);
        assertAmount("0.55", market.yesBid());
        assertAmount("0.56", market.yesAsk()); // 1 - best NO bid 0.44
        assertAmount("0.44", market.noBid());
        assertAmount("0.45", market.noAsk()); // 1 - best YES bid 0.55
        assertAmount("10", market.yesBidSize());
        assertAmount("10", market.yesAskSize());
        assertTrue(t.exchange.listTrades(TradeFilter.all()).isEmpty());
    }

    @Test
    void tradeExecutesAtTheRestingOrdersPrice() {
        t.buyNo(BOB, "5", "0.40");
        // Alice is willing to pay 0.70 but the resting NO bid at 0.40 offers YES at 1 - 0.40 = 0.60.
        Order taker = t.buyYes(ALICE, "5", "0.70");

        assertAmount("0.60", t.exchange.listTrades(TradeFilter.all()).get(0).yesPrice());
        assertAmount("3.00", taker.takerFillCost()); // 5 * 0.60
        // fee = ceil(0.07 * 5 * 0.60 * 0.40 = 0.084) = 0.09; cash = 1000 - 3.00 - 0.09
        assertAmount("996.91", t.balance(ALICE).cash());
        assertAmount("0.70", taker.yesPrice()); // the order keeps its limit price
    }

    @Test
    void earlierOrderAtTheSamePriceFillsFirst() {
        Order first = t.buyNo(BOB, "5", "0.44");
        Order second = t.buyNo(CAROL, "5", "0.44");

        t.buyYes(ALICE, "5", "0.56");

        assertEquals(OrderStatus.EXECUTED, t.exchange.getOrder(BOB, first.orderId()).status());
        Order untouched = t.exchange.getOrder(CAROL, second.orderId());
        assertEquals(OrderStatus.RESTING, untouched.status());
        assertAmount("5", untouched.remainingCount());
        assertAmount("-5", t.position(BOB).position());
    }

    @Test
    void betterPricedOrderFillsBeforeAnEarlierWorseOne() {
        Order earlierWorse = t.buyNo(BOB, "5", "0.40");
        Order laterBetter = t.buyNo(CAROL, "5", "0.45");

        // Alice's YES 0.60 crosses both (0.60 + 0.40 = 1.00, 0.60 + 0.45 = 1.05); the best NO bid wins.
        Order taker = t.buyYes(ALICE, "5", "0.60");

        assertEquals(OrderStatus.EXECUTED, t.exchange.getOrder(CAROL, laterBetter.orderId()).status());
        assertEquals(OrderStatus.RESTING, t.exchange.getOrder(BOB, earlierWorse.orderId()).status());
        assertAmount("0.55", t.exchange.listTrades(TradeFilter.all()).get(0).yesPrice()); // 1 - 0.45
        // 5 * 0.55 = 2.75; fee = ceil(0.07 * 5 * 0.55 * 0.45 = 0.086625) = 0.09
        assertAmount("2.75", taker.takerFillCost());
        assertAmount("0.09", taker.takerFees());
    }

    @Test
    void takerSweepsLevelsBestFirstWithOneTradePerRestingOrder() {
        t.buyNo(BOB, "3", "0.45");
        t.buyNo(CAROL, "4", "0.42");

        Order taker = t.buyYes(ALICE, "7", "0.58");

        List<Trade> trades = t.exchange.listTrades(TradeFilter.all().withTicker(MARKET));
        assertEquals(2, trades.size());
        // newest first: the second fill at 1 - 0.42 = 0.58, the first at 1 - 0.45 = 0.55
        assertAmount("0.58", trades.get(0).yesPrice());
        assertAmount("0.55", trades.get(1).yesPrice());
        // 3 * 0.55 + 4 * 0.58 = 1.65 + 2.32 = 3.97
        assertAmount("3.97", taker.takerFillCost());
        // fees per fill: ceil(0.07*3*0.55*0.45 = 0.051975) = 0.06, ceil(0.07*4*0.58*0.42 = 0.068208) = 0.07
        assertAmount("0.13", taker.takerFees());
    }

    @Test
    void partialFillLeavesTheRemainderResting() {
        t.buyNo(BOB, "4", "0.44");

        Order order = t.buyYes(ALICE, "10", "0.56");

        assertEquals(OrderStatus.RESTING, order.status());
        assertAmount("10", order.initialCount());
        assertAmount("4", order.fillCount());
        assertAmount("6", order.remainingCount());
        assertEquals(List.of(new PriceLevel(TestExchange.dec("0.5600"), TestExchange.dec("6.00"))), t.book().yes());
        assertTrue(t.book().no().isEmpty());
        Balance balance = t.balance(ALICE);
        // paid 4 * 0.56 = 2.24 and fee ceil(0.07 * 4 * 0.56 * 0.44 = 0.068992) = 0.07: 1000 - 2.31
        assertAmount("997.69", balance.cash());
        // the resting 6 contracts hold back 6 * 0.56 = 3.36
        assertAmount("3.36", balance.reserved());
        assertAmount("994.33", balance.available());
    }

    @Test
    void sellingYesWithoutAPositionBidsNoAtOneMinusPrice() {
        Order sell = t.limit(BOB, Side.YES, Action.SELL, "5", "0.60");

        assertEquals(OrderStatus.RESTING, sell.status());
        assertAmount("0.60", sell.yesPrice());
        assertAmount("0.40", sell.noPrice());
        // on the book it is a NO bid at 1 - 0.60 = 0.40, collateralised at 5 * 0.40 = 2.00
        assertEquals(List.of(new PriceLevel(TestExchange.dec("0.4000"), TestExchange.dec("5.00"))), t.book().no());
        assertAmount("2.00", t.balance(BOB).reserved());

        // buying YES at 0.60 crosses it (0.60 + 0.40 = 1.00); Bob ends up short YES, i.e. long NO
        t.buyYes(ALICE, "5", "0.60");
        assertAmount("-5", t.position(BOB).position());
        assertAmount("5", t.position(ALICE).position());
    }

    @Test
    void marketOrderTakesWhatTheBookOffersAndNeverRests() {
        t.buyNo(BOB, "3", "0.44");

        Order order = t.exchange.createOrder(ALICE,
                NewOrder.builder(MARKET, Side.YES, Action.BUY).type(OrderType.MARKET).count("5").build());

        assertEquals(OrderType.MARKET, order.type());
        assertAmount("3", order.fillCount());
        assertAmount("0", order.remainingCount());
        assertEquals(OrderStatus.CANCELED, order.status());
        assertAmount("0.99", order.yesPrice()); // the most aggressive linear_cent price
        assertTrue(t.book().yes().isEmpty());
    }

    @Test
    void fractionalCountsTradeWhereTheMarketAllowsThem() {
        t.buyNo(BOB, "2.50", "0.44");

        Order order = t.buyYes(ALICE, "2.5", "0.56");

        assertAmount("2.50", order.fillCount());
        // 2.5 * 0.56 = 1.40; fee = ceil(0.07 * 2.5 * 0.56 * 0.44 = 0.04312) = 0.05
        assertAmount("998.55", t.balance(ALICE).cash());
        assertAmount("2.5", t.position(ALICE).position());
    }

    @Test
    void fractionalCountIsRejectedOnAWholeContractMarket() {
        assertRejected(ErrorCode.INVALID_PARAMETERS,
                () -> t.exchange.createOrder(ALICE, NewOrder.limit(WHOLE_MARKET, Side.YES, Action.BUY, "2.5", "0.50")));
    }

    @Test
    void invalidPricesAndCountsAreRejected() {
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.buyYes(ALICE, "10", "1.00"));
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.buyYes(ALICE, "10", "0.00"));
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.buyYes(ALICE, "10", "0.555")); // off the cent grid
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.buyYes(ALICE, "0", "0.50"));
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.buyYes(ALICE, "1.005", "0.50"));
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.exchange.createOrder(ALICE,
                NewOrder.builder(MARKET, Side.YES, Action.BUY).count("1").yesPrice(TestExchange.dec("0.40"))
                        .noPrice(TestExchange.dec("0.50")).build()));
        assertRejected(ErrorCode.MARKET_NOT_FOUND,
                () -> t.exchange.createOrder(ALICE, NewOrder.limit("KXNOPE-1", Side.YES, Action.BUY, "1", "0.50")));
        assertTrue(t.exchange.listOrders(ALICE, OrderFilter.all()).isEmpty());
    }

    @Test
    void queuePositionCountsContractsAheadAtTheSamePrice() {
        Order bob = t.buyYes(BOB, "10", "0.40");
        Order carol = t.buyYes(CAROL, "7", "0.40");
        Order alice = t.buyYes(ALICE, "5", "0.40");
        t.buyYes(ALICE, "9", "0.41"); // a better price is a different level and is not counted

        assertAmount("0", t.exchange.getQueuePosition(BOB, bob.orderId()));
        assertAmount("10", t.exchange.getQueuePosition(CAROL, carol.orderId()));
        assertAmount("17", t.exchange.getQueuePosition(ALICE, alice.orderId())); // 10 + 7

        // a NO buyer at 0.60 takes 9 at 0.41 first, then 4 of Bob's 10 at 0.40
        t.exchange.deposit(TestExchange.DAVE, TestExchange.dec("100"));
        t.exchange.createOrder(TestExchange.DAVE, NewOrder.limit(MARKET, Side.NO, Action.BUY, "13", "0.60"));
        assertAmount("13", t.exchange.getQueuePosition(ALICE, alice.orderId())); // 6 + 7
        List<QueuePosition> positions = t.exchange.listQueuePositions(ALICE, null, null);
        assertEquals(1, positions.size());
        assertEquals(alice.orderId(), positions.get(0).orderId());
    }
}
