package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a WebSocket receiver's callback records in the end-to-end runs: the subscription's sid and snapshot seq,
 * then for every orderbook_delta its arrival, the latency from its {@code ts} and sequence gaps. Called on the
 * receiver's one delivery thread; read by the worker after the latch.
 */
final class WsCollector {

    private final CompletableFuture<long[]> snapshot = new CompletableFuture<>();
    private volatile CountDownLatch done = new CountDownLatch(0);
    private int expected;
    private int received;
    private long firstNanos;
    private long lastNanos;
    private long nextSeq = -1;
    private long gaps;
    private Latencies latencies = new Latencies();

    void onSnapshot(long sid, long seq) {
        nextSeq = seq + 1;
        snapshot.complete(new long[] {sid, seq});
    }

    long[] awaitSnapshot(Duration timeout) throws Exception {
        return snapshot.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onDelta(long seq, OffsetDateTime ts) {
        long now = System.nanoTime();
        if (ts != null) {
            latencies.add(Math.max(0, ChronoUnit.NANOS.between(ts.toInstant(), Instant.now())));
        }
        if (seq != nextSeq) {
            gaps++;
        }
        nextSeq = seq + 1;
        if (received == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        if (++received == expected) {
            done.countDown();
        }
    }

    /** Arms the counters for the next {@code frames} orderbook_delta frames. */
    void expect(int frames) {
        expected = frames;
        received = 0;
        gaps = 0;
        latencies = new Latencies();
        done = new CountDownLatch(1);
    }

    /** Waits for the armed frames and describes them. */
    ObjectNode await(double timeoutSeconds) throws InterruptedException {
        boolean all = done.await((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        double seconds = (lastNanos - firstNanos) / 1e9;
        long[] sorted = Latencies.merged(latencies);
        return Json.MAPPER.createObjectNode().put("complete", all).put("expected", expected).put("received", received)
                .put("firstToLastSeconds", seconds).put("perSecond", (received - 1) / seconds)
                .put("latencyP50us", Latencies.quantile(sorted, 0.50) / 1e3)
                .put("latencyP90us", Latencies.quantile(sorted, 0.90) / 1e3)
                .put("latencyP99us", Latencies.quantile(sorted, 0.99) / 1e3)
                .put("latencyMaxUs", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e3)
                .put("seqGaps", gaps).put("nextSeq", nextSeq);
    }
}
