package io.github.kalshi4j.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.bench.WireSamples;
import io.github.kalshi4j.ws.ApplyResult;
import io.github.kalshi4j.ws.LocalOrderbook;
import io.github.kalshi4j.ws.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link LocalOrderbook#applyDelta} over the real deltas of one market (orderbook_delta__zkiihne-gold15m.jsonl), on
 * the book built from the capture's snapshot. The captured deltas are followed by their negations in reverse order,
 * so one cycle returns the book to the snapshot and every delta applies (none is ignored as stale).
 * {@link #treeMapReference()} applies the same deltas to a bare {@code TreeMap<BigDecimal, BigDecimal>} per side (no
 * lock, no validation, no published view): a naive book, as a side-by-side reference on a noisy machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderbookBench {

    private LocalOrderbook book;
    private Side[] sides;
    private BigDecimal[] prices;
    private BigDecimal[] deltas;
    private int next;
    private long seq;
    private final TreeMap<BigDecimal, BigDecimal> refYes = new TreeMap<>();
    private final TreeMap<BigDecimal, BigDecimal> refNo = new TreeMap<>();
    private int refNext;

    @Setup
    public void setup() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = WireSamples.wsFrames(WireSamples.dir(), "orderbook_delta__zkiihne-gold15m.jsonl");
        List<Object[]> forward = new ArrayList<>();
        for (String line : lines) {
            JsonNode frame = mapper.readTree(line);
            JsonNode msg = frame.get("msg");
            if ("orderbook_snapshot".equals(frame.path("type").asText())) {
                book = new LocalOrderbook(msg.get("market_ticker").asText());
                book.applySnapshot(frame.get("seq").asLong(), rows(msg.get("yes_dollars_fp")), rows(msg.get("no_dollars_fp")));
                rows(msg.get("yes_dollars_fp")).forEach(r -> refYes.put(r.get(0), r.get(1)));
                rows(msg.get("no_dollars_fp")).forEach(r -> refNo.put(r.get(0), r.get(1)));
            } else {
                forward.add(new Object[] {Side.fromWire(msg.get("side").asText()),
                    new BigDecimal(msg.get("price_dollars").asText()), new BigDecimal(msg.get("delta_fp").asText())});
            }
        }
        int n = forward.size();
        sides = new Side[2 * n];
        prices = new BigDecimal[2 * n];
        deltas = new BigDecimal[2 * n];
        for (int i = 0; i < n; i++) {
            Object[] d = forward.get(i);
            sides[i] = (Side) d[0];
            prices[i] = (BigDecimal) d[1];
            deltas[i] = (BigDecimal) d[2];
            Object[] back = forward.get(n - 1 - i);
            sides[n + i] = (Side) back[0];
            prices[n + i] = (BigDecimal) back[1];
            deltas[n + i] = ((BigDecimal) back[2]).negate();
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < sides.length; i++) {
                ApplyResult r = apply();
                if (r != ApplyResult.APPLIED) {
                    throw new IllegalStateException("delta " + i + " did not apply: " + r);
                }
            }
        }
    }

    private static List<List<BigDecimal>> rows(JsonNode side) {
        List<List<BigDecimal>> rows = new ArrayList<>();
        if (side != null) {
            for (JsonNode row : side) {
                rows.add(List.of(new BigDecimal(row.get(0).asText()), new BigDecimal(row.get(1).asText())));
            }
        }
        return rows;
    }

    @Benchmark
    public ApplyResult apply() {
        int i = next;
        next = i + 1 == sides.length ? 0 : i + 1;
        return book.applyDelta(++seq, sides[i], prices[i], deltas[i]);
    }

    @Benchmark
    public BigDecimal treeMapReference() {
        int i = refNext;
        refNext = i + 1 == sides.length ? 0 : i + 1;
        TreeMap<BigDecimal, BigDecimal> side = sides[i] == Side.YES ? refYes : refNo;
        BigDecimal next = side.merge(prices[i], deltas[i], BigDecimal::add);
        if (next.signum() == 0) {
            side.remove(prices[i]);
        }
        return next;
    }
}
