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
 *
 * <p>Kalshi rounds per order, not per fill, so that many small fills of one order cost what one
 * equivalent fill costs: the engine keeps each order's unrounded fee so far exactly and charges a
 * fill {@code round_up_to_cent(accrued after the fill) - already charged} ({@link #charge}). Ten
 * 1-lot taker fills at $0.50 of one order cost {@code ceil(0.07 * 10 * 0.25) = $0.18}, not 10 x $0.02.
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

    /** The taker fee in dollars before rounding (exact). */
    public static BigDecimal rawTakerFee(FeeType type, BigDecimal multiplier, BigDecimal count, BigDecimal price) {
        return raw(TAKER_RATE, multiplier, count, price);
    }

    /** The maker fee in dollars before rounding (exact); zero unless the series charges maker fees. */
    public static BigDecimal rawMakerFee(FeeType type, BigDecimal multiplier, BigDecimal count, BigDecimal price) {
        if (type != FeeType.QUADRATIC_WITH_MAKER_FEES) {
            return BigDecimal.ZERO;
        }
        return raw(MAKER_RATE, multiplier, count, price);
    }

    /** Rounds a fee up to the cent (scale 2). */
    public static BigDecimal roundUp(BigDecimal fee) {
        return fee.setScale(2, RoundingMode.CEILING);
    }

    /**
     * What one fill of an order is charged: the order's rounded-up cumulative fee after the fill minus what the order
     * was already charged.
     *
     * @param accruedBefore the order's unrounded fees before this fill
     * @param raw this fill's unrounded fee
     * @param charged what the order's earlier fills were charged (the rounded-up {@code accruedBefore})
     */
    public static BigDecimal charge(BigDecimal accruedBefore, BigDecimal raw, BigDecimal charged) {
        return roundUp(accruedBefore.add(raw)).subtract(charged);
    }

    private static BigDecimal quadratic(BigDecimal rate, BigDecimal multiplier, BigDecimal count, BigDecimal price) {
        return roundUp(raw(rate, multiplier, count, price));
    }

    private static BigDecimal raw(BigDecimal rate, BigDecimal multiplier, BigDecimal count, BigDecimal price) {
        return rate.multiply(multiplier)
                .multiply(count)
                .multiply(price)
                .multiply(BigDecimal.ONE.subtract(price));
    }
}
