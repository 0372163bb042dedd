package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.engine.Seed;

import java.io.IOException;
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

        // Runs until the parent closes our stdin (or dies).
        try {
            while (System.in.read() >= 0) {
                // ignore input
            }
        } catch (IOException ignored) {
            // parent gone
        }
        exchange.close();
        System.exit(0);
    }
}
