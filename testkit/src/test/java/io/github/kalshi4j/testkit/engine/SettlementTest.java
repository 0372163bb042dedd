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
import java.util.List;
import org.junit.jupiter.api.Test;

final class SettlementTest {
    private final TestExchange t = new TestExchange();

    /**
     * Alice: +10 YES for 5.60, fee 0.18, cash 994.22. Bob: -10 (10 NO) for 4.40, cash 995.60.
     * Carol: a resting YES bid 10 @ 0.30 holding back 3.00.
     */
    private Order trade() {
        t.buyNo(BOB, "10", "0.44");
        t.buyYes(ALICE, "10", "0.56");
        return t.buyYes(CAROL, "10", "0.30");
    }

    @Test
    void yesResultPaysOneDollarPerYesContract() {
        Order carolsBid = trade();

        Market market = t.exchange.settle(MARKET, "yes");

        assertEquals(MarketStatus.FINALIZED, market.status());
        assertEquals(Side.YES, market.result());
        assertAmount("1.00", market.settlementValue());
        assertEquals(TestExchange.START, market.settlementTime());
        assertAmount("0", market.openInterest());
        assertAmount("1004.22", t.balance(ALICE).cash()); // 994.22 + 10 * 1.00
        assertAmount("995.60", t.balance(BOB).cash()); // NO contracts pay nothing
        // the resting bid was canceled and its reserve released
        assertEquals(OrderStatus.CANCELED, t.exchange.getOrder(CAROL, carolsBid.orderId()).status());
        assertAmount("0", t.balance(CAROL).reserved());
        assertAmount("1000", t.balance(CAROL).available());
        assertTrue(t.book().yes().isEmpty());
    }

    @Test
    void noResultPaysOneDollarPerNoContract() {
        trade();

        t.exchange.settle(MARKET, Side.NO);

        assertAmount("994.22", t.balance(ALICE).cash());
        assertAmount("1005.60", t.balance(BOB).cash()); // 995.60 + 10 * 1.00
    }

    @Test
    void settlementRecordsDescribeEachPosition() {
        trade();

        t.exchange.settle(MARKET, Side.YES);

        Settlement alice = t.exchange.listSettlements(ALICE, SettlementFilter.all()).get(0);
        assertEquals(MARKET, alice.ticker());
        assertEquals("KXTEST-26JAN31", alice.eventTicker());
        assertEquals(Side.YES, alice.marketResult());
        assertAmount("10", alice.yesCount());
        assertAmount("5.60", alice.yesTotalCost());
        assertAmount("0", alice.noCount());
        assertAmount("0", alice.noTotalCost());
        assertAmount("10.00", alice.revenue());
        assertEquals(1000L, alice.revenueCents());
        assertEquals(100L, alice.valueCents());
        assertAmount("0.18", alice.feeCost());
        Settlement bob = t.exchange.listSettlements(BOB, SettlementFilter.all()).get(0);
        assertAmount("0", bob.yesCount());
        assertAmount("10", bob.noCount());
        assertAmount("4.40", bob.noTotalCost());
        assertAmount("0", bob.revenue());
        // Carol never held a position: no settlement record
        assertTrue(t.exchange.listSettlements(CAROL, SettlementFilter.all()).isEmpty());
    }

    @Test
    void settlementClearsPositionsAndRealizesProfitAndLoss() {
        trade();

        t.exchange.settle(MARKET, Side.YES);

        MarketPosition alice = t.position(ALICE);
        assertAmount("0", alice.position());
        assertAmount("0", alice.marketExposure());
        assertAmount("4.40", alice.realizedPnl()); // 10.00 - 5.60
        assertAmount("-4.40", t.position(BOB).realizedPnl()); // 0 - 4.40
        assertAmount("0", t.balance(ALICE).portfolioValue());
    }

    @Test
    void settledMarketRejectsOrdersAndASecondSettlement() {
        trade();
        t.exchange.settle(MARKET, Side.YES);

        ExchangeException e = assertRejected(ErrorCode.MARKET_CLOSED, () -> t.buyYes(ALICE, "1", "0.50"));
        assertEquals(409, e.httpStatus());
        assertRejected(ErrorCode.MARKET_CLOSED, () -> t.exchange.settle(MARKET, Side.NO));
        assertRejected(ErrorCode.INVALID_PARAMETERS, () -> t.exchange.settle(TestExchange.OTHER_MARKET, "maybe"));
    }

    @Test
    void settlementEmitsLifecycleAndPositionEvents() {
        trade();
        t.events.clear();

        t.exchange.settle(MARKET, Side.YES);

        assertEquals(List.of(
                "delta yes 0.3000 -10.00 -> 0.00",
                "order CANCELED canceled",
                "lifecycle CLOSED",
                "lifecycle DETERMINED",
                "position 0.00",
                "position 0.00",
                "lifecycle SETTLED"), t.events.labels);
        MarketLifecycleEvent settled = (MarketLifecycleEvent) t.events.events.get(6);
        assertEquals("settled", settled.type().wireEventType());
        assertEquals(MarketStatus.FINALIZED, settled.market().status());
    }

    @Test
    void settledMarketsCanBeFilteredBySettlementTime() {
        trade();
        t.exchange.settle(MARKET, Side.YES);

        List<Market> settled = t.exchange.listMarkets(MarketFilter.all()
                .withStatus(MarketStatusFilter.SETTLED)
                .withSettledTime(TimeRange.between(TestExchange.START, TestExchange.START)));
        assertEquals(1, settled.size());
        assertEquals(MARKET, settled.get(0).ticker());
    }
}
