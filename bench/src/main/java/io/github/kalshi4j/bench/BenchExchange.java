package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.engine.Seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The local exchange as its own process for the end-to-end benchmarks: {@code BenchExchange --markets N --info
 * file.json}. It seeds N markets, starts, writes what clients need (URL, key id, private key file) to the info
 * file, and runs until its standard input closes, so the process that started it controls its life.
 *
 * <p>Own process, not in-process: the Java clients and the Node.js SDK talk to the very same server; the server's
 * threads, heap and JIT never mix with the client being measured (which the streaming-memory run needs); and the
 * exchange is warmed up once and shared by every client run.
 *
 * <p>Standard input also takes commands, one JSON line each, answered with one JSON line:
 * {@code {"op":"wsBurst","sid":S,"seq":Q,"ticker":T,"frames":N,"ratePerSecond":R}} sends N orderbook_delta frames
 * to every WebSocket connection through the exchange's raw-send hook (see {@link WsBurst}).
 */
public final class BenchExchange {

    private BenchExchange() {
    }

    public static void main(String[] args) throws Exception {
        int markets = 2000;
        Path info = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--markets" -> markets = Integer.parseInt(args[++i]);
                case "--info" -> info = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (info == null) {
            throw new IllegalArgumentException("--info FILE is required");
        }
        long t0 = System.nanoTime();
        Seed seed = BenchSeeds.markets(markets);
        LocalKalshiExchange exchange = LocalKalshiExchange.builder().seed(seed).start();
        LocalKalshiExchange.Credentials c = exchange.credentials(BenchSeeds.MEMBER);
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

        Path keyFile = info.resolveSibling(info.getFileName() + ".key.pem");
        Files.writeString(keyFile, c.privateKeyPem(), StandardCharsets.US_ASCII);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("restUrl", exchange.restUrl().toString());
        out.put("webSocketUrl", exchange.webSocketUrl().toString());
        out.put("keyId", c.keyId());
        out.put("privateKeyFile", keyFile.toAbsolutePath().toString());
        out.put("markets", markets);
        out.put("sampleTicker", BenchSeeds.marketTicker(0, 0));
        out.put("startSeconds", startSeconds);
        out.put("heapAfterStartBytes", heap);
        out.put("pid", ProcessHandle.current().pid());
        Path tmp = info.resolveSibling(info.getFileName() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        Files.move(tmp, info, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("bench exchange: %,d markets at %s (started in %.1f s, heap %d MB)%n", markets,
                exchange.restUrl(), startSeconds, heap >> 20);

        // Runs until the parent closes our stdin (or dies); each line is a command, answered with one JSON line.
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        WsBurst burst = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result;
            try {
                JsonNode cmd = Json.MAPPER.readTree(line);
                if (!"wsBurst".equals(cmd.path("op").asText())) {
                    throw new IllegalArgumentException("unknown command " + line);
                }
                if (burst == null) {
                    burst = new WsBurst(exchange);
                }
                result = burst.send(cmd.path("sid").asLong(), cmd.path("seq").asLong(), cmd.path("ticker").asText(),
                        cmd.path("frames").asInt(), cmd.path("ratePerSecond").asDouble(0));
            } catch (Exception e) {
                result = Json.MAPPER.createObjectNode().put("error", e.toString());
            }
            System.out.println(Json.MAPPER.writeValueAsString(result));
            System.out.flush();
        }
        exchange.close();
        System.exit(0);
    }
}
