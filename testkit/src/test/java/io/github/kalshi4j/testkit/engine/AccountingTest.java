package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.CAROL;
import static io.github.kalshi4j.testkit.engine.TestExchange.DAVE;
import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cash, reserves, positions and balance checks. */
final class AccountingTest {
    private final TestExchange t = new TestExchange();

    /** Bob rests NO 10 @ 0.44, Alice takes it with YES 10 @ 0.56. */
    private void aliceBuysTenYesFromBob() {
        t.buyNo(BOB, "10", "0.44");
        t.buyYes(ALICE, "10", "0.56");
    }

    @Test
    void bothSidesPayForTheirContractsAndOnlyTheTakerPaysTheFee() {
        t.buyNo(BOB, "10", "0.44");
        assertAmount("4.40", t.balance(BOB).reserved()); // 10 * 0.44 held for the resting bid
        assertAmount("995.60", t.balance(BOB).available());

        t.buyYes(ALICE, "10", "0.56");

        // Alice: 1000 - 10 * 0.56 - fee ceil(0.17248) = 1000 - 5.60 - 0.18
        assertAmount("994.22", t.balance(ALICE).cash());
        assertAmount("994.22", t.balance(ALICE).available());
        // Bob (maker, quadratic series: no maker fee): 1000 - 10 * 0.44
        assertAmount("995.60", t.balance(BOB).cash());
        assertAmount("0", t.balance(BOB).reserved());
        // Kalshi's balance field is the available cash in cents
        assertEquals(99422L, t.balance(ALICE).availableCents());
    }

    @Test
    void yesHoldingsArePositiveAndNoHoldingsNegative() {
        aliceBuysTenYesFromBob();

        MarketPosition alice = t.position(ALICE);
        assertAmount("10", alice.position());
        assertAmount("5.60", alice.marketExposure());
        assertAmount("0.18", alice.feesPaid());
        assertAmount("5.60", alice.totalTraded());
        assertAmount("10", alice.volume());
        MarketPosition bob = t.position(BOB);
        assertAmount("-10", bob.position());
        assertAmount("4.40", bob.marketExposure());
        assertAmount("0", bob.feesPaid());
        Market market = t.exchange.getMarket(MARKET);
        assertAmount("0.56", market.lastPrice());
        assertAmount("10", market.volume());
        assertAmount("10", market.openInterest());
    }

    @Test
    void fillsRecordBothSidesOfTheTrade() {
        aliceBuysTenYesFromBob();

        Trade trade = t.exchange.listTrades(TradeFilter.all()).get(0);
        Fill taker = t.exchange.listFills(ALICE, FillFilter.all()).get(0);
        Fill maker = t.exchange.listFills(BOB, FillFilter.all()).get(0);
        assertEquals(trade.tradeId(), taker.tradeId());
        assertEquals(trade.tradeId(), maker.tradeId());
        assertTrue(taker.taker());
        assertFalse(maker.taker());
        assertEquals(Side.YES, taker.side());
        assertEquals(Side.NO, maker.side());
        assertEquals(Action.BUY, maker.action());
        assertAmount("0.56", maker.yesPrice());
        assertAmount("0.44", maker.noPrice());
        assertAmount("0.18", taker.feeCost());
        assertAmount("0", maker.feeCost());
        assertAmount("10", taker.postPosition());
        assertAmount("-10", maker.postPosition());
        assertEquals(TestExchange.START, taker.createdTime());
    }

    @Test
    void sellingHeldYesClosesThePositionAndRealizesProfit() {
        aliceBuysTenYesFromBob(); // Alice holds 10 YES at a cost of 5.60, cash 994.22
        t.buyYes(CAROL, "10", "0.70");

        // selling YES at 0.70 is a NO bid at 0.30, which crosses Carol's YES bid (0.70 + 0.30 = 1.00)
        Order sell = t.limit(ALICE, Side.YES, Action.SELL, "10", "0.70");

        assertEquals(OrderStatus.EXECUTED, sell.status());
        assertAmount("7.00", sell.takerFillCost()); // 10 YES valued at 0.70
        // pays 10 * 0.30 for NO, redeems 10 YES+NO pairs for 10.00, fee ceil(0.07*10*0.70*0.30 = 0.147) = 0.15
        // 994.22 - 3.00 + 10.00 - 0.15 = 1001.07
        assertAmount("1001.07", t.balance(ALICE).cash());
        MarketPosition alice = t.position(ALICE);
        assertAmount("0", alice.position());
        assertAmount("0", alice.marketExposure());
        assertAmount("1.40", alice.realizedPnl()); // 10 * 0.70 - 5.60
        assertAmount("0.33", alice.feesPaid()); // 0.18 + 0.15
        Fill fill = t.exchange.listFills(ALICE, FillFilter.all()).get(0);
        assertEquals(Action.SELL, fill.action());
        assertEquals(Side.NO, fill.purchasedSide());
        assertAmount("0", fill.postPosition());
        // Carol now holds the 10 YES; open interest is unchanged
        assertAmount("10", t.position(CAROL).position());
        assertAmount("10", t.exchange.getMarket(MARKET).openInterest());
    }

