package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.bench.jmh.CpuProfiler;
import io.github.kalshi4j.bench.jmh.DecodeBench;
import io.github.kalshi4j.bench.jmh.OrderbookBench;
import io.github.kalshi4j.bench.jmh.SignBench;
import io.github.kalshi4j.ws.WsFrameBench;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code make bench}: runs every measurement and writes {@code docs/BENCHMARKS.md} from the numbers.
 *
 * <p>Everything that is compared is measured side by side: in every round each contender runs once, one right
 * after the other, in a rotating order, and the document reports medians over rounds and the median of the per-round
 * ratios, so a burst of load from other processes hits a round, not one contender. In-process work runs under JMH
 * (one fork per benchmark and round); end-to-end work runs against one exchange process, with the Java clients and
 * the Node.js SDK as long-lived worker processes that the runner drives round by round.
 *
 * <p>{@code BenchRunner [--quick] [--only step,...] [--out docs/BENCHMARKS.md] [--results bench/target/bench-results]};
 * {@code --only} runs just the named measurements (see {@link #STEPS}) into the results file, for working on one of
 * them, and leaves the document alone.
 */
public final class BenchRunner {

    /** How long each kind of measurement runs. */
    record Settings(String mode, int jmhRounds, int jmhWarmup, int jmhIterations, int decodeWarmup,
            int wsRounds, int opensslSeconds, double nodeSignSeconds, int restRounds, double restSeconds,
            double restWarmupSeconds, int[] concurrency, int streamMarkets, int wsBurstFrames, double wsPacedSeconds) {

        static Settings quick() {
            return new Settings("quick", 2, 1, 2, 8, 2, 1, 1.0, 4, 0.8, 1.0, new int[] {1, 8, 64}, 1_000_000,
                    100_000, 2.0);
        }

        static Settings full() {
            return new Settings("full", 5, 4, 5, 10, 3, 5, 3.0, 7, 4.0, 4.0, new int[] {1, 8, 64}, 1_000_000,
                    100_000, 10.0);
        }
    }

    private final Settings s;
    private final Path root;
    private final Path resultsDir;
    private final Path resultsFile;
    /** The measurements {@code --only} can name, as in the step log with dashes for spaces. */
    static final List<String> STEPS = List.of("decode", "websocket-frames", "rate-limits", "signing", "rest", "page",
            "websocket-end-to-end", "streaming", "export");
    /** Steps every run does, because the others read what they find. */
    private static final Set<String> ALWAYS = Set.of("machine", "wire samples", "node versions");
    private static final Set<String> NEEDS_EXCHANGE = Set.of("signing", "rest", "page", "websocket-end-to-end",
            "streaming", "export");

    private final ObjectNode results = Json.MAPPER.createObjectNode();
    /** When not empty, the only steps to run ({@code --only}). */
    private Set<String> only = Set.of();
    private final ArrayNode problems = results.putArray("problems");
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classpath = System.getProperty("java.class.path");
    private Path wireSamples;

    private BenchRunner(Settings s, Path root, Path resultsDir) {
        this.s = s;
        this.root = root;
        this.resultsDir = resultsDir;
        this.resultsFile = resultsDir.resolve("results.json");
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>();
        Path root = WireSamples.repoRoot();
        Path out = root.resolve("docs/BENCHMARKS.md");
        Path resultsDir = root.resolve("bench/target/bench-results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--results" -> resultsDir = Path.of(args[++i]);
                case "--only" -> {
                    for (String step : args[++i].split(",")) {
                        if (!STEPS.contains(step.trim())) {
                            throw new IllegalArgumentException("unknown step '" + step + "' for --only; steps: "
                                    + String.join(", ", STEPS));
                        }
                        only.add(step.trim());
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(resultsDir);
        BenchRunner r = new BenchRunner(quick ? Settings.quick() : Settings.full(), root, resultsDir);
        r.only = only;
        r.run();
        if (!only.isEmpty()) {
            // A partial run has no numbers for the other tables: the report stays as the last full run wrote it.
            System.out.println("[bench] ran only " + String.join(", ", only) + "; results in "
                    + root.relativize(r.resultsFile.toAbsolutePath()) + " (" + root.relativize(out.toAbsolutePath())
                    + " is left as it was)");
            return;
        }
        Report.write(r.results, out);
        System.out.println("[bench] wrote " + root.relativize(out.toAbsolutePath()) + " and "
                + root.relativize(r.resultsFile.toAbsolutePath()));
    }

    private void run() {
        long t0 = System.nanoTime();
        results.put("mode", s.mode());
        results.put("rounds", s.restRounds());
        results.put("jmhRounds", s.jmhRounds());
        results.put("started", Instant.now().toString());
        results.put("commit", command(List.of("git", "-C", root.toString(), "rev-parse", "--short", "HEAD")).trim());
        results.put("dirty", !command(List.of("git", "-C", root.toString(), "status", "--porcelain",
                "--untracked-files=no")).isBlank());
        step("machine", this::machine);
        step("wire samples", () -> {
            wireSamples = WireSamples.dir().toAbsolutePath();
            byte[] page = WireSamples.marketsPage(wireSamples, 1000, 42);
            results.putObject("page").put("markets", 1000).put("bytes", page.length)
                    .put("templates", WireSamples.marketTemplates(wireSamples).size());
        });
        step("decode", this::decode);
        step("websocket frames", this::wsFrames);
        step("rate limits", this::rateLimits);
        if (!only.isEmpty() && only.stream().noneMatch(NEEDS_EXCHANGE::contains)) {
            finish(t0);
            return;
        }
        Path info = resultsDir.resolve("exchange.json");
        try {
            Files.deleteIfExists(info);
        } catch (IOException e) {
            problems.add("exchange: " + e);
        }
        log("starting the exchange with " + String.format("%,d", s.streamMarkets()) + " markets");
        try (Worker exchange = Worker.start("exchange", List.of(java, "-cp", classpath, "-Xms2g",
                BenchExchange.class.getName(), "--markets", Integer.toString(s.streamMarkets()),
                "--info", info.toString()), root, resultsDir.resolve("exchange.log"))) {
            String started = exchange.readLine();
            if (started == null || !Files.exists(info)) {
                throw new IllegalStateException("the exchange did not start; see " + resultsDir.resolve("exchange.log"));
            }
            log(started);
            results.set("exchange", Json.read(info));
            try (Worker node = startNode(info);
                 Worker client = Worker.start("java client", List.of(java, "-cp", classpath,
                         ClientWorker.class.getName(), "--info", info.toString()), root,
                         resultsDir.resolve("client.log"))) {
                client.readJson();
                if (node != null) {
                    node.readJson();
                    step("node versions", () -> results.set("nodeVersions", node.call(op("versions"))));
                }
                step("signing", () -> signing(node));
                step("rest", () -> rest(client, node));
                step("page", () -> page(client, node));
                step("websocket end to end", () -> wsEndToEnd(client, exchange));
            }
            step("streaming", () -> stream(info));
            step("export", () -> export(info));
        } catch (RuntimeException e) {
            problem("exchange", e);
        }
        finish(t0);
    }

    private void finish(long t0) {
        results.put("finished", Instant.now().toString());
        results.put("seconds", (System.nanoTime() - t0) / 1e9);
        results.put("loadAverageEnd", loadAverage());
        save();
    }

    // ------------------------------------------------------------------------------------------------ steps

    private void machine() {
        ObjectNode m = results.putObject("machine");
        m.put("nproc", command(List.of("nproc")).trim());
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", firstMatch(Path.of("/proc/cpuinfo"), "model name"));
        m.put("memTotal", firstMatch(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("javaVersion", command(List.of(java, "-version")).trim());
        m.put("nodeVersion", command(List.of("node", "--version")).trim());
        m.put("opensslVersion", command(List.of("openssl", "version")).trim());
        m.put("avx512ifma", cpuHasAvx512Ifma());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("loadAverageStart", loadAverage());
    }

    private void signing(Worker node) {
        ObjectNode signing = results.putObject("signing");
        boolean conscrypt = RsaPssSigner.Provider.CONSCRYPT.isAvailable();
        // kalshi4j's OpenSSL provider needs Java 22+: its row is forked on the JDK the build compiled it with.
        Path ffmJava = ffmJava();
        boolean libcrypto = ffmJava != null;
        signing.put("opensslProviderJava", libcrypto ? command(List.of(ffmJava.toString(), "-version")).trim() : "");
        if (!libcrypto) {
            problems.add("signing: no JDK 22+ at kalshi4j.ffmJdk (" + FFM_JDK_PROPERTY + " in the bench jar), so the "
                    + "OpenSSL provider's row is not measured");
        }
        // OpenSSL 3.0 signs RSA-2048 with AVX-512 IFMA code where the CPU has it; the same openssl with that code
        // switched off shows how much of the gap to the native providers is that one instruction set.
        boolean ifma = cpuHasAvx512Ifma();
        signing.put("conscryptAvailable", conscrypt);
        if (!conscrypt) {
            problems.add("signing: Conscrypt does not load here, so its rows are not measured");
        }
        ArrayNode rounds = signing.putArray("rounds");
        for (int r = 0; r < s.jmhRounds(); r++) {
            ObjectNode round = rounds.addObject();
            round.put("loadAverage", loadAverage());
            List<Runnable> contenders = new ArrayList<>();
            contenders.add(() -> round.set("openssl", opensslSpeed(Map.of())));
            if (ifma) {
                contenders.add(() -> round.set("opensslNoIfma", opensslSpeed(Map.of("OPENSSL_ia32cap",
                        OPENSSL_WITHOUT_IFMA))));
            }
            for (String method : List.of("jdk", "jdkFresh", "bouncyCastle", "bouncyCastleFresh")) {
                contenders.add(() -> round.set(method, jmhSample(SignBench.class, method)));
            }
            if (conscrypt) {
                for (String method : List.of("conscrypt", "conscryptFresh")) {
                    contenders.add(() -> round.set(method, jmhSample(SignBench.class, method)));
                }
            }
            if (libcrypto) {
                contenders.add(() -> round.set("libcrypto", jmhSample(SignBench.class, "libcrypto", ffmJava)));
            }
            contenders.add(() -> round.set("jcaFloor", jmhSample(SignBench.class, "jdkSignatureReused")));
            if (node != null) {
                contenders.add(() -> round.set("nodePss", node.call(op("sign").put("variant", "openssl-pss")
                        .put("seconds", s.nodeSignSeconds()))));
                contenders.add(() -> round.set("tsSdkAuth", node.call(op("sign").put("variant", "ts-sdk-auth")
                        .put("seconds", s.nodeSignSeconds()))));
            }
            runRotated(contenders, r);
            log("signing round " + (r + 1) + ": " + round);
            save();
        }
    }

    private void decode() {
        ArrayNode rounds = results.putObject("decode").putArray("rounds");
        for (int r = 0; r < s.jmhRounds(); r++) {
            ObjectNode round = rounds.addObject();
            round.put("loadAverage", loadAverage());
            runRotated(List.of(
                    () -> round.set("typed", jmhAverage(DecodeBench.class, "typed", s.decodeWarmup())),
                    () -> round.set("readTree", jmhAverage(DecodeBench.class, "readTree", s.decodeWarmup()))), r);
            log("decode round " + (r + 1) + ": " + round);
            save();
        }
    }

    private void wsFrames() {
        ArrayNode rounds = results.putObject("wsFrames").putArray("rounds");
        for (int r = 0; r < s.wsRounds(); r++) {
            ObjectNode round = rounds.addObject();
            round.put("loadAverage", loadAverage());
            runRotated(List.of(
                    () -> round.set("decodeDispatch", jmhThroughput(WsFrameBench.class, "decodeAndDispatch")),
                    () -> round.set("treePath", jmhThroughput(WsFrameBench.class, "treePathDispatch")),
                    () -> round.set("readTreeOnly", jmhThroughput(WsFrameBench.class, "readTreeOnly")),
                    () -> round.set("bookApply", jmhThroughput(OrderbookBench.class, "apply")),
                    () -> round.set("treeMapReference", jmhThroughput(OrderbookBench.class, "treeMapReference"))), r);
            log("websocket round " + (r + 1) + ": " + round);
            save();
        }
    }

    /**
     * A saturated loop of signed reads against an exchange with rate limits on, with kalshi4j's limiter and without,
     * side by side in rotating order; each run on a fresh in-process exchange (the loop is bound by the bucket, not
     * by the CPU, so sharing this JVM does not move the figures).
     */
    private void rateLimits() {
        ObjectNode out = results.putObject("rateLimits");
        double seconds = s.mode().equals("quick") ? 3.0 : 5.0;
        out.put("threads", RateLimitLoop.THREADS).put("seconds", seconds).put("readRate", RateLimitLoop.READ_RATE)
                .put("readCapacity", RateLimitLoop.READ_CAPACITY);
        // One discarded round first: the client's request path and the exchange start cold in this JVM.
        RateLimitLoop.run(true, 1.0);
        RateLimitLoop.run(false, 1.0);
        ArrayNode rounds = out.putArray("rounds");
        for (int r = 0; r < s.jmhRounds(); r++) {
            ObjectNode round = rounds.addObject();
            round.put("loadAverage", loadAverage());
            runRotated(List.of(
                    () -> round.set("limited", RateLimitLoop.run(true, seconds)),
                    () -> round.set("unlimited", RateLimitLoop.run(false, seconds))), r);
            log("rate limits round " + (r + 1) + ": " + round);
            save();
        }
    }

    private void rest(Worker client, Worker node) {
        ObjectNode rest = results.putObject("rest");
        // Warm every client up from cold first (JIT of the whole request path), at a concurrency that runs many
        // requests; a one-second warm-up per concurrency follows.
        List<String> all = new ArrayList<>(List.of("kalshi4j", "raw"));
        if (node != null) {
            all.add("tsSdk");
        }
        for (int w = 0; w < 2; w++) {
            for (String name : all) {
                restCall(client, node, name, 8, 2 * s.restWarmupSeconds());
            }
        }
        for (int c : s.concurrency()) {
            ArrayNode rounds = rest.putArray("c" + c);
            List<String> names = new ArrayList<>(List.of("kalshi4j", "raw"));
            if (node != null) {
                names.add("tsSdk");
            }
            for (String name : names) {
                restCall(client, node, name, c, s.restWarmupSeconds() / 2);
            }
            for (int r = 0; r < s.restRounds(); r++) {
                ObjectNode round = rounds.addObject();
                round.put("loadAverage", loadAverage());
                List<Runnable> contenders = new ArrayList<>();
                // Longer rounds at high concurrency: with 64 requests in flight a round needs many round trips per
                // thread before its start and end stop mattering.
                double seconds = Math.max(s.restSeconds(), c * 0.03);
                for (String name : names) {
                    contenders.add(() -> round.set(name, restCall(client, node, name, c, seconds)));
                }
                runRotated(contenders, r);
                log("rest c=" + c + " round " + (r + 1) + ": " + brief(round));
                save();
            }
        }
    }

    private JsonNode restCall(Worker client, Worker node, String name, int c, double seconds) {
        return name.equals("tsSdk")
                ? node.call(op("rest").put("concurrency", c).put("seconds", seconds))
                : client.call(op("rest").put("client", name).put("concurrency", c).put("seconds", seconds));
    }

    private void page(Worker client, Worker node) {
        ArrayNode rounds = results.putObject("pageFetch").putArray("rounds");
        List<String> names = new ArrayList<>(List.of("kalshi4j", "raw"));
        if (node != null) {
            names.add("tsSdk");
        }
        for (String name : names) {
            pageCall(client, node, name, s.restWarmupSeconds());
        }
        for (int r = 0; r < s.restRounds(); r++) {
            ObjectNode round = rounds.addObject();
            round.put("loadAverage", loadAverage());
            List<Runnable> contenders = new ArrayList<>();
            for (String name : names) {
                contenders.add(() -> round.set(name, pageCall(client, node, name, Math.max(1.0, s.restSeconds()))));
            }
            runRotated(contenders, r);
            log("page round " + (r + 1) + ": " + brief(round));
            save();
        }
    }

    private JsonNode pageCall(Worker client, Worker node, String name, double seconds) {
        return name.equals("tsSdk")
                ? node.call(op("page").put("seconds", seconds))
                : client.call(op("page").put("client", name).put("seconds", seconds));
    }

    private void wsEndToEnd(Worker client, Worker exchange) {
        ObjectNode e2e = results.putObject("wsEndToEnd");
        // kalshi4j's client is the one measured; the JDK's WebSocket is the reference for what the exchange and the
        // loopback deliver. One connection at a time: the exchange's raw send goes to every open connection.
        for (String receiver : List.of("jdk", "kalshi4j")) {
            ObjectNode out = e2e.putObject(receiver);
            JsonNode open = client.call(op("wsOpen").put("client", receiver));
            long sid = open.path("sid").asLong();
            long[] seq = {open.path("seq").asLong() + 1};
            String ticker = results.path("exchange").path("sampleTicker").asText();
            java.util.function.BiFunction<Integer, Double, ObjectNode> burst = (frames, rate) -> {
                client.call(op("wsExpect").put("frames", frames));
                JsonNode sent = exchange.call(op("wsBurst").put("sid", sid).put("seq", seq[0]).put("ticker", ticker)
                        .put("frames", frames).put("ratePerSecond", rate));
                ObjectNode got = (ObjectNode) client.call(op("wsAwait").put("timeoutSeconds", 30 + frames / 5_000.0));
                seq[0] += frames;
                got.put("serverSeconds", sent.path("seconds").asDouble()).put("serverPerSecond",
                        sent.path("perSecond").asDouble());
                return got;
            };
            // Warm-up bursts (discarded): the receiver's JIT and the exchange's send path start cold.
            for (int w = 0; w < 2; w++) {
                burst.apply(s.wsBurstFrames(), 0.0);
            }
            ArrayNode rounds = out.putArray("throughputRounds");
            for (int r = 0; r < s.jmhRounds(); r++) {
                ObjectNode round = burst.apply(s.wsBurstFrames(), 0.0);
                round.put("loadAverage", loadAverage());
                rounds.add(round);
                log("websocket " + receiver + " burst " + (r + 1) + ": " + round);
            }
            ObjectNode paced = burst.apply((int) (10_000 * s.wsPacedSeconds()), 10_000.0);
            out.set("paced", paced);
            log("websocket " + receiver + " at 10,000 frames/s: " + paced);
            client.call(op("wsClose"));
            save();
        }
    }

    private void stream(Path info) {
        results.put("streamLoadAverage", loadAverage());
        try (Worker w = Worker.start("stream", List.of(java, "-cp", classpath, StreamMemory.class.getName(),
                "--info", info.toString()), root, resultsDir.resolve("stream.log"))) {
            JsonNode r = w.readJson();
            results.set("stream", r);
            log("streaming: " + r.path("markets").asLong() + " markets, heap growth "
                    + r.path("growthBytes").asLong() / (1 << 20) + " MB");
        }
    }

    /**
     * Exports every market to Arrow, then to CSV, each in a client JVM of its own (kalshi4j-tabular; Arrow's memory
     * module needs java.nio opened to it on Java 17+).
     */
    private void export(Path info) {
        ObjectNode export = results.putObject("export");
        export.put("loadAverage", loadAverage());
        for (String format : List.of("arrow", "csv")) {
            try (Worker w = Worker.start("export " + format, List.of(java, "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "-cp", classpath, ExportMemory.class.getName(), "--info", info.toString(), "--format", format,
                    "--out", resultsDir.resolve("markets." + format).toAbsolutePath().toString()), root,
                    resultsDir.resolve("export-" + format + ".log"))) {
                JsonNode r = w.readJson();
                export.set(format, r);
                log("export " + format + ": " + r.path("rows").asLong() + " rows, "
                        + String.format("%,.0f rows/s", r.path("rowsPerSecond").asDouble()) + ", heap growth "
                        + r.path("growthBytes").asLong() / (1 << 20) + " MB");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ tools

    private Worker startNode(Path info) {
        Path script = root.resolve("bench/node/bench.js");
        if (!Files.isDirectory(root.resolve("bench/node/node_modules/kalshi-typescript"))) {
            problems.add("node: bench/node/node_modules is missing (make bench runs npm ci there); the TypeScript SDK "
                    + "and Node.js signing rows are not measured");
            return null;
        }
        return Worker.start("node", List.of("node", script.toString(), info.toString()), root,
                resultsDir.resolve("node.log"));
    }

    private static ObjectNode op(String name) {
        return Json.MAPPER.createObjectNode().put("op", name);
    }

    /** Runs the contenders one after another, starting with number {@code round % n}, so no one always goes first. */
    private static void runRotated(List<Runnable> contenders, int round) {
        int n = contenders.size();
        for (int i = 0; i < n; i++) {
            contenders.get((round + i) % n).run();
        }
    }

    /**
     * {@code OPENSSL_ia32cap} value that hides AVX-512 IFMA (bit 21 of CPUID leaf 7's EBX, the second word) from
     * OpenSSL, so it signs with the code it uses on CPUs without it.
     */
    static final String OPENSSL_WITHOUT_IFMA = ":~0x200000";

    /** The bench jar's resource that names the build's JDK 22+ ({@code kalshi4j.ffmJdk}). */
    static final String FFM_JDK_PROPERTY = "ffmJdk";

    /** The java of the JDK 22+ the build was given, or null when it is not there. */
    private static Path ffmJava() {
        Properties properties = new Properties();
        try (InputStream in = BenchRunner.class.getResourceAsStream("/kalshi4j-bench.properties")) {
            if (in == null) {
                return null;
            }
            properties.load(in);
        } catch (IOException e) {
            return null;
        }
        String home = properties.getProperty(FFM_JDK_PROPERTY, "");
        Path java = home.isBlank() ? null : Path.of(home, "bin", "java");
        return java != null && Files.isExecutable(java) ? java : null;
    }

    private static boolean cpuHasAvx512Ifma() {
        String flags = firstMatch(Path.of("/proc/cpuinfo"), "flags");
        return (" " + flags + " ").contains(" avx512ifma ");
    }

    private ObjectNode opensslSpeed(Map<String, String> env) {
        // OpenSSL's default basis is the CPU time it used, so a busy neighbour does not inflate it.
        String out = command(List.of("openssl", "speed", "-mr", "-seconds",
                Integer.toString(s.opensslSeconds()), "rsa2048"), env);
        for (String line : out.split("\n")) {
            if (line.startsWith("+F2:")) {
                String[] f = line.trim().split(":");
                double signPerSecond = Double.parseDouble(f[3]);
                return Json.MAPPER.createObjectNode().put("signPerSecond", signPerSecond)
                        .put("signUs", 1e6 / signPerSecond).put("verifyPerSecond", Double.parseDouble(f[4]));
            }
        }
        throw new IllegalStateException("no +F2 line in openssl speed output: " + out);
    }

    private ChainedOptionsBuilder jmh(Class<?> bench, String method, int warmup, TimeValue iteration) {
        return jmh(bench, method, warmup, iteration, null);
    }

    /** JMH options for one benchmark; with {@code jvm}, forked on that java with native access enabled. */
    private ChainedOptionsBuilder jmh(Class<?> bench, String method, int warmup, TimeValue iteration, Path jvm) {
        Path log = resultsDir.resolve("jmh-" + bench.getSimpleName() + "-" + method + ".log");
        List<String> args = new ArrayList<>(List.of("-Dkalshi4j.wireSamples=" + wireSamplesOrDefault(),
                "-Dkalshi4j.root=" + root));
        ChainedOptionsBuilder options = new OptionsBuilder();
        if (jvm != null) {
            options = options.jvm(jvm.toString());
            args.add("--enable-native-access=ALL-UNNAMED");
        }
        return options
                .include("^" + Pattern.quote(bench.getName() + "." + method) + "$")
                .forks(1)
                .warmupIterations(warmup).warmupTime(iteration)
                .measurementIterations(s.jmhIterations()).measurementTime(iteration)
                .addProfiler(CpuProfiler.class)
                .jvmArgsAppend(args.toArray(String[]::new))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .output(log.toString());
    }

    private String wireSamplesOrDefault() {
        return wireSamples != null ? wireSamples.toString() : WireSamples.dir().toAbsolutePath().toString();
    }

    private static RunResult runJmh(ChainedOptionsBuilder options) {
        try {
            Collection<RunResult> r = new Runner(options.build()).run();
            if (r.isEmpty()) {
                throw new IllegalStateException("JMH produced no result");
            }
            return r.iterator().next();
        } catch (org.openjdk.jmh.runner.RunnerException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode jmhSample(Class<?> bench, String method) {
        return jmhSample(bench, method, null);
    }

    private ObjectNode jmhSample(Class<?> bench, String method, Path jvm) {
        RunResult r = runJmh(jmh(bench, method, s.jmhWarmup(), TimeValue.seconds(1), jvm)
                .timeUnit(TimeUnit.MICROSECONDS));
        var stats = r.getPrimaryResult().getStatistics();
        return cpu(r, Json.MAPPER.createObjectNode().put("samples", stats.getN()).put("meanUs", stats.getMean())
                .put("p50us", stats.getPercentile(50)).put("p90us", stats.getPercentile(90))
                .put("p99us", stats.getPercentile(99)));
    }

    private ObjectNode jmhAverage(Class<?> bench, String method, int warmup) {
        ChainedOptionsBuilder o = jmh(bench, method, warmup, TimeValue.milliseconds(500))
                .timeUnit(TimeUnit.MICROSECONDS).addProfiler(GCProfiler.class);
        RunResult r = runJmh(o);
        return cpu(r, alloc(r, Json.MAPPER.createObjectNode().put("us", r.getPrimaryResult().getScore())));
    }

    private ObjectNode jmhThroughput(Class<?> bench, String method) {
        RunResult r = runJmh(jmh(bench, method, s.jmhWarmup() + 1, TimeValue.seconds(1)).timeUnit(TimeUnit.SECONDS)
                .addProfiler(GCProfiler.class));
        ObjectNode out = cpu(r, alloc(r, Json.MAPPER.createObjectNode().put("perSecond",
                r.getPrimaryResult().getScore())));
        return out.put("perCpuSecond", 1e9 / out.path("cpuNsPerOp").asDouble());
    }

    /** Adds the bytes the benchmark thread allocated per operation (JMH's gc profiler), when it ran. */
    private static ObjectNode alloc(RunResult r, ObjectNode out) {
        Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
        if (alloc != null) {
            out.put("allocBytes", alloc.getScore());
        }
        return out;
    }

    /** Adds the CPU profiler's results: CPU time per operation and the cores the fork used on average. */
    private static ObjectNode cpu(RunResult r, ObjectNode out) {
        Result<?> ns = r.getSecondaryResults().get("cpu.ns/op");
        Result<?> share = r.getSecondaryResults().get("cpu.share");
        if (ns != null) {
            out.put("cpuNsPerOp", ns.getScore());
        }
        if (share != null) {
            out.put("cpuShare", share.getScore());
        }
        return out;
    }

    private static String brief(ObjectNode round) {
        StringBuilder b = new StringBuilder();
        round.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                b.append(e.getKey()).append(String.format(" %.0f/s p50 %.0fus  ",
                        e.getValue().path("perSecond").asDouble(), e.getValue().path("p50us").asDouble()));
            }
        });
        return b.toString().trim();
    }

    private void step(String name, Runnable body) {
        if (!only.isEmpty() && !only.contains(name.replace(' ', '-')) && !ALWAYS.contains(name)) {
            return;
        }
        log(name + " ...");
        long t0 = System.nanoTime();
        try {
            body.run();
        } catch (RuntimeException e) {
            problem(name, e);
        }
        results.withObjectProperty("stepSeconds").put(name, Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        save();
    }

    private void problem(String step, RuntimeException e) {
        System.err.println("[bench] " + step + " failed: " + e);
        e.printStackTrace();
        problems.add(step + ": " + e.getMessage());
    }

    private void save() {
        Json.write(resultsFile, results);
    }

    private static void log(String line) {
        System.out.println("[bench] " + line);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstMatch(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    /** Runs a short command and returns its standard output and error; "unavailable: ..." if it cannot run. */
    static String command(List<String> cmd) {
        return command(cmd, Map.of());
    }

    /** {@link #command(List)} with these variables added to the environment. */
    static String command(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process p = builder.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
