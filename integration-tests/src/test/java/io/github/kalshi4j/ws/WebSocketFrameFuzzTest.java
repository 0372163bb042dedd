package io.github.kalshi4j.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.internal.KalshiMappers;
import io.github.kalshi4j.it.reliability.JsonMutator;
import io.github.kalshi4j.it.reliability.Reliability;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated WebSocket frames built from the real wire samples ({@code shared/wire-samples/ws}), read the way the
 * client reads a text frame: the client's mapper parses it (an unreadable frame is reported, as the engine does)
 * and the engine's {@link FrameDecoder} turns it into a {@link WsMessage}. Every input must end in a message (a
 * decoded record or a clean {@link WsMessage.Unknown}) with nothing but {@link KalshiException}s reported, within
 * the time bound. This is the decode step alone; poisoned numbers and sequences applied to order books over real
 * sockets are the WebSocket regression tests' part (issue 17, defects 1 to 3).
 */
@Tag(Reliability.TAG)
class WebSocketFrameFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(2);

    @Test
    void everyMutatedFrame_decodesToAMessageOrACleanUnknown_withinTheBound() {
        ObjectMapper mapper = KalshiMappers.create();
        List<Throwable> reported = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(mapper, reported::add);
        List<Reliability.Sample> samples = Reliability.samples("ws");
        assertTrue(samples.size() >= 100, "wire frames found: " + samples.size());
        // The orderbook_delta file holds 3000 frames; a stride keeps every file's share of the inputs even.
        List<Reliability.Sample> chosen = new ArrayList<>();
        Map<String, Integer> perFile = new LinkedHashMap<>();
        for (Reliability.Sample s : samples) {
            String file = s.name().substring(0, s.name().indexOf(':'));
            int n = perFile.merge(file, 1, Integer::sum);
            if (n <= 40 || n % 100 == 0) {
                chosen.add(s);
            }
        }
        List<String> defects = new ArrayList<>();
        long inputs = 0;
        long decoded = 0;
        long unknown = 0;
        long unreadable = 0;
        long longestNanos = 0;
        String longestInput = "";
        for (int seed = 0; seed < Reliability.seeds(); seed++) {
            JsonMutator mutator = new JsonMutator(new ObjectMapper(), Reliability.baseSeed() + seed);
            for (Reliability.Sample sample : chosen) {
                for (int m = 0; m < Reliability.mutations(); m++) {
                    JsonMutator.Mutant mutant = mutator.mutate(sample.text());
                    String label = sample.name() + " seed " + (Reliability.baseSeed() + seed) + " #" + m + " "
                            + mutant.kind();
                    reported.clear();
                    inputs++;
                    long start = System.nanoTime();
                    try {
                        // As the engine does: one streaming pass first, the tree way when that declines.
                        WsMessage direct = decoder.decodeData(mutant.text());
                        JsonNode frame = direct != null ? null : readAsTheEngineDoes(mapper, mutant.text());
                        if (direct != null) {
                            String.valueOf(direct);
                            decoded++;
                        } else if (frame == null) {
                            unreadable++;
                        } else {
                            WsMessage message = decoder.decode(frame.path("type").asText(""), frame);
                            if (message == null) {
                                defects.add(label + ": no message");
                            } else if (message instanceof WsMessage.Unknown) {
                                unknown++;
                            } else {
                                String.valueOf(message);
                                decoded++;
                            }
                        }
                    } catch (Throwable t) {
                        defects.add(label + ": " + Reliability.describe(t));
                    }
                    long took = System.nanoTime() - start;
                    for (Throwable r : reported) {
                        if (!(r instanceof KalshiException)) {
                            defects.add(label + ": reported " + r);
                        }
                    }
                    if (took > longestNanos) {
                        longestNanos = took;
                        longestInput = label;
                    }
                    if (took > BOUND.toNanos()) {
                        defects.add(label + ": took " + took / 1_000_000 + " ms");
                    }
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seeds", Reliability.seeds());
        figures.put("mutationsPerSample", Reliability.mutations());
        figures.put("samples", chosen.size());
        figures.put("inputs", inputs);
        figures.put("handledCleanly", inputs - defects.size());
        figures.put("decodedToARecord", decoded);
        figures.put("cleanUnknown", unknown);
        figures.put("unreadableReported", unreadable);
        figures.put("defects", defects.size());
        figures.put("longestMillis", String.format(Locale.ROOT, "%.1f", longestNanos / 1e6));
        figures.put("longestInput", longestInput);
        Reliability.record("ws-fuzz", figures);
        assertTrue(defects.isEmpty(), defects.size() + " defects, first: " + defects.subList(0, Math.min(10, defects.size())));
    }

    /** As {@code Router.onText}: unreadable or non-object frames are reported and dropped (null here). */
    private static JsonNode readAsTheEngineDoes(ObjectMapper mapper, String text) {
        try {
            JsonNode frame = mapper.readTree(text);
            return frame != null && frame.isObject() ? frame : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
