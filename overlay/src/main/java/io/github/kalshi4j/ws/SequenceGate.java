package io.github.kalshi4j.ws;

import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a routed data frame through or holds it back by its {@code seq}, per subscription and {@code sid}: in order it
 * passes; a repeat or a step back is dropped; a jump passes (the frame itself is good) and is reported as a break.
 * Sequenced channels are checked, and so are channels newer than the SDK whose frames carry a {@code seq}. An order
 * book snapshot may restart the count (see {@link #admitSnapshot}). Actor thread only.
 */
final class SequenceGate {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);

    private final Consumer<SequenceEvent> breaks;

    /** @param breaks hears every gap and regression, after it was logged */
    SequenceGate(Consumer<SequenceEvent> breaks) {
        this.breaks = breaks;
    }

    /** False if {@code message}, routed to {@code sub}'s {@code channel} by {@code sid}, must be dropped. */
    boolean admit(Subscription<?> sub, Channel channel, long sid, WsMessage message) {
        if (Channel.ORDERBOOK_DELTA.equals(channel) && message instanceof WsMessage.OrderbookSnapshot
                && message.seq().isPresent()) {
            return admitSnapshot(sub, sid, (WsMessage.OrderbookSnapshot) message);
        }
        if ((channel.isSequenced() || !channel.isKnown()) && message.seq().isPresent()) {
            return check(sub, channel, sid, message.seq().getAsLong());
        }
        return true;
    }

    /** False if the frame must be dropped (a repeat or a step back). */
    boolean check(Subscription<?> sub, Channel channel, long sid, long seq) {
        SequenceTracker tracker = sub.trackers.computeIfAbsent(sid, s -> new SequenceTracker());
        OptionalLong last = tracker.lastSeq();
        SequenceTracker.Result r = tracker.check(seq);
        switch (r.status()) {
            case OK:
                return true;
            case DUPLICATE:
                if (last.isPresent() && seq == last.getAsLong()) {
                    LOG.debug("kalshi4j WebSocket: duplicate seq {} on sid {} ignored", seq, sid);
                    return false;
                }
                // The count goes on from the highest seq seen: a stray old frame must not make the next
                // regular one look like a gap.
                broken(new SequenceEvent(sub, channel, sid, SequenceEvent.Kind.REGRESSION, r.expected(), seq));
                return false;
            case GAP:
            default:
                broken(new SequenceEvent(sub, channel, sid, SequenceEvent.Kind.GAP, r.expected(), seq));
                // A snapshot frame is self-contained, so the frame that revealed the gap is still processed.
                return true;
        }
    }

    /**
     * A snapshot replaces its market's book whatever came before, so a seq that does not follow the last one is no
     * loss for that market, ahead or behind: the snapshot becomes the sid's new baseline. That is how a sid recovers
     * from a poisoned seq (a frame numbered 2147483649, or a thousand ahead): the snapshot answering the resync
     * carries the server's real count, behind the poisoned one. Only if the sid also carries other markets whose fresh
     * books may have missed deltas in between is it a gap or a regression. False if the frame must be dropped.
     */
    boolean admitSnapshot(Subscription<?> sub, long sid, WsMessage.OrderbookSnapshot snapshot) {
        long seq = snapshot.seq().getAsLong();
        SequenceTracker tracker = sub.trackers.computeIfAbsent(sid, s -> new SequenceTracker());
        OptionalLong last = tracker.lastSeq();
        if (last.isEmpty() || (last.getAsLong() != Long.MAX_VALUE && seq == last.getAsLong() + 1)) {
            return check(sub, Channel.ORDERBOOK_DELTA, sid, seq);
        }
        String market = snapshot.marketTicker().orElse(null);
        if (othersFresh(sub, market)) {
            return check(sub, Channel.ORDERBOOK_DELTA, sid, seq);
        }
        LOG.debug("kalshi4j WebSocket: snapshot at seq {} on sid {} is the new baseline (last seq {})", seq, sid,
                last.getAsLong());
        tracker.baseline(seq);
        return true;
    }

    private static boolean othersFresh(Subscription<?> sub, String market) {
        for (LocalOrderbook b : sub.books.values()) {
            if (!b.marketTicker().equals(market) && !b.isStale()) {
                return true;
            }
        }
        return false;
    }

    private void broken(SequenceEvent event) {
        LOG.info("kalshi4j WebSocket: {} on {} sid {}: expected seq {}, got {}", event.kind(), event.channel().wire(),
                event.sid(), event.expected(), event.actual());
        breaks.accept(event);
    }
}
