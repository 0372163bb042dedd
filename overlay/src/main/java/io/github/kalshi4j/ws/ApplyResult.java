package io.github.kalshi4j.ws;

/**
 * Outcome of feeding one snapshot or delta into a {@link LocalOrderbook}.
 *
 * <p>Returned instead of thrown because the caller is the socket's I/O thread, which must keep
 * reading frames whatever one market's book thinks of them.
 */
public enum ApplyResult {
    /** The update was applied; the book is fresh. */
    APPLIED,
    /** The book is stale (no snapshot since the last error or resync), so the delta was ignored. */
    IGNORED_STALE,
    /** The delta would have made a level's count negative; nothing changed except that the book is now stale. */
    NEGATIVE_COUNT,
    /**
     * The input was malformed: a price off the 0.0001 grid or outside [0, 1], a missing field, a
     * snapshot row that is not a [price, count] pair, a negative or duplicate snapshot level. The
     * book is now stale.
     */
    INVALID_LEVEL;

    /**
     * Tells whether the book changed as requested.
     *
     * @return true only for {@link #APPLIED}
     */
    public boolean isApplied() {
        return this == APPLIED;
    }

    /**
     * Tells whether this outcome means the local book can no longer be trusted and a new
     * snapshot must be requested.
     *
     * @return true for {@link #NEGATIVE_COUNT} and {@link #INVALID_LEVEL}
     */
    public boolean requiresResync() {
        return this == NEGATIVE_COUNT || this == INVALID_LEVEL;
    }
}
