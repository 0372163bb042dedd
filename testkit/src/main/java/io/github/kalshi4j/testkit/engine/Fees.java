package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Kalshi's trading fee formulas, applied by the engine to every fill.
 *
 * <pre>
 * taker fee = round_up_to_cent(0.07   * M * C * P * (1 - P))
 * maker fee = round_up_to_cent(0.0175 * M * C * P * (1 - P))   only for quadratic_with_maker_fees
 * </pre>
 *
 * where {@code C} is the fill's contract count, {@code P} its price in dollars (the YES or the NO
 * price: {@code P * (1 - P)} is the same for both) and {@code M} the series' {@code fee_multiplier}.
 * Makers pay nothing under {@link FeeType#QUADRATIC} and {@link FeeType#FLAT}. Example: a taker
 * buying 10 contracts at $0.56 pays {@code 0.07 * 10 * 0.56 * 0.44 = 0.17248}, rounded up to
 * $0.18. Fees are deducted from the payer's cash when the fill happens.
 */
public final class Fees {
    /** The taker coefficient of the general trading fee. */
    public static final BigDecimal TAKER_RATE = new BigDecimal("0.07");
    /** The maker coefficient of the maker fee (a quarter of the taker rate). */
    public static final BigDecimal MAKER_RATE = new BigDecimal("0.0175");

    private Fees() {
    }

    /** Returns the taker fee in dollars (scale 2) for {@code count} contracts at {@code price}. */
    public static BigDecimal takerFee(FeeType type, BigDecimal multiplier, BigDecimal count, BigDecimal price) {
        return quadratic(TAKER_RATE, multiplier, count, price);
    }

    /** Returns the maker fee in dollars (scale 2); zero unless the series charges maker fees. */
    public static BigDecimal makerFee(FeeType type, BigDecimal multiplier, BigDecimal count, BigDecimal price) {
        if (type != FeeType.QUADRATIC_WITH_MAKER_FEES) {
            return BigDecimal.ZERO.setScale(2);
        }
        return quadratic(MAKER_RATE, multiplier, count, price);
    }

    private static BigDecimal quadratic(BigDecimal rate, BigDecimal multiplier, BigDecimal count, BigDecimal price) {
        BigDecimal raw = rate.multiply(multiplier)
                .multiply(count)
                .multiply(price)
                .multiply(BigDecimal.ONE.subtract(price));
        return raw.setScale(2, RoundingMode.CEILING);
    }
}
