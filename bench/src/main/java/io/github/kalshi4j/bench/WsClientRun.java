package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.internal.KalshiMappers;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.WsMessageTypes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The receiving side of the WebSocket end-to-end runs, until kalshi4j's own WebSocket client is in the build: the
 * JDK's {@code java.net.http.WebSocket}, signed like Kalshi wants, subscribed to one market's orderbook_delta, with
 * kalshi4j's decode and dispatch of every frame (the pipeline of the in-memory benchmark: parse, look the envelope
 * type up in the generated {@link WsMessageTypes}, bind the generated payload with the client's mapper, call back).
 * The callback records the arrival time, the latency from the frame's {@code ts} (set by the exchange when it hands
 * the frame to its send queue) and sequence gaps.
 */
final class WsClientRun implements WebSocket.Listener {

    private final ObjectMapper mapper = KalshiMappers.create();
    private final Map<String, Class<?>> types = WsMessageTypes.byType();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<long[]> subscribed = new CompletableFuture<>();
    private WebSocket socket;

    // Written by the listener thread, read after the latch.
    private volatile CountDownLatch done = new CountDownLatch(0);
    private int expected;
    private int received;
    private long firstNanos;
    private long lastNanos;
    private long nextSeq = -1;
    private long gaps;
    private long decodeErrors;
    private Latencies latencies = new Latencies();

    /** Connects, subscribes to {@code ticker}'s orderbook_delta and returns {sid, seq of the snapshot}. */
    long[] open(URI url, RsaPssSigner signer, String ticker) throws Exception {
        RequestSignature sig = RequestSignature.sign(signer, "GET", url.getPath(), System.currentTimeMillis());
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        sig.headers().forEach(b::header);
        socket = b.buildAsync(url, this).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],"
                + "\"market_ticker\":\"" + ticker + "\"}}", true).get(10, TimeUnit.SECONDS);
        long[] r = waitSnapshot(subscribed, Duration.ofSeconds(10));
        nextSeq = r[1] + 1;
        return r;
    }

    /** Arms the counters for the next {@code frames} orderbook_delta frames. */
    void expect(int frames) {
        expected = frames;
        received = 0;
        gaps = 0;
        decodeErrors = 0;
        latencies = new Latencies();
        done = new CountDownLatch(1);
    }

    /** Waits for the armed frames and describes them. */
    ObjectNode await(double timeoutSeconds) throws InterruptedException {
        boolean all = done.await((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        double seconds = (lastNanos - firstNanos) / 1e9;
        ObjectNode out = Json.MAPPER.createObjectNode();
        long[] sorted = Latencies.merged(latencies);
        out.put("complete", all).put("expected", expected).put("received", received)
                .put("firstToLastSeconds", seconds).put("perSecond", (received - 1) / seconds)
                .put("latencyP50us", Latencies.quantile(sorted, 0.50) / 1e3)
                .put("latencyP90us", Latencies.quantile(sorted, 0.90) / 1e3)
                .put("latencyP99us", Latencies.quantile(sorted, 0.99) / 1e3)
                .put("latencyMaxUs", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e3)
                .put("seqGaps", gaps).put("decodeErrors", decodeErrors).put("nextSeq", nextSeq);
        return out;
    }

    void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last || partial.length() > 0) {
            partial.append(data);
            if (!last) {
                return null;
            }
            data = partial.toString();
            partial.setLength(0);
        }
        Object message;
        JsonNode tree;
        try {
            tree = mapper.readTree(data.toString());
            Class<?> type = types.get(tree.path("type").asText());
            message = type == null ? tree : mapper.treeToValue(tree, type);
        } catch (Exception e) {
            decodeErrors++;
            return null;
        }
        onMessage(message, tree);
        return null;
    }

    /** The callback: what a subscriber's handler would see. */
    private void onMessage(Object message, JsonNode tree) {
        if (message instanceof OrderbookDeltaPayload d) {
            long now = System.nanoTime();
            Instant ts = d.msg().ts() == null ? null : d.msg().ts().toInstant();
            if (ts != null) {
                latencies.add(Math.max(0, ChronoUnit.NANOS.between(ts, Instant.now())));
            }
            if (d.seq() != nextSeq) {
                gaps++;
            }
            nextSeq = d.seq() + 1;
            if (received == 0) {
                firstNanos = now;
            }
            lastNanos = now;
            if (++received == expected) {
                done.countDown();
            }
        } else if ("subscribed".equals(tree.path("type").asText())) {
            subscribed.obtrudeValue(new long[] {tree.path("msg").path("sid").asLong(), -1});
        } else if ("orderbook_snapshot".equals(tree.path("type").asText())) {
            long sid = tree.path("sid").asLong();
            subscribed.obtrudeValue(new long[] {sid, tree.path("seq").asLong()});
        }
    }

    /** The subscription future completes only once the snapshot arrived (the sid alone is not enough). */
    static long[] waitSnapshot(CompletableFuture<long[]> f, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            long[] v = f.getNow(null);
            if (v != null && v[1] >= 0) {
                return v;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no orderbook snapshot");
    }
}
