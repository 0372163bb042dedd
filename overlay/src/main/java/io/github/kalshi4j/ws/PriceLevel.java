package io.github.kalshi4j.ws;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One level of a bid ladder: a price in dollars and the resting contract count there.
 *
 * <p>Equality is numeric ({@link BigDecimal#compareTo}), not scale-sensitive: {@code 0.56 x 10}
 * equals {@code 0.5600 x 10.00}. Wire values arrive with varying scales ("10.00" vs "10"), and a
 * level is a quantity, not a string; {@link #hashCode()} strips trailing zeros to agree.
 * The components themselves keep the scale they were built with.
 *
 * @param price dollar price, e.g. {@code 0.5600}
 * @param count resting contracts, positive, possibly fractional
 */
public record PriceLevel(BigDecimal price, BigDecimal count) {

    /**
     * Creates a level.
     *
     * @param price dollar price, not null
     * @param count resting contracts, not null
     */
    public PriceLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(count, "count");
    }

    /**
     * Compares price and count numerically, ignoring scale.
     *
     * @param o another object
     * @return true if {@code o} is a level with numerically equal price and count
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PriceLevel
                && price.compareTo(((PriceLevel) o).price) == 0
                && count.compareTo(((PriceLevel) o).count) == 0;
    }

    /**
     * Hashes the scale-free values so that numerically equal levels collide.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * price.stripTrailingZeros().hashCode() + count.stripTrailingZeros().hashCode();
    }

    /**
     * Renders the level as {@code price x count} in plain notation.
     *
     * @return e.g. {@code 0.5600x10.00}
     */
    @Override
    public String toString() {
        return price.toPlainString() + "x" + count.toPlainString();
    }
}
