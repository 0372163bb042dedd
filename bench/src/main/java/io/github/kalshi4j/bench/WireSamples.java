package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Benchmark inputs built at run time from the real Kalshi captures in {@code shared/wire-samples} (never copied into
 * the repository): a GetMarkets page of realistic markets, and the orderbook_delta frames of a WebSocket capture.
 */
public final class WireSamples {

    /** The price fields of a market whose integer-cent and {@code _dollars} forms are both set when present. */
    private static final String[] PRICES = {"yes_bid", "yes_ask", "no_bid", "no_ask", "last_price",
        "previous_price", "previous_yes_bid", "previous_yes_ask"};

    private WireSamples() {
    }

    /**
     * The capture directory: system property {@code kalshi4j.wireSamples}, else environment variable
     * {@code KALSHI_WIRE_SAMPLES}, else {@code ../shared/wire-samples} next to the repository root.
     */
    public static Path dir() {
        String p = System.getProperty("kalshi4j.wireSamples");
        if (p == null || p.isBlank()) {
            p = System.getenv("KALSHI_WIRE_SAMPLES");
        }
        Path dir;
        if (p != null && !p.isBlank()) {
            dir = Path.of(p);
        } else {
            dir = repoRoot().resolve("../shared/wire-samples").normalize();
        }
        if (!Files.isDirectory(dir.resolve("rest")) || !Files.isDirectory(dir.resolve("ws"))) {
            throw new IllegalStateException("Kalshi wire captures not found at " + dir.toAbsolutePath()
                    + " (expected rest/ and ws/); set KALSHI_WIRE_SAMPLES or -Dkalshi4j.wireSamples");
        }
        return dir;
    }

    /** The repository root: system property {@code kalshi4j.root}, else the first parent holding spec/spec.lock.json. */
    public static Path repoRoot() {
        String p = System.getProperty("kalshi4j.root");
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath();
        }
        Path d = Path.of("").toAbsolutePath();
        while (d != null) {
            if (Files.exists(d.resolve("spec/spec.lock.json"))) {
                return d;
            }
            d = d.getParent();
        }
        throw new IllegalStateException("cannot find the kalshi4j repository root from " + Path.of("").toAbsolutePath()
                + "; set -Dkalshi4j.root");
    }

    /** The market objects of every get_markets__*.json and get_markets-items__*.json capture. */
    static List<ObjectNode> marketTemplates(Path dir) {
        List<ObjectNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("rest"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".json")
                        || !(name.startsWith("get_markets__") || name.startsWith("get_markets-items__"))) {
                    continue;
                }
                JsonNode root = Json.MAPPER.readTree(f.toFile());
                JsonNode markets = root.isArray() ? root : root.path("markets");
                for (JsonNode m : markets) {
                    if (m.isObject()) {
                        out.add((ObjectNode) m);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no market captures (rest/get_markets__*.json) in " + dir);
        }
        return out;
    }

    /**
     * A compact GetMarkets body of {@code count} markets cycling through the captured ones, each with its own ticker,
     * event ticker, prices, sizes and volume (deterministic for a given {@code seed}); the cent and dollar forms of a
     * price agree, as Kalshi sends them.
     */
    public static byte[] marketsPage(Path dir, int count, long seed) {
        List<ObjectNode> templates = marketTemplates(dir);
        SplittableRandom rnd = new SplittableRandom(seed);
        ObjectNode page = Json.MAPPER.createObjectNode();
        ArrayNode markets = page.putArray("markets");
        for (int i = 0; i < count; i++) {
            ObjectNode m = templates.get(i % templates.size()).deepCopy();
            String event = m.path("event_ticker").asText("KXBENCH") + String.format("-%03d", i / 50);
            m.put("event_ticker", event);
            m.put("ticker", event + String.format("-B%04d", i));
            int yesBid = 1 + rnd.nextInt(96);
            int yesAsk = Math.min(99, yesBid + 1 + rnd.nextInt(3));
            int last = yesBid + rnd.nextInt(yesAsk - yesBid + 1);
            int[] cents = {yesBid, yesAsk, 100 - yesAsk, 100 - yesBid, last,
                Math.max(1, last - 1 + rnd.nextInt(3)), Math.max(1, yesBid - 1 + rnd.nextInt(3)),
                Math.min(99, yesAsk - 1 + rnd.nextInt(3))};
            for (int k = 0; k < PRICES.length; k++) {
                setPrice(m, PRICES[k], cents[k]);
            }
            long volume = rnd.nextLong(5_000_000);
            setCount(m, "volume", volume);
            setCount(m, "volume_24h", volume / (1 + rnd.nextInt(30)));
            setCount(m, "open_interest", volume / (1 + rnd.nextInt(5)));
            setCount(m, "yes_bid_size", rnd.nextInt(50_000));
            setCount(m, "yes_ask_size", rnd.nextInt(50_000));
            markets.add(m);
        }
        page.put("cursor", "CgsIr4iTzgYQkMK0ahIdS1hCRU5DSC0yNkFVRzAwMDAxLVQwOTk5");
        try {
            return Json.MAPPER.writeValueAsBytes(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setPrice(ObjectNode m, String field, int cents) {
        if (m.has(field + "_dollars")) {
            m.put(field + "_dollars", BigDecimal.valueOf(cents, 2).setScale(4).toPlainString());
        }
        if (m.has(field) && m.get(field).isNumber()) {
            m.put(field, cents);
        }
    }

    private static void setCount(ObjectNode m, String field, long count) {
        if (m.has(field + "_fp")) {
            m.put(field + "_fp", BigDecimal.valueOf(count).setScale(2).toPlainString());
        }
        if (m.has(field) && m.get(field).isNumber()) {
            m.put(field, count);
        }
    }

    /** The lines of a WebSocket capture (one frame per line), e.g. {@code orderbook_delta__zkiihne-gold15m.jsonl}. */
    public static List<String> wsFrames(Path dir, String file) {
        try {
            return Files.readAllLines(dir.resolve("ws").resolve(file)).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
