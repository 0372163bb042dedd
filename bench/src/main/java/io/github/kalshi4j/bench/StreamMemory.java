package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.model.Market;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Auto-pages through every market of the benchmark exchange with {@code getMarketsPages(p -> p.limit(1000L))} in a
 * JVM of its own (the exchange runs in another process), and measures the client's heap: a full GC and a
 * {@link MemoryMXBean} reading of used heap before the first page (baseline) and after every {@code every} pages' worth of markets;
 * the growth is the largest reading minus the baseline. What stays reachable across pages is what a streaming
 * client retains; the garbage of each page (its bytes and decoded models) is not counted, since a GC frees it.
 * Prints one JSON line.
 */
public final class StreamMemory {

    private StreamMemory() {
    }

    public static void main(String[] args) throws Exception {
        Path info = null;
        int every = 50;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--info" -> info = Path.of(args[++i]);
                case "--every" -> every = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        JsonNode in = Json.read(info);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode samples = out.putArray("samples");
        try (KalshiClient client = KalshiClient.builder()
                .config(KalshiConfig.builder().baseUrl(in.get("restUrl").asText()).build())
                .credentials(in.get("keyId").asText(), Files.readString(Path.of(in.get("privateKeyFile").asText())))
                .build()) {
            // Class loading, the mapper's serializers and the connection pool exist before the baseline.
            client.markets().getMarkets(p -> p.limit(1L));
            long baseline = usedAfterGc(memory);
            long maxUsed = baseline;
            long maxUsedBeforeGc = 0;
            long markets = 0;
            BigDecimal checksum = BigDecimal.ZERO;
            String lastTicker = null;
            long t0 = System.nanoTime();
            long pauseNanos = 0;
            for (Market m : client.markets().getMarketsPages(p -> p.limit(1000L))) {
                markets++;
                lastTicker = m.ticker();
                if (m.lastPriceDollars() != null) {
                    checksum = checksum.add(m.lastPriceDollars());
                }
                if (markets % (every * 1000L) == 0) {
                    long p0 = System.nanoTime();
                    maxUsedBeforeGc = Math.max(maxUsedBeforeGc, memory.getHeapMemoryUsage().getUsed());
                    long used = usedAfterGc(memory);
                    maxUsed = Math.max(maxUsed, used);
                    samples.add(Json.MAPPER.createObjectNode().put("markets", markets).put("usedAfterGcBytes", used));
                    pauseNanos += System.nanoTime() - p0;
                }
            }
            long pages = (markets + 999) / 1000;
            double seconds = (System.nanoTime() - t0 - pauseNanos) / 1e9;
            long end = usedAfterGc(memory);
            maxUsed = Math.max(maxUsed, end);
            out.put("markets", markets);
            out.put("pages", pages);
            out.put("expectedMarkets", in.get("markets").asLong());
            out.put("lastTicker", lastTicker);
            out.put("lastPriceSum", checksum.toPlainString());
            out.put("seconds", seconds);
            out.put("marketsPerSecond", markets / seconds);
            out.put("baselineBytes", baseline);
            out.put("maxUsedAfterGcBytes", maxUsed);
            out.put("endUsedAfterGcBytes", end);
            out.put("growthBytes", maxUsed - baseline);
            out.put("maxUsedBeforeGcBytes", maxUsedBeforeGc);
            out.put("maxHeapBytes", memory.getHeapMemoryUsage().getMax());
            out.put("sampleEveryPages", every);
        }
        System.out.println(Json.MAPPER.writeValueAsString(out));
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        // Two collections: the first may leave objects with pending finalization/cleaners.
        for (int i = 0; i < 2; i++) {
            memory.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
