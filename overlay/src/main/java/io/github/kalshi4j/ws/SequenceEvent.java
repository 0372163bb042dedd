package io.github.kalshi4j.ws;

import java.util.Objects;

/**
 * A break in a sequenced channel's {@code seq} numbering ({@link Channel#isSequenced()}), reported to
 * {@link KalshiWebSocket#onSequenceEvent} listeners. On {@link Channel#ORDERBOOK_DELTA} the affected
 * order books are marked stale and resynchronize by themselves; on {@link Channel#ORDER_GROUP_UPDATES}
 * there is no snapshot to ask for, so reconcile through the REST API.
 *
 * @param subscription the user's handle whose frames broke sequence
 * @param channel the channel of the affected server subscription
 * @param sid the server's subscription id
 * @param kind gap or regression
 * @param expected the {@code seq} that was due
 * @param actual the {@code seq} that arrived
 */
public record SequenceEvent(Subscription<?> subscription, Channel channel, long sid, Kind kind, long expected,
        long actual) {

    /** What went wrong with the numbering. */
    public enum Kind {
        /** Numbers were skipped: frames were lost. */
        GAP,
        /** The number went backwards below the last one seen (a repeat of the last one is ignored, not reported). */
        REGRESSION
    }

    /**
     * Creates the record.
     *
     * @param subscription the subscription, not null
     * @param channel the channel, not null
     * @param sid the server's subscription id
     * @param kind the kind, not null
     * @param expected the number that was due
     * @param actual the number that arrived
     */
    public SequenceEvent {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Returns how many frames were skipped.
     *
     * @return {@code actual - expected} for a gap, 0 for a regression
     */
    public long missing() {
        return kind == Kind.GAP ? actual - expected : 0;
    }
}
