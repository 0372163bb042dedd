package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.ws.SequenceTracker.Result;
import io.github.kalshi4j.ws.SequenceTracker.Status;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void firstFrame_isAcceptedAsBaseline() {
        SequenceTracker t = new SequenceTracker();
        assertEquals(OptionalLong.empty(), t.lastSeq());
        assertEquals(new Result(Status.OK, 2_399_864, 2_399_864), t.check(2_399_864));
        assertEquals(OptionalLong.of(2_399_864), t.lastSeq());
    }

    @Test
    void contiguousFrames_areOk() {
        SequenceTracker t = new SequenceTracker();
        for (long s = 1; s <= 5; s++) {
            Result r = t.check(s);
            assertTrue(r.isOk());
            assertEquals(0, r.missing());
        }
        assertEquals(OptionalLong.of(5), t.lastSeq());
    }

    @Test
    void gap_isReportedWithExpectedAndActual() {
        SequenceTracker t = new SequenceTracker();
        t.check(1);
        t.check(2);
        Result r = t.check(7);
        assertEquals(Status.GAP, r.status());
        assertEquals(3, r.expected());
        assertEquals(7, r.actual());
        assertEquals(4, r.missing());
        assertFalse(r.isOk());
    }

    @Test
    void gap_isReportedOnceThenTrackingContinuesFromActual() {
        SequenceTracker t = new SequenceTracker();
        t.check(1);
        assertEquals(Status.GAP, t.check(3).status());
        assertEquals(Status.OK, t.check(4).status());
    }

    @Test
    void duplicate_isIgnored() {
        SequenceTracker t = new SequenceTracker();
        t.check(1);
        t.check(2);
        Result r = t.check(2);
        assertEquals(Status.DUPLICATE, r.status());
        assertEquals(3, r.expected());
        assertEquals(2, r.actual());
        assertEquals(0, r.missing());
        assertEquals(OptionalLong.of(2), t.lastSeq());
        assertEquals(Status.OK, t.check(3).status());
    }

    @Test
    void olderFrame_isDuplicate() {
        SequenceTracker t = new SequenceTracker();
        t.check(10);
        assertEquals(Status.DUPLICATE, t.check(4).status());
        assertEquals(OptionalLong.of(10), t.lastSeq());
    }

    @Test
    void reset_acceptsNextFrameAsNewBaseline() {
        SequenceTracker t = new SequenceTracker();
        t.check(100);
        t.reset();
        assertEquals(OptionalLong.empty(), t.lastSeq());
        // A new subscription after reconnect restarts numbering lower; that is not a duplicate.
        assertEquals(Status.OK, t.check(1).status());
        assertEquals(Status.OK, t.check(2).status());
    }

    @Test
    void baseline_fromSnapshotSetsNextExpected() {
        SequenceTracker t = new SequenceTracker();
        t.baseline(50);
        assertEquals(Status.DUPLICATE, t.check(50).status());
        assertEquals(Status.OK, t.check(51).status());
        t.baseline(80);
        Result r = t.check(82);
        assertEquals(Status.GAP, r.status());
        assertEquals(81, r.expected());
    }

    @Test
    void theLargestSeq_doesNotWrapIntoAFalseGap() {
        SequenceTracker t = new SequenceTracker();
        t.check(5);
        Result poisoned = t.check(Long.MAX_VALUE);
        assertEquals(Status.GAP, poisoned.status());
        // Nothing comes after Long.MAX_VALUE: every later number is old news, not a gap past a wrapped count.
        assertEquals(Status.DUPLICATE, t.check(6).status());
        assertEquals(Status.DUPLICATE, t.check(Long.MIN_VALUE).status());
        t.baseline(7);
        assertTrue(t.check(8).isOk());
    }
}
