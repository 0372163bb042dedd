package io.github.kalshi4j.testkit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local exchange standalone, so any tool can point at it: {@code make exchange PORT=8080}.
 *
 * <pre>
 * java -cp ... io.github.kalshi4j.testkit.Main [--port 8080] [--seed seed.json] [--rate-limits] [--index-ticks MS]
 *     [--rate-limit-tier basic=200/200/100/100] [--endpoint-cost "GET /markets/{ticker}/orderbook=30"]
 * </pre>
 * Prints the URLs and each seeded member's API key id and private key location, then serves until killed.
 */
public final class Main {

    private Main() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        LocalKalshiExchange.Builder b = LocalKalshiExchange.builder();
        long indexTicksMs = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> b.port(Integer.parseInt(value(args, ++i, "--port")));
                case "--seed" -> b.seedFile(Path.of(value(args, ++i, "--seed")));
                case "--host" -> b.host(value(args, ++i, "--host"));
                case "--rate-limits" -> b.rateLimits(true);
                case "--index-ticks" -> indexTicksMs = Long.parseLong(value(args, ++i, "--index-ticks"));
                case "--rate-limit-tier" -> rateLimitTier(b, value(args, ++i, "--rate-limit-tier"));
                case "--endpoint-cost" -> endpointCost(b, value(args, ++i, "--endpoint-cost"));
                case "-h", "--help" -> {
                    System.out.println("usage: Main [--port N] [--host H] [--seed FILE] [--rate-limits] [--index-ticks MS]"
                            + " [--rate-limit-tier TIER=R/RC/W/WC]... [--endpoint-cost \"METHOD /path/{p}=COST\"]...");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        LocalKalshiExchange exchange = b.start();
        if (indexTicksMs > 0) {
            // A fixed random seed: every run streams the same index values in the same order.
            exchange.indexFeeds().startTicking(java.time.Duration.ofMillis(indexTicksMs), 1L);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(exchange::close, "kalshi4j-exchange-shutdown"));
        Path keys = java.nio.file.Files.createTempDirectory("kalshi4j-exchange-keys");
        System.out.println("kalshi4j local exchange");
        System.out.println("  REST      " + exchange.restUrl());
        System.out.println("  WebSocket " + exchange.webSocketUrl());
        System.out.println("  members (export KALSHI_API_BASE_URL=" + exchange.restUrl() + " and one of these):");
        for (String user : exchange.userIds()) {
            try {
                LocalKalshiExchange.Credentials c = exchange.credentials(user);
                Path pem = keys.resolve(user + ".pem");
                java.nio.file.Files.writeString(pem, c.privateKeyPem());
                System.out.printf("    %-38s KALSHI_KEY_ID=%s KALSHI_PRIVATE_KEY_PATH=%s%n", user, c.keyId(), pem);
            } catch (IllegalStateException seededWithOwnKey) {
                System.out.printf("    %-38s (seeded with its own public key)%n", user);
            }
        }
        System.out.println("  unmodelled operations answer 501: " + exchange.unmodeledOperations().size());
        new CountDownLatch(1).await();
    }

    /** {@code basic=200/200/100/100}: a tier's read rate, read capacity, write rate and write capacity in tokens. */
    private static void rateLimitTier(LocalKalshiExchange.Builder b, String v) {
        String[] tierAndBuckets = v.split("=", 2);
        String[] n = tierAndBuckets.length == 2 ? tierAndBuckets[1].split("/") : new String[0];
        if (n.length != 4) {
            throw new IllegalArgumentException("--rate-limit-tier wants TIER=R/RC/W/WC (tokens), got " + v);
        }
        b.rateLimitTier(tierAndBuckets[0].trim(), Integer.parseInt(n[0].trim()), Integer.parseInt(n[1].trim()),
                Integer.parseInt(n[2].trim()), Integer.parseInt(n[3].trim()));
    }

    /** {@code GET /markets/{ticker}/orderbook=30}: an endpoint's cost in tokens. */
    private static void endpointCost(LocalKalshiExchange.Builder b, String v) {
        int eq = v.lastIndexOf('=');
        String[] endpoint = eq < 0 ? new String[0] : v.substring(0, eq).trim().split("\\s+");
        if (endpoint.length != 2) {
            throw new IllegalArgumentException("--endpoint-cost wants \"METHOD /path/{param}=COST\", got " + v);
        }
        b.endpointCost(endpoint[0].toUpperCase(java.util.Locale.ROOT), endpoint[1],
                Integer.parseInt(v.substring(eq + 1).trim()));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
