package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.tabular.ExportResult;
import io.github.kalshi4j.tabular.Tabular;
import io.github.kalshi4j.tabular.TabularSink;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exports every market of the benchmark exchange to an Arrow or CSV file with
 * {@code getMarketsPages(p -> p.limit(1000L)).export(Tabular.arrow(path))} (or {@code csv}) in a JVM of its own, and
 * measures rows per second and the client's heap as {@link StreamMemory} does: used heap after a full GC before the
 * first page (baseline) and after every {@code every} pages (from the export's progress callback); the growth is the
 * largest reading minus the baseline. The sampling GCs' time is not counted. Prints one JSON line.
 */
public final class ExportMemory {

    private ExportMemory() {
    }

    public static void main(String[] args) throws Exception {
        Path info = null;
        Path out = null;
        String format = "arrow";
        int every = 50;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--info" -> info = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--format" -> format = args[++i];
                case "--every" -> every = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        JsonNode in = Json.read(info);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ObjectNode result = Json.MAPPER.createObjectNode();
        ArrayNode samples = result.putArray("samples");
        long[] maxUsed = new long[1];
        long[] pauseNanos = new long[1];
        int sampleEvery = every;
        try (KalshiClient client = KalshiClient.builder()
                .config(KalshiConfig.builder().baseUrl(in.get("restUrl").asText()).build())
                .credentials(in.get("keyId").asText(), Files.readString(Path.of(in.get("privateKeyFile").asText())))
                .build()) {
            // Class loading, serializers, the connection pool and Arrow's allocator classes exist before the baseline.
            Path warm = Files.createTempFile(out.getParent(), "warm", "." + format);
            TabularSink warmSink = format.equals("csv") ? Tabular.csv(warm) : Tabular.arrow(warm);
            warmSink.write(client.markets().getMarkets(p -> p.limit(10L)).markets().stream());
            Files.deleteIfExists(warm);
            long baseline = StreamMemoryGc.usedAfterGc(memory);
            maxUsed[0] = baseline;
            TabularSink sink = (format.equals("csv") ? Tabular.csv(out) : Tabular.arrow(out)).onProgress(p -> {
                if (p.pages() > 0 && p.pages() % sampleEvery == 0) {
                    long p0 = System.nanoTime();
                    long used = StreamMemoryGc.usedAfterGc(memory);
                    maxUsed[0] = Math.max(maxUsed[0], used);
                    samples.add(Json.MAPPER.createObjectNode().put("rows", p.rows()).put("usedAfterGcBytes", used));
                    pauseNanos[0] += System.nanoTime() - p0;
                }
            });
            long t0 = System.nanoTime();
            ExportResult r = client.markets().getMarketsPages(p -> p.limit(1000L)).export(sink);
            double seconds = (System.nanoTime() - t0 - pauseNanos[0]) / 1e9;
            long end = StreamMemoryGc.usedAfterGc(memory);
            maxUsed[0] = Math.max(maxUsed[0], end);
            result.put("format", format);
            result.put("rows", r.rows());
            result.put("pages", r.pages());
            result.put("columns", r.table().columns().size() + 1);
            result.put("expectedMarkets", in.get("markets").asLong());
            result.put("fileBytes", r.bytes());
            result.put("seconds", seconds);
            result.put("rowsPerSecond", r.rows() / seconds);
            result.put("baselineBytes", baseline);
            result.put("maxUsedAfterGcBytes", maxUsed[0]);
            result.put("endUsedAfterGcBytes", end);
            result.put("growthBytes", maxUsed[0] - baseline);
            result.put("maxHeapBytes", memory.getHeapMemoryUsage().getMax());
            result.put("sampleEveryPages", every);
        } finally {
            Files.deleteIfExists(out);
        }
        System.out.println(Json.MAPPER.writeValueAsString(result));
    }

    /** The same full-GC reading as {@link StreamMemory}'s. */
    static final class StreamMemoryGc {
        private StreamMemoryGc() {
        }

        static long usedAfterGc(MemoryMXBean memory) {
            long used = Long.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                memory.gc();
                used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
            }
            return used;
        }
    }
}
