package io.github.kalshi4j.ws;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mutable bid ladder of one side, indexed by price tick. Not thread-safe: the owning
 * {@link LocalOrderbook} guards it.
 *
 * <p>A dense array beats a sorted map here: the price axis is only 10,001 ticks, so an update
 * is one array store, and the best bid moves by a short downward scan only when the top level
 * empties.
 */
final class Ladder {

    private final BigDecimal[] counts = new BigDecimal[PriceTicks.MAX_TICK + 1];
    private int best = -1;
    private int levels;

    /** Returns the count at a tick, or null if there is no level. */
    BigDecimal get(int tick) {
        return counts[tick];
    }

    /** Stores a positive count at a tick. */
    void put(int tick, BigDecimal count) {
        if (counts[tick] == null) {
            levels++;
            if (tick > best) {
                best = tick;
            }
        }
        counts[tick] = count;
    }

    /** Removes the level at a tick if present. */
    void remove(int tick) {
        if (counts[tick] == null) {
            return;
        }
        counts[tick] = null;
        levels--;
        if (tick == best) {
            int t = tick - 1;
            while (t >= 0 && counts[t] == null) {
                t--;
            }
            best = t;
        }
    }

    /** Number of non-empty levels. */
    int levels() {
        return levels;
    }

    /** Copies the ladder into an immutable list, best (highest) price first. */
    List<PriceLevel> copyDescending() {
        if (levels == 0) {
            return List.of();
        }
        List<PriceLevel> out = new ArrayList<>(levels);
        // Stop once every level is found so a shallow book near the top costs little.
        for (int t = best; t >= 0 && out.size() < levels; t--) {
            BigDecimal c = counts[t];
            if (c != null) {
                out.add(new PriceLevel(PriceTicks.price(t), c));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
