package io.github.kalshi4j.ws;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Checks the per-subscription {@code seq} of data frames for loss and repetition.
 *
 * <p>Kalshi numbers orderbook and order-group frames contiguously per subscription ({@code sid}).
 * A jump means frames were lost and any state built from them is invalid until a new snapshot;
 * a repeat or step back is a frame already seen. Keep one tracker per {@code sid}.
 *
 * <p>After reporting a {@link Status#GAP} the tracker adopts the new number as its baseline, so
 * one loss is reported once rather than on every following frame; the caller is expected to
 * resynchronize and then {@link #reset()} or {@link #baseline(long)}.
 *
 * <p>Thread-safe (methods are synchronized), though normally used by the socket thread alone.
 */
public final class SequenceTracker {

    /** Verdict on one frame's sequence number. */
    public enum Status {
        /** The expected next number, or the first frame after construction or reset. */
        OK,
        /** Not newer than the last accepted number: drop the frame. */
        DUPLICATE,
        /** Newer than expected: frames were lost. */
        GAP
    }

    /**
     * Outcome of {@link #check(long)}.
     *
     * @param status the verdict
     * @param expected the number that was due ({@code last + 1}); equals {@code actual} for the
     *     first frame after a reset
     * @param actual the number that arrived
     */
    public record Result(Status status, long expected, long actual) {

        /**
         * Creates a result.
         *
         * @param status the verdict, not null
         * @param expected the number that was due
         * @param actual the number that arrived
         */
        public Result {
            Objects.requireNonNull(status, "status");
        }

        /**
         * Tells whether the frame continues the stream seamlessly.
         *
         * @return true only for {@link Status#OK}
         */
        public boolean isOk() {
            return status == Status.OK;
        }

        /**
         * Returns how many frames were lost.
         *
         * @return {@code actual - expected} for a gap, otherwise 0
         */
        public long missing() {
            return status == Status.GAP ? actual - expected : 0;
        }
    }

    private boolean hasBaseline;
    private long last;

    /** Creates a tracker that accepts any first number as its baseline. */
    public SequenceTracker() {
    }

    /**
     * Checks the next frame's number and, unless it is a duplicate, records it as the last seen.
     *
     * @param seq the frame's {@code seq}
     * @return OK, DUPLICATE (state unchanged) or GAP (with expected and actual numbers)
     */
    public synchronized Result check(long seq) {
        if (!hasBaseline) {
            hasBaseline = true;
            last = seq;
            return new Result(Status.OK, seq, seq);
        }
        // Compared with last rather than last + 1, which wraps once a peer has sent Long.MAX_VALUE: nothing comes
        // after that number, so everything later reads as already seen, never as a gap past a negative count.
        long expected = last == Long.MAX_VALUE ? last : last + 1;
        if (seq <= last) {
            return new Result(Status.DUPLICATE, expected, seq);
        }
        if (seq == expected) {
            last = seq;
            return new Result(Status.OK, expected, seq);
        }
        last = seq;
        return new Result(Status.GAP, expected, seq);
    }

    /**
     * Forgets the baseline, e.g. after a reconnect; the next checked number is accepted as is.
     */
    public synchronized void reset() {
        hasBaseline = false;
        last = 0;
    }

    /**
     * Sets the baseline explicitly, e.g. from a snapshot's {@code seq} handled outside
     * {@link #check}; the next expected number is {@code seq + 1}.
     *
     * @param seq the last number already accounted for
     */
    public synchronized void baseline(long seq) {
        hasBaseline = true;
        last = seq;
    }

    /**
     * Returns the last accepted number.
     *
     * @return the number, or empty if there is no baseline
     */
    public synchronized OptionalLong lastSeq() {
        return hasBaseline ? OptionalLong.of(last) : OptionalLong.empty();
    }
}
