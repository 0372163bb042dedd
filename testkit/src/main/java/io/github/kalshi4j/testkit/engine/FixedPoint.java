package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Canonical scales for the engine's fixed-point numbers, and conversions to the legacy integer
 * units some Kalshi fields still use.
 *
 * <p>Prices have scale 4 ({@code 0.5600}), counts scale 2 ({@code 10.00}), money scale 4 unless
 * sub-cent precision needs scale 6. Every snapshot the engine hands out is already normalised, so
 * {@code toPlainString()} gives Kalshi's {@code _dollars} / {@code _fp} strings.
 */
public final class FixedPoint {
    /** Decimal places of a price ({@code FixedPointDollars} for prices). */
    public static final int PRICE_SCALE = 4;
    /** Decimal places of a contract count ({@code FixedPointCount}). */
    public static final int COUNT_SCALE = 2;
    /** Decimal places of a money amount when cent precision suffices. */
    public static final int MONEY_SCALE = 4;
    /** Maximum decimal places of a money amount. */
    public static final int MONEY_MAX_SCALE = 6;

    static final BigDecimal ZERO_COUNT = BigDecimal.ZERO.setScale(COUNT_SCALE);
    static final BigDecimal ZERO_MONEY = BigDecimal.ZERO.setScale(MONEY_SCALE);
    static final BigDecimal ONE_DOLLAR = BigDecimal.ONE.setScale(PRICE_SCALE);

    private FixedPoint() {
    }

    /**
     * Parses a price in dollars, e.g. {@code "0.56"}.
     *
     * @throws ExchangeException {@code invalid_parameters} when it is not a number with at most 4 decimals
     */
    public static BigDecimal price(String dollars) {
        return price(parse(dollars, "price"));
    }

    /**
     * Normalises a price to scale 4.
     *
     * @throws ExchangeException {@code invalid_parameters} when it has more than 4 decimals
     */
    public static BigDecimal price(BigDecimal dollars) {
        return rescale(dollars, PRICE_SCALE, "price");
    }

    /**
     * Parses a contract count, e.g. {@code "10"} or {@code "2.50"}.
     *
     * @throws ExchangeException {@code invalid_parameters} when it is not a number with at most 2 decimals
     */
    public static BigDecimal count(String count) {
        return count(parse(count, "count"));
    }

    /**
     * Normalises a count to scale 2.
     *
     * @throws ExchangeException {@code invalid_parameters} when it has more than 2 decimals
     */
    public static BigDecimal count(BigDecimal count) {
        return rescale(count, COUNT_SCALE, "count");
    }

    /** Parses a dollar amount, e.g. {@code "10000.00"}, normalised like {@link #money(BigDecimal)}. */
    public static BigDecimal dollars(String dollars) {
        return money(parse(dollars, "amount"));
    }

    /**
     * Normalises a money amount: scale 4 when that is exact, otherwise scale 6 (rounded half-even,
     * which only happens for averaged cost bases).
     */
    public static BigDecimal money(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() <= MONEY_SCALE) {
            return amount.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY);
        }
        return amount.setScale(MONEY_MAX_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * How every legacy integer field (cents, centi-cents) is rounded from a dollar amount: down, toward negative
     * infinity. The spec gives those fields no rounding rule; they report money the member holds, is paid or owes
     * (balance, portfolio value, settlement revenue, position cost), and an integer count of cents must never claim a
     * fraction of a cent that does not exist: $0.125 is 12 cents, not 13. Amounts that are whole cents, which is every
     * price and every payout of whole or two-decimal contract counts, convert exactly under any rule.
     */
    public static final RoundingMode LEGACY_ROUNDING = RoundingMode.FLOOR;

    /** Converts dollars to whole cents for legacy integer-cent fields, rounding by {@link #LEGACY_ROUNDING}. */
    public static long toCents(BigDecimal dollars) {
        return dollars.movePointRight(2).setScale(0, LEGACY_ROUNDING).longValueExact();
    }

    /**
     * Converts dollars to centi-cents (1/10,000 dollar) for legacy integer fields in that unit, rounding by
     * {@link #LEGACY_ROUNDING}.
     */
    public static long toCentiCents(BigDecimal dollars) {
        return dollars.movePointRight(4).setScale(0, LEGACY_ROUNDING).longValueExact();
    }

    /** Converts a legacy integer amount in units of 10<sup>-decimals</sup> dollar (cents: 2) to dollars, exactly. */
    public static BigDecimal fromUnits(java.math.BigInteger units, int decimals) {
        return new BigDecimal(units).movePointLeft(decimals);
    }

    /** Converts integer cents to dollars with scale 4 (e.g. {@code 56 -> 0.5600}). */
    public static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents).movePointLeft(2).setScale(MONEY_SCALE);
    }

    private static BigDecimal parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw ExchangeException.invalid(what + " is required");
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw ExchangeException.invalid(what + " is not a decimal number: '" + text + "'");
        }
    }

    private static BigDecimal rescale(BigDecimal value, int scale, String what) {
        if (value == null) {
            throw ExchangeException.invalid(what + " is required");
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw ExchangeException.invalid(what + " has more than " + scale + " decimals: " + value.toPlainString());
        }
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
