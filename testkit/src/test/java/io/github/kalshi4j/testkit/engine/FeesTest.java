package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.CAROL;
import static io.github.kalshi4j.testkit.engine.TestExchange.DAVE;
import static io.github.kalshi4j.testkit.engine.TestExchange.MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.MAKER_FEE_MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static io.github.kalshi4j.testkit.engine.TestExchange.dec;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FeesTest {

    @Test
    void takerFeeIsSevenPercentOfCTimesPTimesOneMinusPRoundedUpToTheCent() {
        // 0.07 * 10 * 0.56 * 0.44 = 0.17248 -> 0.18
        assertAmount("0.18", Fees.takerFee(FeeType.QUADRATIC, dec("1"), dec("10"), dec("0.56")));
        // 0.07 * 1 * 0.50 * 0.50 = 0.0175 -> 0.02
        assertAmount("0.02", Fees.takerFee(FeeType.QUADRATIC, dec("1"), dec("1"), dec("0.50")));
        // 0.07 * 100 * 0.50 * 0.50 = 1.75 exactly, no rounding
        assertAmount("1.75", Fees.takerFee(FeeType.QUADRATIC, dec("1"), dec("100"), dec("0.50")));
    }

    @Test
    void feeMultiplierScalesTheFee() {
        // 0.07 * 0.5 * 10 * 0.56 * 0.44 = 0.08624 -> 0.09
        assertAmount("0.09", Fees.takerFee(FeeType.QUADRATIC, dec("0.5"), dec("10"), dec("0.56")));
    }

    @Test
    void makersPayOnlyOnSeriesWithMakerFees() {
        assertAmount("0", Fees.makerFee(FeeType.QUADRATIC, dec("1"), dec("10"), dec("0.56")));
        // 0.0175 * 10 * 0.56 * 0.44 = 0.04312 -> 0.05
        assertAmount("0.05", Fees.makerFee(FeeType.QUADRATIC_WITH_MAKER_FEES, dec("1"), dec("10"), dec("0.56")));
    }

    @Test
    void feeIsTheSameWhetherPricedAsYesOrNo() {
        assertAmount("0.18", Fees.takerFee(FeeType.QUADRATIC, dec("1"), dec("10"), dec("0.44")));
    }

    @Test
    void makerFeeIsReservedWhileRestingAndChargedOnTheFill() {
        TestExchange t = new TestExchange();
        t.exchange.createOrder(BOB, NewOrder.limit(MAKER_FEE_MARKET, Side.NO, Action.BUY, "10", "0.44"));
        // reserve = 10 * 0.44 + maker fee ceil(0.0175 * 10 * 0.44 * 0.56 = 0.04312) = 4.40 + 0.05
        assertAmount("4.45", t.balance(BOB).reserved());

        Order taker = t.exchange.createOrder(ALICE, NewOrder.limit(MAKER_FEE_MARKET, Side.YES, Action.BUY, "10", "0.56"));

        assertAmount("0.18", taker.takerFees());
        assertAmount("994.22", t.balance(ALICE).cash()); // 1000 - 5.60 - 0.18
        assertAmount("995.55", t.balance(BOB).cash()); // 1000 - 4.40 - 0.05
        assertAmount("0", t.balance(BOB).reserved());
        Fill makerFill = t.exchange.listFills(BOB, FillFilter.all()).get(0);
        assertAmount("0.05", makerFill.feeCost());
        assertAmount("0.05", t.position(BOB, MAKER_FEE_MARKET).feesPaid());
    }

    @Test
    void tenOneLotTakerFillsOfOneOrderCostWhatOneTenLotFillCosts() {
        TestExchange t = new TestExchange();
        for (int i = 0; i < 10; i++) {
            t.buyNo(CAROL, "1", "0.50");
        }

        Order taker = t.buyYes(ALICE, "10", "0.50");

        // 0.07 * 10 * 0.50 * 0.50 = 0.175 -> 0.18 for the order, not ten times ceil(0.0175) = 0.20
        assertAmount("0.18", taker.takerFees());
        assertAmount("994.82", t.balance(ALICE).cash()); // 1000 - 10 * 0.50 - 0.18
        // Fill k is charged ceil(0.0175 * k) - ceil(0.0175 * (k - 1)): 2,2,2,1,2,2,2,1,2,2 cents
        List<Fill> newestFirst = t.exchange.listFills(ALICE, FillFilter.all());
        List<String> expected = List.of("0.02", "0.02", "0.02", "0.01", "0.02", "0.02", "0.02", "0.01", "0.02", "0.02");
        for (int i = 0; i < 10; i++) {
            assertAmount(expected.get(i), newestFirst.get(9 - i).feeCost(), "fee of fill " + (i + 1));
        }
        assertAmount("0.18", t.position(ALICE).feesPaid());
    }

    @Test
    void makerFeesOfAnOrderFilledInPiecesRoundUpOnceOverTheOrder() {
        TestExchange t = new TestExchange();
        t.exchange.createOrder(BOB, NewOrder.limit(MAKER_FEE_MARKET, Side.NO, Action.BUY, "10", "0.50"));
        // 10 * 0.50 + ceil(0.0175 * 10 * 0.25 = 0.04375) = 5.00 + 0.05
        assertAmount("5.05", t.balance(BOB).reserved());

        for (int i = 0; i < 10; i++) {
            t.exchange.createOrder(ALICE, NewOrder.limit(MAKER_FEE_MARKET, Side.YES, Action.BUY, "1", "0.50"));
        }

        // ceil(0.04375) = 0.05 in all, not ten times ceil(0.004375) = 0.10
        assertAmount("994.95", t.balance(BOB).cash()); // 1000 - 5.00 - 0.05
        assertAmount("0", t.balance(BOB).reserved());
        assertAmount("0.05", t.position(BOB, MAKER_FEE_MARKET).feesPaid());
    }

    @Test
    void makerFeeReserveCoversEveryPieceOfAPartlyFilledOrder() {
        TestExchange t = new TestExchange();
        t.exchange.createOrder(DAVE, NewOrder.limit(MAKER_FEE_MARKET, Side.YES, Action.BUY, "9", "0.50"));
        t.exchange.createOrder(DAVE, NewOrder.limit(MAKER_FEE_MARKET, Side.YES, Action.BUY, "1", "0.45"));
        // 9 * 0.50 + ceil(0.0175 * 9 * 0.25 = 0.039375) = 4.54, plus 0.45 + ceil(0.0175 * 0.45 * 0.55 = 0.00433125) = 0.46
        assertAmount("5.00", t.balance(DAVE).reserved());
        assertAmount("0.00", t.balance(DAVE).available());

        for (int k = 1; k <= 9; k++) {
            t.exchange.createOrder(ALICE, NewOrder.limit(MAKER_FEE_MARKET, Side.NO, Action.BUY, "1", "0.50"));
            // cash 5 - 0.50k - ceil(0.004375k); reserve (9 - k) * 0.50 + 0.04 - ceil(0.004375k) + 0.46: always 0 left
            BigDecimal available = t.balance(DAVE).available();
            assertAmount("0.00", available, "dave's available balance after fill " + k);
        }
        assertAmount("0.46", t.balance(DAVE).cash()); // 5 - 4.50 - ceil(0.039375) = 5 - 4.50 - 0.04
        assertAmount("0.46", t.balance(DAVE).reserved()); // the 1 @ 0.45 bid still rests
    }
}