    @Test
    void partialCloseTakesAProportionalShareOfTheCostBasis() {
        aliceBuysTenYesFromBob(); // 10 YES, cost 5.60
        t.buyYes(CAROL, "4", "0.60");

        t.limit(ALICE, Side.YES, Action.SELL, "4", "0.60");

        MarketPosition alice = t.position(ALICE);
        assertAmount("6", alice.position());
        assertAmount("3.36", alice.marketExposure()); // 5.60 * 6 / 10
        assertAmount("0.16", alice.realizedPnl()); // 4 * 0.60 - 5.60 * 4 / 10 = 2.40 - 2.24
    }

    @Test
    void sellOrderBackedByAPositionNeedsNoCollateral() {
        aliceBuysTenYesFromBob();

        t.limit(ALICE, Side.YES, Action.SELL, "10", "0.90");

        // the NO bid at 0.10 is covered by the 10 YES held: nothing is reserved
        assertAmount("0", t.balance(ALICE).reserved());
        assertAmount("994.22", t.balance(ALICE).available());
    }

    @Test
    void orderIsRejectedWhenCashCannotCoverTheRestingReserve() {
        // Dave has 5.00: 10 @ 0.56 would hold back 5.60
        assertRejected(ErrorCode.INSUFFICIENT_BALANCE, () -> t.buyYes(DAVE, "10", "0.56"));
        // 10 @ 0.50 = 5.00 exactly fits
        t.buyYes(DAVE, "10", "0.50");
        assertAmount("0", t.balance(DAVE).available());
        assertRejected(ErrorCode.INSUFFICIENT_BALANCE, () -> t.buyYes(DAVE, "1", "0.01"));
        assertEquals(1, t.exchange.listOrders(DAVE, OrderFilter.all()).size());
    }

    @Test
    void takerMustAlsoAffordTheFee() {
        t.buyNo(BOB, "10", "0.44");

        // 9 @ 0.56 = 5.04, plus fee ceil(0.07 * 9 * 0.56 * 0.44 = 0.155232) = 0.16: 5.20 > 5.00
        ExchangeException e = assertRejected(ErrorCode.INSUFFICIENT_BALANCE, () -> t.buyYes(DAVE, "9", "0.56"));
        assertEquals(400, e.httpStatus());
        assertEquals("insufficient_balance", e.code());
        assertAmount("10", t.book().no().get(0).count());

        // 8 @ 0.56 = 4.48 plus fee ceil(0.137984) = 0.14: 4.62 fits
        t.buyYes(DAVE, "8", "0.56");
        assertAmount("0.38", t.balance(DAVE).cash());
    }

    @Test
    void reservesOfSeveralOrdersAddUp() {
        t.buyYes(DAVE, "6", "0.50"); // holds back 3.00, 2.00 left
        assertRejected(ErrorCode.INSUFFICIENT_BALANCE, () -> t.buyYes(DAVE, "6", "0.40")); // needs 2.40
        t.buyYes(DAVE, "5", "0.40"); // needs exactly 2.00
        assertAmount("5.00", t.balance(DAVE).reserved());
        assertAmount("5.00", t.exchange.totalRestingOrderValue(DAVE));
    }

    @Test
    void depositAddsCash() {
        t.exchange.deposit(DAVE, TestExchange.dec("20"));
        assertAmount("25", t.balance(DAVE).cash());
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.exchange.deposit(DAVE, TestExchange.dec("-1")));
    }

    @Test
    void portfolioValueMarksPositionsAtTheLastPrice() {
        aliceBuysTenYesFromBob();
        // last trade 0.56: Alice's 10 YES are worth 5.60, Bob's 10 NO 10 * (1 - 0.56) = 4.40
        assertAmount("5.60", t.balance(ALICE).portfolioValue());
        assertAmount("4.40", t.balance(BOB).portfolioValue());
    }

    @Test
    void eventPositionsAggregateTheMarketsOfAnEvent() {
        aliceBuysTenYesFromBob();
        t.exchange.createOrder(BOB, NewOrder.limit(TestExchange.OTHER_MARKET, Side.NO, Action.BUY, "5", "0.30"));
        t.exchange.createOrder(ALICE, NewOrder.limit(TestExchange.OTHER_MARKET, Side.YES, Action.BUY, "5", "0.70"));

        List<EventPosition> events = t.exchange.listEventPositions(ALICE, PositionFilter.all());
        assertEquals(1, events.size());
        EventPosition event = events.get(0);
        assertEquals("KXTEST-26JAN31", event.eventTicker());
        assertAmount("9.10", event.totalCost()); // 5.60 + 5 * 0.70
        assertAmount("15", event.totalCostShares());
        assertAmount("9.10", event.eventExposure());
        // fees 0.18 + ceil(0.07 * 5 * 0.70 * 0.30 = 0.0735) = 0.18 + 0.08
        assertAmount("0.26", event.feesPaid());
    }

    @Test
    void positionFilterKeepsNonZeroPositions() {
        aliceBuysTenYesFromBob();
        t.buyYes(CAROL, "10", "0.56");
        t.limit(ALICE, Side.YES, Action.SELL, "10", "0.56");

        assertEquals(1, t.exchange.listMarketPositions(ALICE, PositionFilter.all()).size());
        assertTrue(t.exchange.listMarketPositions(ALICE,
                PositionFilter.all().withNonZero(java.util.Set.of(PositionFilter.Field.POSITION))).isEmpty());
        assertEquals(1, t.exchange.listMarketPositions(ALICE,
                PositionFilter.all().withNonZero(java.util.Set.of(PositionFilter.Field.TOTAL_TRADED))).size());
    }
}
