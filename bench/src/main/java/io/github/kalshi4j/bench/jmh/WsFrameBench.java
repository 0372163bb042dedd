package io.github.kalshi4j.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.bench.WireSamples;
import io.github.kalshi4j.internal.KalshiMappers;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.WsMessageTypes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Decode + dispatch of orderbook_delta frames from memory, one thread: the text of each captured frame
 * (orderbook_delta__zkiihne-gold15m.jsonl, cycled) is parsed, its envelope {@code type} looked up in the generated
 * {@link WsMessageTypes} table, bound to the generated payload model with the client's mapper, and handed to a
 * callback. {@link #readTreeOnly()} parses the same frames into a Jackson tree and nothing else: the floor any JSON
 * decoder built on Jackson pays, as a side-by-side reference on a noisy machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WsFrameBench {

    private String[] frames;
    private int next;
    private ObjectMapper mapper;
    private Map<String, Class<?>> types;
    private Blackhole sink;

    @Setup
    public void setup(Blackhole blackhole) {
        List<String> lines = WireSamples.wsFrames(WireSamples.dir(), "orderbook_delta__zkiihne-gold15m.jsonl");
        frames = lines.stream().filter(l -> l.contains("\"orderbook_delta\"")).toArray(String[]::new);
        mapper = KalshiMappers.create();
        types = WsMessageTypes.byType();
        sink = blackhole;
        for (String f : frames) {
            if (!(decode(f) instanceof OrderbookDeltaPayload d) || d.msg().deltaFp() == null) {
                throw new IllegalStateException("frame did not decode into an orderbook delta: " + f);
            }
        }
    }

    private Object decode(String frame) {
        try {
            JsonNode tree = mapper.readTree(frame);
            Class<?> type = types.get(tree.path("type").asText());
            return type == null ? tree : mapper.treeToValue(tree, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void onMessage(Object message) {
        sink.consume(message);
    }

    @Benchmark
    public void decodeAndDispatch() {
        int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        onMessage(decode(frames[i]));
    }

    @Benchmark
    public void readTreeOnly() throws Exception {
        int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        sink.consume(mapper.readTree(frames[i]));
    }
}
