package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.ALICE;
import static io.github.kalshi4j.testkit.engine.TestExchange.BOB;
import static io.github.kalshi4j.testkit.engine.TestExchange.MAKER_FEE_MARKET;
import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static io.github.kalshi4j.testkit.engine.TestExchange.dec;

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
}
