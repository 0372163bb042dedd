package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.bench.WireSamples;
import io.github.kalshi4j.internal.KalshiMappers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Decode + dispatch of orderbook_delta frames from memory, one thread, through kalshi4j's own WebSocket inbound path:
 * what {@code Router.onText} does with a data frame, minus the socket and the actor hand-off. The text of each
 * captured frame (orderbook_delta__zkiihne-gold15m.jsonl, cycled) goes to the SDK's {@link FrameDecoder#decodeData},
 * which reads the envelope and binds {@code msg} to the generated payload in one streaming pass (a frame it declines
 * would be read into a tree, as the engine does; the setup checks that none of these is), and the registered handlers
 * are called. In this package (in the bench module) because the decoder is package-private.
 *
 * <p>Two references run beside it: {@link #treePathDispatch()}, the same frames through the tree path every frame
 * took before the one-pass decoder ({@code readTree}, then the tree bound to the payload), and {@link #readTreeOnly()},
 * a Jackson {@code readTree} of the frames and nothing else: the floor any decoder built on Jackson trees pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WsFrameBench {

    private String[] frames;
    private int next;
    private ObjectMapper mapper;
    private FrameDecoder decoder;
    private List<Consumer<? super WsMessage>> handlers;
    private Blackhole sink;

    @Setup
    public void setup(Blackhole blackhole) {
        List<String> lines = WireSamples.wsFrames(WireSamples.dir(), "orderbook_delta__zkiihne-gold15m.jsonl");
        frames = lines.stream().filter(l -> l.contains("\"orderbook_delta\"")).toArray(String[]::new);
        mapper = KalshiMappers.create();
        decoder = new FrameDecoder(mapper, e -> {
            throw new IllegalStateException("decode problem", e);
        });
        sink = blackhole;
        handlers = List.of(sink::consume);
        for (String f : frames) {
            // The row measures the one-pass path only if every frame takes it, and gives what the tree gives.
            WsMessage onePass = decoder.decodeData(f);
            if (!(onePass instanceof WsMessage.OrderbookDelta d) || d.payload().msg().deltaFp() == null) {
                throw new IllegalStateException("frame did not decode in one pass into an orderbook delta: " + f);
            }
            if (!onePass.equals(viaTree(f))) {
                throw new IllegalStateException("one pass and tree disagree on " + f);
            }
        }
    }

    /** The engine's way: one pass, else the tree. */
    private WsMessage decode(String text) {
        WsMessage data = decoder.decodeData(text);
        return data != null ? data : viaTree(text);
    }

    private WsMessage viaTree(String text) {
        try {
            JsonNode frame = mapper.readTree(text);
            return decoder.decode(frame.path("type").asText(""), frame);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void dispatch(WsMessage message) {
        for (Consumer<? super WsMessage> h : handlers) {
            h.accept(message);
        }
    }

    @Benchmark
    public void decodeAndDispatch() {
        int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        dispatch(decode(frames[i]));
    }

    @Benchmark
    public void treePathDispatch() {
        int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        dispatch(viaTree(frames[i]));
    }

    @Benchmark
    public void readTreeOnly() throws Exception {
        int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        sink.consume(mapper.readTree(frames[i]));
    }
}
