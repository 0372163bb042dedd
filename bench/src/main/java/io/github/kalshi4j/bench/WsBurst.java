package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.testkit.Faults;
import io.github.kalshi4j.testkit.LocalKalshiExchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A burst source of orderbook_delta frames for the WebSocket end-to-end runs, inside the exchange process: frames
 * go out through the exchange's own raw-send hook ({@code faults().webSocket().sendRaw}), i.e. its dispatcher, its
 * per-connection send queue and Jetty, to every open connection.
 *
 * <p>Prices and sizes are the real deltas of {@code ws/orderbook_delta__zkiihne-gold15m.jsonl}, each sent as an
 * addition and later the matching removal, so that the stream is a valid book for a client that starts from an
 * empty snapshot. Sequence numbers continue from {@code seq} on subscription {@code sid}; {@code ts} is the moment the
 * frame is handed to the exchange (microseconds), which lets a client measure latency up to its callback.
 */
final class WsBurst {

    private final Faults.WebSocketFaults ws;
    private final String[] sides;
    private final String[] prices;
    private final String[] sizes;

    WsBurst(LocalKalshiExchange exchange) {
        this.ws = exchange.faults().webSocket();
        List<String[]> deltas = new ArrayList<>();
        for (String line : WireSamples.wsFrames(WireSamples.dir(), "orderbook_delta__zkiihne-gold15m.jsonl")) {
            try {
                JsonNode f = Json.MAPPER.readTree(line);
                if ("orderbook_delta".equals(f.path("type").asText())) {
                    JsonNode m = f.path("msg");
                    String size = m.path("delta_fp").asText().replace("-", "");
                    deltas.add(new String[] {m.path("side").asText(), m.path("price_dollars").asText(), size});
                }
            } catch (Exception e) {
                throw new IllegalStateException("bad capture line " + line, e);
            }
        }
        int n = deltas.size();
        sides = new String[2 * n];
        prices = new String[2 * n];
        sizes = new String[2 * n];
        for (int i = 0; i < n; i++) {
            String[] d = deltas.get(i);
            sides[2 * i] = d[0];
            prices[2 * i] = d[1];
            sizes[2 * i] = d[2];
            sides[2 * i + 1] = d[0];
            prices[2 * i + 1] = d[1];
            sizes[2 * i + 1] = "-" + d[2];
        }
    }

    /** Sends {@code frames} frames, as fast as possible when {@code ratePerSecond} is 0, else paced to that rate. */
    ObjectNode send(long sid, long seq, String ticker, int frames, double ratePerSecond) {
        String head = "{\"type\":\"orderbook_delta\",\"sid\":" + sid + ",\"seq\":";
        String market = ",\"msg\":{\"market_ticker\":\"" + ticker
                + "\",\"market_id\":\"31185e50-0db4-4c57-b95d-0123f5c07ec8\",\"price_dollars\":\"";
        StringBuilder b = new StringBuilder(320);
        long t0 = System.nanoTime();
        int sent = 0;
        while (sent < frames) {
            int due = frames;
            if (ratePerSecond > 0) {
                due = (int) Math.min(frames, (System.nanoTime() - t0) * ratePerSecond / 1e9 + 1);
                if (due <= sent) {
                    LockSupport.parkNanos(20_000);
                    continue;
                }
            }
            for (; sent < due; sent++) {
                int k = sent % sides.length;
                b.setLength(0);
                b.append(head).append(seq + sent).append(market).append(prices[k]).append("\",\"delta_fp\":\"")
                        .append(sizes[k]).append("\",\"side\":\"").append(sides[k]).append("\",\"ts\":\"")
                        .append(Instant.now()).append("\"}}");
                ws.sendRaw(b.toString());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return Json.MAPPER.createObjectNode().put("sent", sent).put("seconds", seconds).put("perSecond", sent / seconds);
    }
}
