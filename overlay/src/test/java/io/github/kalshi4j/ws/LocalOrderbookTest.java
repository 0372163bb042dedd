package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalOrderbookTest {

    private static final String TICKER = "KXTEST-26JAN01-T1";

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    /** Builds snapshot rows from alternating price/count strings. */
    private static List<List<BigDecimal>> rows(String... priceCountPairs) {
        List<List<BigDecimal>> out = new ArrayList<>();
        for (int i = 0; i < priceCountPairs.length; i += 2) {
            out.add(List.of(bd(priceCountPairs[i]), bd(priceCountPairs[i + 1])));
        }
        return out;
    }

    private static PriceLevel level(String price, String count) {
        return new PriceLevel(bd(price), bd(count));
    }

    /** A fresh book: YES bids 0.56x100, 0.55x20; NO bids 0.40x30, 0.38x5; seq 10. */
    private static LocalOrderbook standardBook() {
        LocalOrderbook book = new LocalOrderbook(TICKER);
        assertEquals(ApplyResult.APPLIED, book.applySnapshot(10,
                rows("0.5500", "20.00", "0.5600", "100.00"),
                rows("0.3800", "5.00", "0.4000", "30.00")));
        return book;
    }

    @Test
    void newBook_isStaleAndEmptyUntilFirstSnapshot() {
        LocalOrderbook book = new LocalOrderbook(TICKER);
        OrderbookView v = book.snapshot();
        assertTrue(book.isStale());
        assertTrue(v.isStale());
        assertEquals(0, v.seq());
        assertEquals(TICKER, v.marketTicker());
        assertTrue(v.yesBids().isEmpty());
        assertEquals(ApplyResult.IGNORED_STALE, book.applyDelta(1, Side.YES, bd("0.5000"), bd("1.00")));
    }

    @Test
    void snapshot_buildsDescendingLaddersAndClearsStale() {
        OrderbookView v = standardBook().snapshot();
        assertFalse(v.isStale());
        assertEquals(10, v.seq());
        assertEquals(List.of(level("0.56", "100"), level("0.55", "20")), v.yesBids());
        assertEquals(List.of(level("0.40", "30"), level("0.38", "5")), v.noBids());
        assertEquals(v.yesBids(), v.bids(Side.YES));
        assertEquals(v.noBids(), v.bids(Side.NO));
    }

    @Test
    void snapshot_pricesAreReportedAtWireScaleFour() {
        LocalOrderbook book = new LocalOrderbook(TICKER);
        book.applySnapshot(1, rows("0.5", "3"), null);
        assertEquals("0.5000", book.snapshot().bestYesBid().orElseThrow().toPlainString());
    }

    @Test
    void snapshot_nullSidesMeanEmpty() {
        LocalOrderbook book = new LocalOrderbook(TICKER);
        assertEquals(ApplyResult.APPLIED, book.applySnapshot(5, null, null));
        OrderbookView v = book.snapshot();
        assertFalse(v.isStale());
        assertTrue(v.yesBids().isEmpty());
        assertTrue(v.noBids().isEmpty());
        assertEquals(Optional.empty(), v.bestYesBid());
    }

    @Test
    void snapshot_zeroCountRowsAreSkipped() {
        LocalOrderbook book = new LocalOrderbook(TICKER);
        book.applySnapshot(5, rows("0.5000", "0.00", "0.4000", "2.00"), null);
        assertEquals(List.of(level("0.40", "2")), book.snapshot().yesBids());
    }

    @Test
    void snapshot_replacesEverythingPreviouslyHeld() {
        LocalOrderbook book = standardBook();
        book.applySnapshot(20, rows("0.1000", "1.00"), null);
        OrderbookView v = book.snapshot();
        assertEquals(List.of(level("0.10", "1")), v.yesBids());
        assertTrue(v.noBids().isEmpty());
        assertEquals(20, v.seq());
    }

    @Test
    void snapshot_malformedRows_leaveBookStaleAndUnchanged() {
        List<List<List<BigDecimal>>> bad = List.of(
                rows("0.56005", "1.00"),               // off the 0.0001 grid
                rows("1.0001", "1.00"),                // above $1
                rows("-0.0100", "1.00"),               // negative price
                rows("0.5000", "-1.00"),               // negative count
                rows("0.5000", "1.00", "0.50", "2.00"), // same price twice
                List.of(List.of(bd("0.5000"))),        // not a pair
                Arrays.asList((List<BigDecimal>) null));
        for (List<List<BigDecimal>> yesRows : bad) {
            LocalOrderbook book = standardBook();
            List<PriceLevel> before = book.snapshot().yesBids();
            assertEquals(ApplyResult.INVALID_LEVEL, book.applySnapshot(11, yesRows, null), yesRows::toString);
            OrderbookView v = book.snapshot();
            assertTrue(v.isStale());
            assertEquals(before, v.yesBids());
            assertEquals(10, v.seq());
        }
    }

    @Test
    void delta_addsNewLevel() {
        LocalOrderbook book = standardBook();
        assertEquals(ApplyResult.APPLIED, book.applyDelta(11, Side.YES, bd("0.5700"), bd("7.00")));
        OrderbookView v = book.snapshot();
        assertEquals(level("0.57", "7"), v.yesBids().get(0));
        assertEquals(3, v.yesBids().size());
        assertEquals(11, v.seq());
    }

    @Test
    void delta_accumulatesExactlyOnExistingLevel() {
        LocalOrderbook book = standardBook();
        book.applyDelta(11, Side.YES, bd("0.5600"), bd("-54.00"));
        book.applyDelta(12, Side.YES, bd("0.5600"), bd("0.01"));
        BigDecimal count = book.snapshot().bestLevel(Side.YES).orElseThrow().count();
        assertEquals("46.01", count.toPlainString());
    }

    @Test
    void delta_reducingLevelToZero_removesLevel() {
        LocalOrderbook book = standardBook();
        assertEquals(ApplyResult.APPLIED, book.applyDelta(11, Side.YES, bd("0.5500"), bd("-20.00")));
        assertEquals(List.of(level("0.56", "100")), book.snapshot().yesBids());
    }

    @Test
    void delta_removingBestLevel_promotesNextBest() {
        LocalOrderbook book = standardBook();
        book.applyDelta(11, Side.NO, bd("0.4000"), bd("-30.00"));
        OrderbookView v = book.snapshot();
        assertEquals(Optional.of(bd("0.3800")), v.bestNoBid());
        book.applyDelta(12, Side.NO, bd("0.3800"), bd("-5"));
        assertEquals(Optional.empty(), book.snapshot().bestNoBid());
        book.applyDelta(13, Side.NO, bd("0.0100"), bd("1"));
        assertEquals(Optional.of(bd("0.0100")), book.snapshot().bestNoBid());
    }

    @Test
    void delta_zeroOnMissingLevel_createsNothing() {
        LocalOrderbook book = standardBook();
        assertEquals(ApplyResult.APPLIED, book.applyDelta(11, Side.YES, bd("0.3000"), bd("0.00")));
        assertEquals(2, book.snapshot().yesBids().size());
    }

    @Test
    void delta_drivingCountNegative_marksStaleAndReports() {
        LocalOrderbook book = standardBook();
        List<PriceLevel> before = book.snapshot().yesBids();
        assertEquals(ApplyResult.NEGATIVE_COUNT, book.applyDelta(11, Side.YES, bd("0.5500"), bd("-20.01")));
        OrderbookView v = book.snapshot();
        assertTrue(v.isStale());
        assertEquals(before, v.yesBids());
        assertEquals(10, v.seq());
        assertTrue(ApplyResult.NEGATIVE_COUNT.requiresResync());
    }

    @Test
    void delta_onMissingLevelWithNegativeDelta_isNegativeCount() {
        LocalOrderbook book = standardBook();
        assertEquals(ApplyResult.NEGATIVE_COUNT, book.applyDelta(11, Side.NO, bd("0.9900"), bd("-1")));
        assertTrue(book.isStale());
    }

    @Test
    void delta_whileStale_isIgnoredUntilNextSnapshot() {
        LocalOrderbook book = standardBook();
        book.markStale();
        assertEquals(ApplyResult.IGNORED_STALE, book.applyDelta(11, Side.YES, bd("0.5000"), bd("1")));
        assertEquals(2, book.snapshot().yesBids().size());
        assertFalse(ApplyResult.IGNORED_STALE.requiresResync());
        book.applySnapshot(30, rows("0.2000", "1"), null);
        assertFalse(book.isStale());
        assertEquals(ApplyResult.APPLIED, book.applyDelta(31, Side.YES, bd("0.2000"), bd("1")));
        assertEquals(level("0.2", "2"), book.snapshot().yesBids().get(0));
    }

    @Test
    void delta_malformedInput_isInvalidAndMarksStale() {
        for (String price : List.of("0.56005", "1.0001", "-0.0100", "1E+20")) {
            LocalOrderbook book = standardBook();
            assertEquals(ApplyResult.INVALID_LEVEL, book.applyDelta(11, Side.YES, bd(price), bd("1")), price);
            assertTrue(book.isStale(), price);
        }
        LocalOrderbook book = standardBook();
        assertEquals(ApplyResult.INVALID_LEVEL, book.applyDelta(11, null, bd("0.5"), bd("1")));
        book = standardBook();
        assertEquals(ApplyResult.INVALID_LEVEL, book.applyDelta(11, Side.NO, null, bd("1")));
        book = standardBook();
        assertEquals(ApplyResult.INVALID_LEVEL, book.applyDelta(11, Side.NO, bd("0.5"), null));
    }

    @Test
    void snapshot_aCountOutOfBounds_leavesTheBookStale_andEveryViewReadable() {
        // The bounds of a fixed-point value (KalshiJson.isFixedPoint): a row past them is malformed like any other,
        // whoever built it; kept, it would make every view's totals expand a billion-digit number.
        for (String count : List.of("1e-999999999", "1E+2147483647", "1E+30000000", "1e-31",
                "1000000000000000000000000000000")) {
            LocalOrderbook book = standardBook();
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertEquals(ApplyResult.INVALID_LEVEL, book.applySnapshot(11, rows("0.4000", count), null), count);
                OrderbookView v = book.snapshot();
                assertTrue(v.isStale(), count);
                assertEquals(10, v.seq());
                assertEquals(0, bd("120.00").compareTo(v.totalCount(Side.YES)), count);
            }, count);
        }
    }

    @Test
    void delta_anAmountOutOfBounds_isInvalidAtOnce_andNeverThrows() {
        for (String delta : List.of("1E+30000000", "1E+2147483647", "-1E+2147483647", "1e-999999999",
                "1E+2147483647".replace("+", "-"))) {
            LocalOrderbook book = standardBook();
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertEquals(ApplyResult.INVALID_LEVEL, book.applyDelta(11, Side.YES, bd("0.5600"), bd(delta)), delta);
                assertTrue(book.isStale(), delta);
                assertEquals(0, bd("120.00").compareTo(book.snapshot().totalCount(Side.YES)), delta);
            }, delta);
        }
    }

    @Test
    void delta_aSumPastTheBounds_isInvalid() {
        LocalOrderbook book = new LocalOrderbook(TICKER);
        String big = "900000000000000000000000000000";
        book.applySnapshot(1, rows("0.5000", big), null);
        assertEquals(ApplyResult.INVALID_LEVEL, book.applyDelta(2, Side.YES, bd("0.5000"), bd(big)));
        assertTrue(book.isStale());
    }

    @Test
    void delta_acceptsGridEdgesAndFractionalCounts() {
        LocalOrderbook book = new LocalOrderbook(TICKER);
        book.applySnapshot(1, null, null);
        assertEquals(ApplyResult.APPLIED, book.applyDelta(2, Side.YES, bd("0.0001"), bd("80390.47")));
        assertEquals(ApplyResult.APPLIED, book.applyDelta(3, Side.YES, bd("0.9999"), bd("0.5")));
        assertEquals(ApplyResult.APPLIED, book.applyDelta(4, Side.YES, bd("0.56000000"), bd("1")));
        OrderbookView v = book.snapshot();
        assertEquals(List.of(level("0.9999", "0.5"), level("0.56", "1"), level("0.0001", "80390.47")), v.yesBids());
    }

    @Test
    void markStale_thenSnapshot_clearsStale() {
        LocalOrderbook book = standardBook();
        book.markStale();
        assertTrue(book.isStale());
        assertTrue(book.snapshot().isStale());
        book.applySnapshot(40, null, rows("0.3000", "1"));
        assertFalse(book.isStale());
        assertFalse(book.snapshot().isStale());
    }

    @Test
    void yesAsk_isOneMinusBestNoBid() {
        OrderbookView v = standardBook().snapshot();
        assertEquals(0, bd("0.60").compareTo(v.yesAsk().orElseThrow()));
        assertEquals("0.6000", v.yesAsk().orElseThrow().toPlainString());
    }

    @Test
    void noAsk_isOneMinusBestYesBid() {
        OrderbookView v = standardBook().snapshot();
        assertEquals("0.4400", v.noAsk().orElseThrow().toPlainString());
    }

    @Test
    void spread_isYesAskMinusBestYesBid() {
        OrderbookView v = standardBook().snapshot();
        assertEquals("0.0400", v.spread().orElseThrow().toPlainString());
        // The NO spread is the same number: noAsk - bestNoBid.
        assertEquals(0, v.spread().orElseThrow().compareTo(v.noAsk().orElseThrow().subtract(v.bestNoBid().orElseThrow())));
    }

    @Test
    void asksAndSpread_areEmptyWhenTheOtherSideIsEmpty() {
        LocalOrderbook book = new LocalOrderbook(TICKER);
        book.applySnapshot(1, rows("0.5600", "1"), null);
        OrderbookView v = book.snapshot();
        assertEquals(Optional.of(bd("0.5600")), v.bestYesBid());
        assertEquals(Optional.empty(), v.bestNoBid());
        assertEquals(Optional.empty(), v.yesAsk());
        assertEquals("0.4400", v.noAsk().orElseThrow().toPlainString());
        assertEquals(Optional.empty(), v.spread());
        assertEquals(Optional.empty(), v.bestLevel(Side.NO));
    }

    @Test
    void depth_returnsBestNLevels() {
        OrderbookView v = standardBook().snapshot();
        assertEquals(List.of(level("0.56", "100")), v.depth(Side.YES, 1));
        assertEquals(v.yesBids(), v.depth(Side.YES, 5));
        assertTrue(v.depth(Side.NO, 0).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> v.depth(Side.NO, -1));
    }

    @Test
    void totalCount_sumsEveryLevelOfASide() {
        OrderbookView v = standardBook().snapshot();
        assertEquals("120.00", v.totalCount(Side.YES).toPlainString());
        assertEquals("35.00", v.totalCount(Side.NO).toPlainString());
        assertEquals(0, new LocalOrderbook(TICKER).snapshot().totalCount(Side.YES).signum());
    }

    @Test
    void view_isImmutableAndUnaffectedByLaterDeltas() {
        LocalOrderbook book = standardBook();
        OrderbookView before = book.snapshot();
        assertThrows(UnsupportedOperationException.class, () -> before.yesBids().clear());
        assertThrows(UnsupportedOperationException.class, () -> before.depth(Side.YES, 1).clear());
        book.applyDelta(11, Side.YES, bd("0.5600"), bd("-100"));
        assertEquals(10, before.seq());
        assertEquals(2, before.yesBids().size());
        assertEquals(1, book.snapshot().yesBids().size());
    }

    @Test
    void view_isReusedUntilTheNextWrite() {
        LocalOrderbook book = standardBook();
        OrderbookView first = book.snapshot();
        assertSame(first, book.snapshot());
        book.applyDelta(11, Side.NO, bd("0.1000"), bd("1"));
        assertNotSame(first, book.snapshot());
        OrderbookView second = book.snapshot();
        book.markStale();
        assertNotSame(second, book.snapshot());
    }

    @Test
    void concurrentReaders_seeConsistentSnapshots() throws Exception {
        // Every delta changes the YES total by a known amount, so a view whose total does not
        // match its own seq would expose a half-applied or torn update.
        final int deltas = 200_000;
        final long baseSeq = 1_000;
        LocalOrderbook book = new LocalOrderbook(TICKER);
        book.applySnapshot(baseSeq, null, rows("0.5000", "1.00"));

        AtomicBoolean done = new AtomicBoolean();
        AtomicLong viewsChecked = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            Thread t = new Thread(() -> {
                started.countDown();
                long lastSeq = -1;
                while (!done.get() || lastSeq < baseSeq + deltas) {
                    OrderbookView v = book.snapshot();
                    String problem = inconsistency(v, baseSeq, lastSeq);
                    if (problem != null) {
                        failures.add(problem);
                        return;
                    }
                    lastSeq = v.seq();
                    viewsChecked.incrementAndGet();
                }
            }, "reader-" + r);
            t.start();
            readers.add(t);
        }
        started.await();
        for (int i = 1; i <= deltas; i++) {
            ApplyResult res = (i % 2 == 1)
                    ? book.applyDelta(baseSeq + i, Side.YES, priceFor(i), bd("2.00"))
                    : book.applyDelta(baseSeq + i, Side.YES, priceFor(i - 1), bd("-1.00"));
            assertEquals(ApplyResult.APPLIED, res);
        }
        done.set(true);
        for (Thread t : readers) {
            t.join(30_000);
            assertFalse(t.isAlive(), "reader did not finish");
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        assertTrue(viewsChecked.get() > 4, "readers checked " + viewsChecked.get() + " views");
        assertEquals(0, expectedYesTotal(deltas).compareTo(book.snapshot().totalCount(Side.YES)));
    }

    private static BigDecimal priceFor(int i) {
        return BigDecimal.valueOf(1 + (i * 7919L) % 9999, 4);
    }

    /** YES total after k deltas of the alternating +2 / -1 pattern. */
    private static BigDecimal expectedYesTotal(long k) {
        return BigDecimal.valueOf(2 * ((k + 1) / 2) - k / 2);
    }

    private static String inconsistency(OrderbookView v, long baseSeq, long previousSeq) {
        if (v.isStale()) {
            return "stale view at seq " + v.seq();
        }
        if (v.seq() < previousSeq) {
            return "seq went backwards: " + previousSeq + " -> " + v.seq();
        }
        BigDecimal expected = expectedYesTotal(v.seq() - baseSeq);
        if (v.totalCount(Side.YES).compareTo(expected) != 0) {
            return "seq " + v.seq() + ": YES total " + v.totalCount(Side.YES) + " != " + expected;
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal prev = null;
        for (PriceLevel l : v.yesBids()) {
            if (prev != null && l.price().compareTo(prev) >= 0) {
                return "ladder not strictly descending at " + l;
            }
            if (l.count().signum() <= 0) {
                return "non-positive level " + l;
            }
            prev = l.price();
            sum = sum.add(l.count());
        }
        if (sum.compareTo(v.totalCount(Side.YES)) != 0) {
            return "ladder sum " + sum + " != total " + v.totalCount(Side.YES);
        }
        if (!v.yesBids().isEmpty() && !v.bestYesBid().orElseThrow().equals(v.yesBids().get(0).price())) {
            return "best bid is not the ladder head";
        }
        if (v.noBids().size() != 1) {
            return "NO side changed: " + v.noBids();
        }
        return null;
    }
}
