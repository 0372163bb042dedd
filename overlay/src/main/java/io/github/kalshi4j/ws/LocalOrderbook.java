package io.github.kalshi4j.ws;

import io.github.kalshi4j.transport.KalshiJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One market's order book, rebuilt locally from an {@code orderbook_snapshot} and the
 * {@code orderbook_delta} frames that follow it.
 *
 * <p><b>Threading.</b> Exactly one writer (the socket thread) calls {@code apply*} and
 * {@link #markStale()}; any number of readers call {@link #snapshot()} and {@link #isStale()}.
 * Writes take a private monitor, which is uncontended and cheap while nobody reads. A reader
 * gets an immutable {@link OrderbookView} copied under the same monitor, so it never observes a
 * half-applied update; the view is cached until the next write, so polling readers on a quiet
 * book copy nothing.
 *
 * <p><b>Errors.</b> Nothing here throws into the I/O thread for bad data: a delta that would
 * drive a level negative, or malformed input, marks the book stale and is reported through the
 * returned {@link ApplyResult}. While stale, deltas are ignored until the next snapshot. Counts and
 * deltas must lie within the bounds of a fixed-point value ({@link KalshiJson#isFixedPoint}: 30 digits
 * before the point, 30 after); anything beyond is malformed, so no view ever has to add up a number
 * like {@code 1e-999999999}.
 *
 * <p><b>Ordering.</b> The book records the {@code seq} it is given but does not judge it; run
 * frames through a {@link SequenceTracker} first and call {@link #markStale()} on a gap.
 *
 * <p><b>Representation.</b> Prices are keyed by exact $0.0001 ticks (see the ladder), counts are
 * kept as the {@link BigDecimal}s the exchange sent, added exactly.
 */
public final class LocalOrderbook {

    private static final Logger LOG = LoggerFactory.getLogger(LocalOrderbook.class);

    private final String marketTicker;
    private final Object lock = new Object();

    // Guarded by lock.
    private Ladder yes = new Ladder();
    private Ladder no = new Ladder();
    private long seq;

    // Written under lock, read without it by the cheap accessors.
    private volatile boolean stale = true;
    private volatile long version;
    private volatile OrderbookView published;

    /**
     * Creates an empty, stale book awaiting its first snapshot.
     *
     * @param marketTicker the market this book tracks, not null
     */
    public LocalOrderbook(String marketTicker) {
        this.marketTicker = Objects.requireNonNull(marketTicker, "marketTicker");
    }

    /**
     * Returns the market this book tracks.
     *
     * @return the market ticker
     */
    public String marketTicker() {
        return marketTicker;
    }

    /**
     * Replaces the whole book with a snapshot and clears the stale flag.
     *
     * <p>Rows are {@code [price_dollars, count]}. A {@code null} list means an empty side (the
     * server omits or nulls empty sides); rows with a zero count are skipped. If any row is
     * malformed (not a pair, price off the 0.0001 grid or outside [0, 1], negative count or one
     * outside the bounds of a fixed-point value, price repeated) nothing is replaced and the book is
     * left stale.
     *
     * @param seq the snapshot frame's {@code seq}
     * @param yesRows YES bid rows, or null
     * @param noRows NO bid rows, or null
     * @return {@link ApplyResult#APPLIED} or {@link ApplyResult#INVALID_LEVEL}
     */
    public ApplyResult applySnapshot(long seq, List<List<BigDecimal>> yesRows, List<List<BigDecimal>> noRows) {
        // Build outside the lock: a snapshot is rare and may be large, readers should not wait on it.
        Ladder newYes = buildLadder(yesRows);
        Ladder newNo = newYes == null ? null : buildLadder(noRows);
        synchronized (lock) {
            if (newYes == null || newNo == null) {
                return markStaleLocked("malformed snapshot at seq " + seq, ApplyResult.INVALID_LEVEL);
            }
            yes = newYes;
            no = newNo;
            this.seq = seq;
            stale = false;
            version++;
            return ApplyResult.APPLIED;
        }
    }

    private static Ladder buildLadder(List<List<BigDecimal>> rows) {
        Ladder ladder = new Ladder();
        if (rows == null) {
            return ladder;
        }
        for (List<BigDecimal> row : rows) {
            if (row == null || row.size() != 2 || row.get(1) == null) {
                return null;
            }
            int tick = PriceTicks.toTick(row.get(0));
            BigDecimal count = row.get(1);
            if (tick == PriceTicks.INVALID || !KalshiJson.isFixedPoint(count) || count.signum() < 0
                    || ladder.get(tick) != null) {
                return null;
            }
            if (count.signum() > 0) {
                ladder.put(tick, count);
            }
        }
        return ladder;
    }

    /**
     * Applies one signed change to one price level.
     *
     * <p>The level's new count is the old count (zero if absent) plus {@code delta}; a level that
     * reaches zero is removed. A result below zero means the local book disagrees with the
     * exchange: the book is marked stale, left otherwise unchanged, and
     * {@link ApplyResult#NEGATIVE_COUNT} is returned. A delta, or a resulting count, outside the
     * bounds of a fixed-point value is {@link ApplyResult#INVALID_LEVEL}, found without expanding it.
     *
     * @param seq the delta frame's {@code seq}
     * @param side which ladder the level is on
     * @param price the level's dollar price ({@code price_dollars})
     * @param delta the signed count change ({@code delta_fp})
     * @return the outcome; anything but {@link ApplyResult#APPLIED} leaves the levels untouched
     */
    public ApplyResult applyDelta(long seq, Side side, BigDecimal price, BigDecimal delta) {
        int tick = PriceTicks.toTick(price);
        synchronized (lock) {
            if (stale) {
                return ApplyResult.IGNORED_STALE;
            }
            // Checked before any arithmetic: adding 1E+30000000 to a count takes seconds, 1E+2147483647 throws.
            if (side == null || !KalshiJson.isFixedPoint(delta) || tick == PriceTicks.INVALID) {
                return markStaleLocked("malformed delta at seq " + seq + ": side=" + side
                        + " price=" + describe(price) + " delta=" + describe(delta), ApplyResult.INVALID_LEVEL);
            }
            Ladder ladder = side == Side.YES ? yes : no;
            BigDecimal current = ladder.get(tick);
            BigDecimal next = current == null ? delta : current.add(delta);
            if (!KalshiJson.isFixedPoint(next)) {
                return markStaleLocked("delta at seq " + seq + " takes " + side.wire() + " " + price.toPlainString()
                        + " past the bounds of a fixed-point count", ApplyResult.INVALID_LEVEL);
            }
            int sign = next.signum();
            if (sign < 0) {
                return markStaleLocked("delta at seq " + seq + " drives " + side.wire() + " "
                        + price.toPlainString() + " to " + next.toPlainString(), ApplyResult.NEGATIVE_COUNT);
            }
            if (sign == 0) {
                ladder.remove(tick);
            } else {
                ladder.put(tick, next);
            }
            this.seq = seq;
            version++;
            return ApplyResult.APPLIED;
        }
    }

    /**
     * Marks the book stale, e.g. on a sequence gap or while resubscribing after a reconnect.
     * Deltas are ignored until the next {@link #applySnapshot}. Idempotent.
     */
    public void markStale() {
        synchronized (lock) {
            if (!stale) {
                stale = true;
                version++;
            }
        }
    }

    /** For log lines: a value out of bounds is named by its start, never expanded (toPlainString could be huge). */
    private static String describe(BigDecimal value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private ApplyResult markStaleLocked(String why, ApplyResult result) {
        // Warn once per transition: while stale, every further delta would repeat the same news.
        if (!stale) {
            LOG.warn("Order book {} is now stale: {}", marketTicker, why);
        }
        stale = true;
        version++;
        return result;
    }

    /**
     * Tells whether the book awaits a snapshot (none yet, or an error or gap since the last one).
     *
     * @return true if the book's contents must not be trusted
     */
    public boolean isStale() {
        return stale;
    }

    /**
     * Returns an immutable, consistent view of the book as of the last applied update.
     * Cheap when nothing changed since the previous call: the same view is returned.
     *
     * @return the current view, never null
     */
    public OrderbookView snapshot() {
        OrderbookView view = published;
        if (view != null && view.version() == version) {
            return view;
        }
        synchronized (lock) {
            view = published;
            if (view == null || view.version() != version) {
                view = new OrderbookView(marketTicker, seq, stale,
                        yes.copyDescending(), no.copyDescending(), version);
                published = view;
            }
            return view;
        }
    }

    /**
     * Summarizes the current view for logs.
     *
     * @return see {@link OrderbookView#toString()}
     */
    @Override
    public String toString() {
        return snapshot().toString();
    }
}
