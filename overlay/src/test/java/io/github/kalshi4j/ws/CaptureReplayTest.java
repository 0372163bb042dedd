package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.ws.SequenceTracker.Result;
import io.github.kalshi4j.ws.SequenceTracker.Status;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Replays real Kalshi {@code orderbook_delta} captures (zkiihne/kalshi-gold15m-sample, Aug 2026,
 * fp-only era) through {@link LocalOrderbook} and {@link SequenceTracker}, and checks them
 * against an independent recomputation written here with plain maps.
 *
 * <p>What the delta capture holds (pinned below so a changed file is noticed): one
 * {@code orderbook_snapshot} and 2,999 {@code orderbook_delta} frames, all for
 * KXGOLD15M-26AUG102130-30 on sid 1, seq 2,399,864..2,405,309. The seq stream has 659 jumps
 * (2,446 numbers absent) and no repeats. The upstream log is per market while sid 1 covered
 * several markets, so the absent numbers are other markets' frames, not loss: the book replays
 * without a single negative level and never crosses. A live client would treat each jump as a
 * gap; here the replay keeps applying so the final book can be compared.
 */
class CaptureReplayTest {

    private static final String DELTAS = "wire-samples/ws/orderbook_delta__zkiihne-gold15m.jsonl";
    private static final String SNAPSHOTS = "wire-samples/ws/orderbook_snapshot__zkiihne-gold15m.jsonl";
    private static final String MARKET = "KXGOLD15M-26AUG102130-30";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> readFrames(Path file) throws IOException {
        List<JsonNode> frames = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                frames.add(JSON.readTree(line));
            }
        }
        return frames;
    }

    /** Reads a {@code [[price, count], ...]} array of decimal strings; absent or null means empty. */
    private static List<List<BigDecimal>> rows(JsonNode msg, String field) {
        JsonNode arr = msg.get(field);
        if (arr == null || arr.isNull()) {
            return null;
        }
        List<List<BigDecimal>> out = new ArrayList<>();
        for (JsonNode row : arr) {
            // Strings on the wire; build BigDecimal from the text so no double is ever involved.
            out.add(List.of(new BigDecimal(row.get(0).textValue()), new BigDecimal(row.get(1).textValue())));
        }
        return out;
    }

    // ---- independent model: one flat map "market|side|price" -> count, nothing shared with LocalOrderbook

    private static String key(String market, String side, String price) {
        return market + "|" + side + "|" + new BigDecimal(price).stripTrailingZeros().toPlainString();
    }

    private static void referenceSnapshot(Map<String, BigDecimal> ref, String market, JsonNode msg) {
        ref.keySet().removeIf(k -> k.startsWith(market + "|"));
        for (String side : List.of("yes", "no")) {
            JsonNode arr = msg.get(side + "_dollars_fp");
            if (arr == null || arr.isNull()) {
                continue;
            }
            for (JsonNode row : arr) {
                BigDecimal count = new BigDecimal(row.get(1).textValue());
                if (count.signum() != 0) {
                    ref.put(key(market, side, row.get(0).textValue()), count);
                }
            }
        }
    }

    private static void referenceDelta(Map<String, BigDecimal> ref, String market, JsonNode msg) {
        String k = key(market, msg.get("side").textValue(), msg.get("price_dollars").textValue());
        BigDecimal updated = ref.getOrDefault(k, BigDecimal.ZERO).add(new BigDecimal(msg.get("delta_fp").textValue()));
        if (updated.signum() < 0) {
            fail("reference book went negative at " + k);
        }
        if (updated.signum() == 0) {
            ref.remove(k);
        } else {
            ref.put(k, updated);
        }
    }

    /** Flattens a view into the reference map's shape. */
    private static Map<String, BigDecimal> flatten(OrderbookView v) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Side side : Side.values()) {
            for (PriceLevel l : v.bids(side)) {
                out.put(key(v.marketTicker(), side.wire(), l.price().toPlainString()), l.count());
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> referenceFor(Map<String, BigDecimal> ref, String market) {
        Map<String, BigDecimal> out = new HashMap<>();
        ref.forEach((k, c) -> {
            if (k.startsWith(market + "|")) {
                out.put(k, c);
            }
        });
        return out;
    }

    private static void assertSameBook(Map<String, BigDecimal> expected, Map<String, BigDecimal> actual, String where) {
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), where + ": levels differ");
        expected.forEach((k, c) ->
                assertEquals(0, c.compareTo(actual.get(k)), () -> where + ": " + k + " expected " + c + " got " + actual.get(k)));
    }

    @Test
    void deltaCapture_replaysToTheIndependentlyRecomputedBook() throws IOException {
        List<JsonNode> frames = readFrames(SharedSamples.require(DELTAS));

        Map<String, LocalOrderbook> books = new LinkedHashMap<>();
        Map<String, BigDecimal> reference = new HashMap<>();
        int snapshots = 0;
        int deltas = 0;
        for (JsonNode frame : frames) {
            String type = frame.get("type").textValue();
            long seq = frame.get("seq").longValue();
            JsonNode msg = frame.get("msg");
            String market = msg.get("market_ticker").textValue();
            LocalOrderbook book = books.computeIfAbsent(market, LocalOrderbook::new);
            ApplyResult result;
            if ("orderbook_snapshot".equals(type)) {
                snapshots++;
                result = book.applySnapshot(seq, rows(msg, "yes_dollars_fp"), rows(msg, "no_dollars_fp"));
                referenceSnapshot(reference, market, msg);
            } else if ("orderbook_delta".equals(type)) {
                deltas++;
                result = book.applyDelta(seq, Side.fromWire(msg.get("side").textValue()),
                        new BigDecimal(msg.get("price_dollars").textValue()),
                        new BigDecimal(msg.get("delta_fp").textValue()));
                referenceDelta(reference, market, msg);
            } else {
                fail("unexpected frame type " + type);
                return;
            }
            assertEquals(ApplyResult.APPLIED, result, "seq " + seq);

            // Compare after every frame, not only at the end, so a transient error cannot cancel out.
            OrderbookView view = book.snapshot();
            assertFalse(view.isStale());
            assertEquals(seq, view.seq());
            assertSameBook(referenceFor(reference, market), flatten(view), "after seq " + seq);
            view.spread().ifPresent(s -> assertTrue(s.signum() > 0, "book crossed at seq " + seq + ": " + view));
        }

        assertEquals(Set.of(MARKET), books.keySet());
        assertEquals(1, snapshots);
        assertEquals(2_999, deltas);

        // Pinned from a separate Python Decimal replay of the same file: a third opinion.
        OrderbookView last = books.get(MARKET).snapshot();
        assertEquals(2_405_309, last.seq());
        assertEquals(15, last.yesBids().size());
        assertEquals(20, last.noBids().size());
        assertEquals(new PriceLevel(new BigDecimal("0.37"), new BigDecimal("130.14")), last.bestLevel(Side.YES).orElseThrow());
        assertEquals(new PriceLevel(new BigDecimal("0.54"), new BigDecimal("22")), last.bestLevel(Side.NO).orElseThrow());
        assertEquals("0.4600", last.yesAsk().orElseThrow().toPlainString());
        assertEquals("0.6300", last.noAsk().orElseThrow().toPlainString());
        assertEquals("0.0900", last.spread().orElseThrow().toPlainString());
        assertEquals(new PriceLevel(new BigDecimal("0.01"), new BigDecimal("345.01")), last.yesBids().get(14));
        assertEquals(new PriceLevel(new BigDecimal("0.01"), new BigDecimal("276.84")), last.noBids().get(19));
    }

    @Test
    void deltaCapture_sequenceGapsMatchAnIndependentScan() throws IOException {
        List<JsonNode> frames = readFrames(SharedSamples.require(DELTAS));

        // Independent scan: consecutive seq values per sid, no tracker involved.
        List<long[]> expectedGaps = new ArrayList<>();
        int expectedRepeats = 0;
        Map<Long, Long> previous = new HashMap<>();
        for (JsonNode frame : frames) {
            long sid = frame.get("sid").longValue();
            long seq = frame.get("seq").longValue();
            Long prev = previous.get(sid);
            if (prev != null && seq > prev + 1) {
                expectedGaps.add(new long[] {prev + 1, seq});
            } else if (prev != null && seq <= prev) {
                expectedRepeats++;
            }
            if (prev == null || seq > prev) {
                previous.put(sid, seq);
            }
        }

        Map<Long, SequenceTracker> trackers = new HashMap<>();
        List<long[]> reportedGaps = new ArrayList<>();
        int duplicates = 0;
        for (JsonNode frame : frames) {
            SequenceTracker tracker = trackers.computeIfAbsent(frame.get("sid").longValue(), sid -> new SequenceTracker());
            Result r = tracker.check(frame.get("seq").longValue());
            if (r.status() == Status.GAP) {
                reportedGaps.add(new long[] {r.expected(), r.actual()});
            } else if (r.status() == Status.DUPLICATE) {
                duplicates++;
            }
        }

        assertEquals(expectedGaps.size(), reportedGaps.size());
        for (int i = 0; i < expectedGaps.size(); i++) {
            long[] e = expectedGaps.get(i);
            long[] a = reportedGaps.get(i);
            assertEquals(e[0], a[0], "gap " + i + " expected");
            assertEquals(e[1], a[1], "gap " + i + " actual");
        }
        assertEquals(expectedRepeats, duplicates);

        // What this capture really contains (see class comment for why the jumps are benign here).
        assertEquals(Set.of(1L), trackers.keySet());
        assertEquals(659, reportedGaps.size());
        assertEquals(2_446, reportedGaps.stream().mapToLong(g -> g[1] - g[0]).sum());
        assertEquals(0, duplicates);
        assertEquals(2_399_865, reportedGaps.get(0)[0]);
        assertEquals(2_399_869, reportedGaps.get(0)[1]);
    }

    @Test
    void deltaCapture_isFpOnlyWithoutLegacyIntegerFields() throws IOException {
        Map<String, Set<String>> fieldsByType = new HashMap<>();
        for (JsonNode frame : readFrames(SharedSamples.require(DELTAS))) {
            Set<String> fields = fieldsByType.computeIfAbsent(frame.get("type").textValue(), t -> new TreeSet<>());
            for (Iterator<String> it = frame.get("msg").fieldNames(); it.hasNext(); ) {
                fields.add(it.next());
            }
            JsonNode msg = frame.get("msg");
            if (msg.has("price_dollars")) {
                assertTrue(msg.get("price_dollars").isTextual() && msg.get("delta_fp").isTextual());
            }
        }
        assertEquals(Set.of("market_ticker", "market_id", "yes_dollars_fp", "no_dollars_fp"),
                fieldsByType.get("orderbook_snapshot"));
        // No integer-cent "price"/"delta" or "yes"/"no" ladders: only the fixed-point strings.
        assertEquals(Set.of("market_ticker", "market_id", "price_dollars", "delta_fp", "side", "ts", "ts_ms"),
                fieldsByType.get("orderbook_delta"));
    }

    @Test
    void snapshotCapture_everySnapshotLoadsAndMatchesItsRows() throws IOException {
        List<JsonNode> frames = readFrames(SharedSamples.require(SNAPSHOTS));
        int empty = 0;
        Set<String> markets = new TreeSet<>();
        for (JsonNode frame : frames) {
            assertEquals("orderbook_snapshot", frame.get("type").textValue());
            JsonNode msg = frame.get("msg");
            String market = msg.get("market_ticker").textValue();
            markets.add(market);
            LocalOrderbook book = new LocalOrderbook(market);
            long seq = frame.get("seq").longValue();
            assertEquals(ApplyResult.APPLIED,
                    book.applySnapshot(seq, rows(msg, "yes_dollars_fp"), rows(msg, "no_dollars_fp")), market);

            Map<String, BigDecimal> reference = new HashMap<>();
            referenceSnapshot(reference, market, msg);
            OrderbookView view = book.snapshot();
            assertFalse(view.isStale());
            assertEquals(seq, view.seq());
            assertSameBook(reference, flatten(view), market + " seq " + seq);
            view.spread().ifPresent(s -> assertTrue(s.signum() > 0, "crossed snapshot " + view));
            if (view.yesBids().isEmpty() && view.noBids().isEmpty()) {
                empty++;
                assertTrue(view.bestYesBid().isEmpty() && view.yesAsk().isEmpty() && view.spread().isEmpty());
            }
        }
        assertEquals(103, frames.size());
        assertEquals(62, empty, "snapshots omitting both sides");
        assertEquals(39, markets.size());
    }
}
