package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import io.github.kalshi4j.ws.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One side of a market's bid-only book: price levels best (highest) first, each a FIFO of orders.
 * Insertion order inside a level is time priority, so re-queuing an order means removing and
 * re-adding it.
 */
final class BookSide {
    final Side side;
    private final TreeMap<BigDecimal, Level> levels = new TreeMap<>(Comparator.reverseOrder());

    BookSide(Side side) {
        this.side = side;
    }

    /** A price level: its orders in time priority and their total remaining count. */
    static final class Level {
        final BigDecimal price;
        final LinkedHashMap<String, OrderState> orders = new LinkedHashMap<>();
        BigDecimal total = FixedPoint.ZERO_COUNT;

        Level(BigDecimal price) {
            this.price = price;
        }
    }

    /** Appends the order at the back of its level; returns the level's new total. */
    BigDecimal add(OrderState order) {
        Level level = levels.computeIfAbsent(order.bookPrice(), Level::new);
        level.orders.put(order.orderId, order);
        level.total = level.total.add(order.remainingCount);
        return level.total;
    }

    /**
     * Lowers the level total by {@code by} after the order's remaining count was lowered, keeping
     * the order's place; drops the order once nothing remains. Returns the level's new total.
     */
    BigDecimal reduce(OrderState order, BigDecimal by) {
        Level level = levels.get(order.bookPrice());
        level.total = level.total.subtract(by);
        if (order.remainingCount.signum() == 0) {
            level.orders.remove(order.orderId);
        }
        return dropIfEmpty(level);
    }

    /** Removes the order with its whole remaining count; returns the level's new total. */
    BigDecimal remove(OrderState order) {
        Level level = levels.get(order.bookPrice());
        level.orders.remove(order.orderId);
        level.total = level.total.subtract(order.remainingCount);
        return dropIfEmpty(level);
    }

    private BigDecimal dropIfEmpty(Level level) {
        if (level.orders.isEmpty()) {
            levels.remove(level.price);
            return FixedPoint.ZERO_COUNT;
        }
        return level.total;
    }

    /** Levels best first. */
    Collection<Level> levels() {
        return levels.values();
    }

    /** The best level, or null when the side is empty. */
    Level best() {
        Map.Entry<BigDecimal, Level> first = levels.firstEntry();
        return first == null ? null : first.getValue();
    }

    /** Contracts ahead of {@code order} at its price level. */
    BigDecimal countAhead(OrderState order) {
        Level level = levels.get(order.bookPrice());
        BigDecimal ahead = FixedPoint.ZERO_COUNT;
        if (level == null) {
            return ahead;
        }
        for (OrderState other : level.orders.values()) {
            if (other == order) {
                return ahead;
            }
            ahead = ahead.add(other.remainingCount);
        }
        return FixedPoint.ZERO_COUNT;
    }

    /** Aggregated levels, best first, at most {@code depth} of them (0 = all). */
    List<PriceLevel> snapshot(int depth) {
        List<PriceLevel> result = new ArrayList<>();
        for (Level level : levels.values()) {
            if (depth > 0 && result.size() == depth) {
                break;
            }
            result.add(new PriceLevel(level.price, level.total));
        }
        return result;
    }

    /** Every resting order of the side, best price first and in time priority within a price. */
    List<OrderState> orders() {
        List<OrderState> result = new ArrayList<>();
        for (Level level : levels.values()) {
            result.addAll(level.orders.values());
        }
        return result;
    }
}
