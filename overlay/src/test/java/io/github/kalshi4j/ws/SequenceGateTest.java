package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SequenceGate} on its own: what passes, what is dropped, what is reported. */
class SequenceGateTest {

    private final List<SequenceEvent> breaks = new ArrayList<>();
    private final SequenceGate gate = new SequenceGate(breaks::add);
    private final Subscription<WsMessage> books = Frames.pull(Channel.ORDERBOOK_DELTA, "A", "B");

    private boolean delta(long seq) {
        return gate.admit(books, Channel.ORDERBOOK_DELTA, 7, Frames.delta(7, seq, "A", "0.5000", "1.00"));
    }

    @Test
    void framesInOrderPassWithoutEvents() {
        assertTrue(delta(1));
        assertTrue(delta(2));
        assertTrue(delta(3));
        assertTrue(breaks.isEmpty());
    }

    @Test
    void aRepeatedFrameIsDroppedQuietly() {
        delta(1);
        delta(2);
        assertFalse(delta(2));
        assertTrue(breaks.isEmpty());
    }

    @Test
    void aStepBackIsDroppedAndReportedAsARegression() {
        delta(5);
        delta(6);
        assertFalse(delta(3));
        assertEquals(SequenceEvent.Kind.REGRESSION, breaks.get(0).kind());
        assertEquals(7, breaks.get(0).expected());
        assertEquals(3, breaks.get(0).actual());
        // The count goes on from the highest seen: the next regular frame is no gap.
        assertTrue(delta(7));
        assertEquals(1, breaks.size());
    }

    @Test
    void aJumpPassesTheFrameAndReportsTheGapOnce() {
        delta(1);
        assertTrue(delta(5));
        assertTrue(delta(6));
        assertEquals(1, breaks.size());
        SequenceEvent gap = breaks.get(0);
        assertEquals(SequenceEvent.Kind.GAP, gap.kind());
        assertEquals(2, gap.expected());
        assertEquals(5, gap.actual());
        assertEquals(7, gap.sid());
        assertEquals(Channel.ORDERBOOK_DELTA, gap.channel());
    }

    @Test
    void aSnapshotOutOfStepBecomesTheNewBaselineWhenNoOtherBookIsFresh() {
        delta(2_147_483_649L);
        assertTrue(gate.admit(books, Channel.ORDERBOOK_DELTA, 7, Frames.snapshot(7, 40, "A")));
        assertTrue(breaks.isEmpty());
        assertTrue(delta(41));
        assertTrue(breaks.isEmpty());
    }

    @Test
    void aSnapshotOutOfStepIsAGapWhenAnotherMarketsFreshBookMayHaveMissedDeltas() {
        LocalOrderbook other = books.books.computeIfAbsent("B", LocalOrderbook::new);
        other.applySnapshot(1, List.of(), List.of());
        assertFalse(other.isStale());
        delta(1);

        assertTrue(gate.admit(books, Channel.ORDERBOOK_DELTA, 7, Frames.snapshot(7, 9, "A")));

        assertEquals(SequenceEvent.Kind.GAP, breaks.get(0).kind());
    }

    @Test
    void anUnsequencedChannelIsNotChecked() {
        Subscription<WsMessage> ticker = Frames.pull(Channel.TICKER);
        WsMessage m = Frames.decode("{\"type\":\"ticker\",\"sid\":3,\"seq\":9,\"msg\":{\"market_ticker\":\"A\"}}");
        assertTrue(gate.admit(ticker, Channel.TICKER, 3, m));
        assertTrue(gate.admit(ticker, Channel.TICKER, 3, m));
        assertTrue(breaks.isEmpty());
    }

    @Test
    void aChannelNewerThanTheSdkIsCheckedWhenItsFramesCarrySeq() {
        Channel fresh = Channel.of("brand_new");
        Subscription<WsMessage> sub = Frames.pull(fresh);
        WsMessage first = Frames.decode("{\"type\":\"brand_new_update\",\"sid\":4,\"seq\":1,\"msg\":{}}");
        WsMessage third = Frames.decode("{\"type\":\"brand_new_update\",\"sid\":4,\"seq\":3,\"msg\":{}}");
        assertTrue(gate.admit(sub, fresh, 4, first));
        assertTrue(gate.admit(sub, fresh, 4, third));
        assertEquals(SequenceEvent.Kind.GAP, breaks.get(0).kind());
    }
}
