package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Writes {@code docs/BENCHMARKS.md} from a bench run's results (the runner's {@code results.json}): every number in
 * the document comes from the run. {@code Report results.json docs/BENCHMARKS.md} re-renders an earlier run.
 */
public final class Report {

    private final JsonNode r;
    private final StringBuilder md = new StringBuilder();
    private final List<String[]> targets = new ArrayList<>();

    private Report(JsonNode results) {
        this.r = results;
    }

    public static void main(String[] args) {
        write(Json.read(Path.of(args[0])), Path.of(args[1]));
    }

    static void write(JsonNode results, Path out) {
        Report report = new Report(results);
        String text = report.render();
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ numbers

    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The median over rounds of {@code f(round)}; rounds without the value are skipped. */
    private static double med(JsonNode rounds, ToDoubleFunction<JsonNode> f) {
        List<Double> values = new ArrayList<>();
        for (JsonNode round : rounds) {
            double v = f.applyAsDouble(round);
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                values.add(v);
            }
        }
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double min(JsonNode rounds, ToDoubleFunction<JsonNode> f) {
        double m = Double.NaN;
        for (JsonNode round : rounds) {
            double v = f.applyAsDouble(round);
            if (!Double.isNaN(v)) {
                m = Double.isNaN(m) ? v : Math.min(m, v);
            }
        }
        return m;
    }

    private static double max(JsonNode rounds, ToDoubleFunction<JsonNode> f) {
        double m = Double.NaN;
        for (JsonNode round : rounds) {
            double v = f.applyAsDouble(round);
            if (!Double.isNaN(v)) {
                m = Double.isNaN(m) ? v : Math.max(m, v);
            }
        }
        return m;
    }

    private static ToDoubleFunction<JsonNode> at(String contender, String field) {
        return round -> num(round.path(contender).path(field));
    }

    private static ToDoubleFunction<JsonNode> ratio(ToDoubleFunction<JsonNode> a, ToDoubleFunction<JsonNode> b) {
        return round -> a.applyAsDouble(round) / b.applyAsDouble(round);
    }

    private static double num(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? Double.NaN : n.asDouble();
    }

    static String f(String pattern, double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, pattern, v);
    }

    private static String x(double ratio) {
        return f("%.2f×", ratio);
    }

    private static String us(double micros) {
        if (Double.isNaN(micros)) {
            return "n/a";
        }
        return micros >= 10_000 ? f("%,.1f ms", micros / 1000) : micros >= 100 ? f("%,.0f µs", micros)
                : f("%,.1f µs", micros);
    }

    private static String perSecond(double v) {
        return f("%,.0f/s", v);
    }

    /** Bytes per operation, or empty when the profiler gave none. */
    private static String bytes(double v) {
        return Double.isNaN(v) ? "" : f("%,.0f B", v);
    }

    private static String mb(double bytes) {
        return f("%,.1f MB", bytes / (1 << 20));
    }

    private static String verdict(boolean measured, boolean met) {
        return !measured ? "not measured" : met ? "**met**" : "**not met**";
    }

    /**
     * The verdict, plus a warning when single rounds fall on both sides of the threshold: then another run on this
     * machine may well give the other verdict.
     */
    private static String verdict(boolean measured, boolean met, JsonNode rounds, ToDoubleFunction<JsonNode> f,
            double threshold, String unit) {
        String v = verdict(measured, met);
        double lo = min(rounds, f);
        double hi = max(rounds, f);
        if (measured && lo < threshold && hi > threshold) {
            v += unit.equals("×") ? " (single rounds " + x(lo) + " to " + x(hi) + " straddle the target)"
                    : " (single rounds " + perSecond(lo) + " to " + perSecond(hi) + " straddle the target)";
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------------ document

    private Report line(String s) {
        md.append(s).append('\n');
        return this;
    }

    private Report table(String... header) {
        line("| " + String.join(" | ", header) + " |");
        StringBuilder sep = new StringBuilder("|");
        for (String h : header) {
            sep.append(h.startsWith(" ") ? "---:|" : "---|");
        }
        return line(sep.toString());
    }

    private Report row(String... cells) {
        return line("| " + String.join(" | ", cells) + " |");
    }

    private void target(String what, String target, String measured, String verdict) {
        targets.add(new String[] {what, target, measured, verdict});
    }

    private String render() {
        StringBuilder body = new StringBuilder();
        signing();
        body.append(take());
        decode();
        body.append(take());
        rest();
        body.append(take());
        stream();
        body.append(take());
        export();
        body.append(take());
        websocket();
        body.append(take());
        typescript();
        body.append(take());
        rateLimits();
        body.append(take());
        appendix();
        body.append(take());

        header();
        summary();
        machine();
        commands();
        method();
        return take() + body;
    }

    private String take() {
        String s = md.toString();
        md.setLength(0);
        return s;
    }

    private void header() {
        line("# Benchmarks");
        line("");
        line("<!-- Written by `make bench` (bench/src/main/java/io/github/kalshi4j/bench/Report.java); "
                + "do not edit by hand: run the benchmarks again. -->");
        line("");
        line("Written by `make bench" + (r.path("mode").asText().equals("quick") ? " QUICK=1" : "") + "` on "
                + r.path("started").asText() + " at commit `" + r.path("commit").asText() + "`"
                + (r.path("dirty").asBoolean() ? " (with uncommitted changes)" : "") + ", "
                + f("%.0f", num(r.path("seconds"))) + " s of measurement (" + r.path("mode").asText() + " mode: "
                + r.path("jmhRounds").asInt() + " rounds per JMH comparison, " + r.path("rounds").asInt()
                + " per end-to-end comparison). Every number below comes from that run.");
        line("");
        line("This machine is small and shared: absolute times here can swing by 2× or more from one minute to "
                + "the next as other work comes and goes (see the load averages). So every comparison is a **ratio "
                + "of two things measured side by side**: in each round every contender runs once, right after the "
                + "others, in a rotating order, and the tables give the median over rounds of each value and the "
                + "median of the per-round ratios. Read absolute numbers as context only.");
        line("");
    }

    private void summary() {
        line("## Targets at a glance");
        line("");
        table("what", "target", "measured (median)", "verdict");
        for (String[] t : targets) {
            row(t);
        }
        line("");
        JsonNode problems = r.path("problems");
        if (problems.size() > 0) {
            line("Steps that failed in this run (their rows say \"not measured\"):");
            line("");
            for (JsonNode p : problems) {
                line("- " + p.asText().replace("\n", " "));
            }
            line("");
        }
    }

    private void machine() {
        JsonNode m = r.path("machine");
        line("## Machine");
        line("");
        table("", "");
        row("cores (`nproc`)", m.path("nproc").asText());
        row("CPU (`/proc/cpuinfo` model name)", m.path("cpuModel").asText());
        row("memory (`/proc/meminfo` MemTotal)", m.path("memTotal").asText());
        row("OS", m.path("os").asText());
        row("`java -version`", m.path("javaVersion").asText().replace("\n", "<br>"));
        row("`node --version`", m.path("nodeVersion").asText());
        row("`openssl version`", m.path("opensslVersion").asText());
        JsonNode nv = r.path("nodeVersions");
        if (!nv.isMissingNode()) {
            row("TypeScript SDK", "kalshi-typescript " + nv.path("sdk").asText() + " (axios " + nv.path("axios").asText()
                    + ", OpenSSL in Node.js " + nv.path("openssl").asText() + ")");
        }
        row("load average (1, 5, 15 min) at start", m.path("loadAverageStart").asText());
        row("load average at end", r.path("loadAverageEnd").asText());
        line("");
    }

    private void commands() {
        line("## Commands");
        line("");
        line("```bash");
        line("make bench            # full run (about 20 minutes): builds, installs the npm package, measures, "
                + "writes this file");
        line("make bench QUICK=1    # the same measurements, shorter (under 5 minutes)");
        line("```");
        line("");
        line("`make bench` builds the reactor with the `bench` module (`mvn -Dquick install -DskipTests -pl bench "
                + "-am`), runs `npm ci` in `bench/node` (the pinned `kalshi-typescript` into the git-ignored "
                + "`bench/node/node_modules`), then `java -cp \"bench/target/classes:bench/target/lib/*\" "
                + "io.github.kalshi4j.bench.BenchRunner [--quick]` (the classpath is `bench/target/classes` and the "
                + "dependency jars copied to `bench/target/lib`, so a run never picks up jars other builds install "
                + "into `~/.m2` meanwhile). Raw numbers of the last run are in "
                + "`bench/target/bench-results/results.json`, the JMH and worker logs next to it. `make test` never "
                + "runs a benchmark: the module only compiles in the normal build.");
        line("");
    }

    private void method() {
        line("## Method");
        line("");
        line("- **In-process work** (signing, decoding, WebSocket frames, the local order book) runs under JMH 1.37: "
                + "one fork per benchmark per round, warmup iterations, then measurement iterations of 1 s (0.5 s for "
                + "the page decode); the runner drives JMH through its API and alternates the contenders round by "
                + "round. A small JMH profiler adds the fork's CPU time per operation next to JMH's wall-clock "
                + "score.");
        line("- **End-to-end work** runs against one local exchange (`LocalKalshiExchange` from the testkit, seeded "
                + "programmatically through the `Seed` API with " + f("%,.0f", num(r.path("exchange").path("markets")))
                + " markets) in **its own JVM**: the Java clients and the Node.js SDK then talk to the very same "
                + "server; the server's threads, heap and JIT never mix with the client being measured (the streaming "
                + "measurement needs a client-only heap); and the exchange is started and warmed once for everything.");
        line("- The Java clients (kalshi4j and the raw HttpClient loop) live in one long-running worker JVM and the "
                + "TypeScript SDK in one long-running Node.js process; the runner sends each a command per round "
                + "(\"run this loop for S seconds\") after a discarded warmup round per contender, so their JITs are "
                + "warm and they take turns on the same machine.");
        line("- Both sides are on one 2-core machine: client, server and everything else share the cores, so the "
                + "REST numbers measure the whole loop (sign, send, server verify, serve, decode), not a network.");
        line("");
    }

    // ------------------------------------------------------------------------------------------------ sections

    /** The kalshi4j signer rows: result key, provider name, table label. */
    private static final String[][] SIGNERS = {
        {"libcrypto", "OPENSSL", "**kalshi4j `RsaPssSigner`, Provider.OPENSSL** (opt-in, Java 22+: the system's "
            + "libcrypto through FFM)"},
        {"conscrypt", "CONSCRYPT", "**kalshi4j `RsaPssSigner`, Provider.CONSCRYPT** (what `auto` picks once "
            + "Conscrypt is on the classpath)"},
        {"jdk", "JDK", "**kalshi4j `RsaPssSigner`, Provider.JDK** (what `auto` picks without Conscrypt)"},
        {"bouncyCastle", "BOUNCY_CASTLE", "**kalshi4j `RsaPssSigner`, Provider.BOUNCY_CASTLE**"},
    };

    private void signing() {
        JsonNode rounds = r.path("signing").path("rounds");
        line("## 1. Signing: RSA-PSS with a 2048-bit key");
        line("");
        line("One Kalshi request signature (`timestamp + METHOD + path`, RSA-PSS, SHA-256, MGF1, 32-byte salt), one "
                + "thread, JMH sample mode for the latency distribution, with `RsaPssSigner.sign` as the client calls "
                + "it for every attempt, once per provider a user can choose: the key converted once into the "
                + "provider's own form, an initialised `Signature` taken from the signer's pool, the private-key "
                + "operation, base64. Each provider's **fresh** row is the same provider without reuse, as a signer "
                + "that keeps nothing works (and kalshi4j's did before): a new `Signature` and `initSign` with the key "
                + "as parsed, every call. Conscrypt is `org.conscrypt:conscrypt-openjdk-uber` "
                + "(BoringSSL through JNI), the optional dependency the README describes. OpenSSL is kalshi4j's own "
                + "`Provider.OPENSSL`: the system's `libcrypto` called through Java's Foreign Function & Memory API, "
                + "the key imported once into an `EVP_PKEY`, a pooled `EVP_PKEY_CTX` set up for RSA-PSS, the "
                + "SHA-256 of the message in Java; it needs Java 22 or later, so its JMH fork runs on "
                + javaName(r.path("signing").path("opensslProviderJava").asText()) + " with "
                + "`--enable-native-access=ALL-UNNAMED` (every other row on the Java of the Machine table). "
                + "Next to them, in the same "
                + "rounds: `openssl speed -seconds N rsa2048` (its sign/s turned into time per signature; OpenSSL "
                + "divides by the CPU time it used, so load from other processes does not inflate it), a bare JDK "
                + "`Signature` initialised once and reused (the JCA floor under kalshi4j's JDK signer), Node.js "
                + "`crypto.sign` with RSA-PSS on a parsed key (OpenSSL's RSA-PSS), and the TypeScript SDK's own "
                + "`KalshiAuth.generateAuthHeaders`.");
        line("");
        line("OpenSSL 3.0's `speed rsa2048` signs with **PKCS#1 v1.5**, and `speed` has no PSS option in this "
                + "version (`-evp` covers ciphers and digests only). PSS and v1.5 differ only in padding, and both "
                + "costs are dominated by the same 2048-bit private-key exponentiation, so it is the reference for the "
                + "target. The Node.js `crypto.sign` row is OpenSSL doing real RSA-PSS, per call, on the same key as "
                + "the REST runs, as a check on that.");
        line("");
        if (rounds.size() == 0) {
            line("Not measured in this run.");
            line("");
            target("1. Sign p50, best provider a user can choose ÷ OpenSSL sign time", "≤ 1.5×", "n/a",
                    verdict(false, false));
            return;
        }
        boolean noIfma = rounds.get(0).has("opensslNoIfma");
        double openssl = med(rounds, at("openssl", "signUs"));
        double opensslNoIfma = med(rounds, at("opensslNoIfma", "signUs"));
        table("implementation", " p50", " p99", " CPU per signature", " p50 ÷ OpenSSL (median of rounds)");
        row("OpenSSL `speed rsa2048` (PKCS#1 v1.5; CPU time per signature)", "", "", us(openssl), "1.00×");
        if (noIfma) {
            row("OpenSSL `speed rsa2048` with AVX-512 IFMA hidden (`OPENSSL_ia32cap=\""
                    + BenchRunner.OPENSSL_WITHOUT_IFMA + "\"`)", "", "",
                    us(opensslNoIfma), x(med(rounds, ratio(at("opensslNoIfma", "signUs"), at("openssl", "signUs")))));
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"nodePss", "Node.js `crypto.sign` RSA-PSS (OpenSSL "
                + r.path("nodeVersions").path("openssl").asText() + ")"});
        for (String[] signer : SIGNERS) {
            rows.add(new String[] {signer[0], signer[2]});
            rows.add(new String[] {signer[0] + "Fresh", "the same provider, fresh `Signature` + `initSign` per call"});
        }
        rows.add(new String[] {"jcaFloor", "JDK `Signature` RSASSA-PSS, initialised once and reused (JCA floor)"});
        rows.add(new String[] {"tsSdkAuth", "TypeScript SDK `KalshiAuth.generateAuthHeaders` (parses the PEM per "
                + "call)"});
        for (String[] c : rows) {
            if (rounds.get(0).has(c[0])) {
                double cpu = med(rounds, at(c[0], "cpuNsPerOp")) / 1000;
                row(c[1], us(med(rounds, at(c[0], "p50us"))), us(med(rounds, at(c[0], "p99us"))),
                        Double.isNaN(cpu) ? "" : us(cpu),
                        x(med(rounds, ratio(at(c[0], "p50us"), at("openssl", "signUs")))));
            }
        }
        line("");
        line("CPU per signature is the benchmark JVM's CPU time (all threads) divided by signatures: with other "
                + "processes on both cores the p99 column (and the mean) is mostly the machine, a thread waiting for "
                + "a core, in every row alike; p50 and CPU time are not.");
        line("");

        // The verdict takes the fastest provider a user can choose; the JDK row, what users get by default, beside it.
        String best = null;
        double bestRatio = Double.NaN;
        for (String[] signer : SIGNERS) {
            double ratio = med(rounds, ratio(at(signer[0], "p50us"), at("openssl", "signUs")));
            if (!Double.isNaN(ratio) && (best == null || ratio < bestRatio)) {
                best = signer[0];
                bestRatio = ratio;
            }
        }
        double jdk = med(rounds, ratio(at("jdk", "p50us"), at("openssl", "signUs")));
        String bestName = best == null ? "n/a" : providerName(best);
        target("1. Sign p50, best provider a user can choose (" + bestName + ") ÷ OpenSSL sign time", "≤ 1.5×",
                x(bestRatio) + (best == null ? "" : " (" + us(med(rounds, at(best, "p50us"))) + " vs "
                        + us(openssl) + ")"),
                best == null ? verdict(false, false) : verdict(true, bestRatio <= 1.5, rounds,
                        ratio(at(best, "p50us"), at("openssl", "signUs")), 1.5, "×"));
        target("1. Sign p50, JDK provider (the default without Conscrypt) ÷ OpenSSL sign time", "≤ 1.5×", x(jdk)
                + " (" + us(med(rounds, at("jdk", "p50us"))) + ")", verdict(!Double.isNaN(jdk), jdk <= 1.5, rounds,
                ratio(at("jdk", "p50us"), at("openssl", "signUs")), 1.5, "×"));

        List<String> reuse = new ArrayList<>();
        for (String[] signer : SIGNERS) {
            double gain = med(rounds, ratio(at(signer[0] + "Fresh", "p50us"), at(signer[0], "p50us")));
            if (!Double.isNaN(gain)) {
                // This machine moves single rows by 10-15% between forks; a pair that close has no measured gap.
                reuse.add(providerName(signer[0]) + " " + x(gain)
                        + (Math.abs(gain - 1) < 0.15 ? " (no difference beyond run-to-run noise)" : ""));
            }
        }
        if (!reuse.isEmpty()) {
            line("What reuse saves, fresh ÷ kalshi4j's signer at p50 (median of rounds): " + String.join(", ", reuse)
                    + ". With Conscrypt a fresh `initSign` imports the Java key into a native BoringSSL key every "
                    + "call; kalshi4j's signer imports it once. The JDK and Bouncy Castle convert a Java key for "
                    + "almost nothing, so there the private-key operation is all the cost.");
            line("");
        }
        double conscryptVsJdk = med(rounds, ratio(at("jdk", "p50us"), at("conscrypt", "p50us")));
        if (!Double.isNaN(conscryptVsJdk)) {
            line("kalshi4j with Conscrypt is " + x(conscryptVsJdk) + " as fast as with the JDK at p50 (median of "
                    + "rounds; " + x(med(rounds, at("jdk", "cpuNsPerOp")) / med(rounds, at("conscrypt", "cpuNsPerOp")))
                    + " in CPU per signature).");
            line("");
        }
        double floor = med(rounds, ratio(at("jdk", "p50us"), at("jcaFloor", "p50us")));
        line("kalshi4j's JDK signer ÷ the bare reused JDK `Signature`: " + x(floor) + " at p50 (base64 and the "
                + "pool).");
        line("");
        line("**Best provider: " + bestName + ", " + x(bestRatio) + " OpenSSL's time; "
                + (bestRatio <= 1.5 ? "met" : "not met") + ".** The JDK provider, the default without Conscrypt: "
                + x(jdk) + ".");
        line("");
        if (Double.isNaN(bestRatio) || bestRatio > 1.5) {
            signingShortfall(rounds, openssl, opensslNoIfma);
        } else if ("libcrypto".equals(best)) {
            double vsNode = med(rounds, ratio(at("libcrypto", "p50us"), at("nodePss", "p50us")));
            double cpu = med(rounds, at("libcrypto", "cpuNsPerOp")) / 1000 / openssl;
            line("OpenSSL signs for kalshi4j with the same code `openssl speed` runs (on this CPU its AVX-512 IFMA "
                    + "RSA), so what kalshi4j adds around it (RSA-PSS's padding instead of v1.5, the SHA-256 of the "
                    + "message, one native call, base64) is small next to the private-key operation"
                    + (Double.isNaN(cpu) ? "" : ": its CPU time per signature is " + x(cpu) + " `speed`'s")
                    + (Double.isNaN(vsNode) ? "" : ", and its p50 " + x(vsNode) + " that of Node.js's RSA-PSS through "
                    + "the same OpenSSL") + ". It is not the default: `auto` stays with Conscrypt or the JDK, and users "
                    + "opt in (README, Signing with OpenSSL).");
            line("");
        }
    }

    /** The first line of {@code java -version} output, for a sentence; "a JDK 22+" when unknown. */
    private static String javaName(String versionOutput) {
        String first = versionOutput.lines().findFirst().orElse("").trim();
        return first.isEmpty() ? "a JDK 22+" : "`" + first + "`";
    }

    /** Why the signing target is not met, per provider, from this run's numbers. */
    private void signingShortfall(JsonNode rounds, double openssl, double opensslNoIfma) {
        double node = med(rounds, ratio(at("jdk", "p50us"), at("nodePss", "p50us")));
        line("Why, provider by provider (measured in this run):");
        line("");
        line("- **JDK** (and **Bouncy Castle**, " + x(med(rounds, ratio(at("bouncyCastle", "p50us"),
                at("openssl", "signUs")))) + "): RSA in Java, `BigInteger` CRT exponentiation with blinding. Its "
                + "signature takes " + x(node) + " the time of Node.js's OpenSSL RSA-PSS on the same key; kalshi4j "
                + "adds only the gap between its JDK row and the JCA floor.");
        if (rounds.get(0).has("conscrypt")) {
            double conscrypt = med(rounds, ratio(at("conscrypt", "p50us"), at("openssl", "signUs")));
            String line = "- **Conscrypt** (BoringSSL): " + x(conscrypt) + " OpenSSL's time.";
            if (!Double.isNaN(opensslNoIfma)) {
                double vsNoIfma = med(rounds, ratio(at("conscrypt", "p50us"), at("opensslNoIfma", "signUs")));
                line += " This CPU has AVX-512 IFMA, and OpenSSL 3.0 signs RSA-2048 with code written for it: with "
                        + "that code hidden from it, the same `openssl speed` takes " + us(opensslNoIfma) + " per "
                        + "signature (" + x(opensslNoIfma / openssl) + " its normal time), and Conscrypt ÷ that is "
                        + x(vsNoIfma) + ". So the gap is OpenSSL's AVX-512 IFMA code, which the BoringSSL in "
                        + "Conscrypt 2.5.2 does not have; on a CPU without AVX-512 IFMA the two are "
                        + (vsNoIfma <= 1.5 ? "within the target of each other" : "still apart by that ratio") + ".";
            }
            line(line);
        }
        if (rounds.get(0).has("libcrypto")) {
            line("- **OpenSSL** (`Provider.OPENSSL`, the system's libcrypto through FFM): " + x(med(rounds,
                    ratio(at("libcrypto", "p50us"), at("openssl", "signUs")))) + " OpenSSL's time at p50, "
                    + x(med(rounds, ratio(at("libcrypto", "p50us"), at("nodePss", "p50us")))) + " Node.js's RSA-PSS "
                    + "through the same OpenSSL.");
        } else {
            line("- **OpenSSL** (`Provider.OPENSSL`, Java 22 and later): not measured in this run (no JDK 22+ at "
                    + "`kalshi4j.ffmJdk`).");
        }
        line("");
    }

    private static String providerName(String key) {
        for (String[] signer : SIGNERS) {
            if (signer[0].equals(key)) {
                return signer[1];
            }
        }
        return key;
    }

    private void decode() {
        JsonNode rounds = r.path("decode").path("rounds");
        JsonNode page = r.path("page");
        line("## 2. Decoding a GetMarkets page of 1,000 markets");
        line("");
        line("The page is built at run time from the real captures in `shared/wire-samples/rest/get_markets__*.json` "
                + "and `get_markets-items__*.json` (" + page.path("templates").asInt() + " captured markets, cycled; "
                + "every market gets its own ticker, event ticker, prices with matching cent and dollar forms, sizes "
                + "and volume; nothing is copied into the repository): " + f("%,.0f", num(page.path("bytes")))
                + " bytes of compact JSON for 1,000 markets (" + f("%,.0f", num(page.path("bytes")) / 1000)
                + " bytes a market: the captured markets are that large, legacy cent fields included). `typed` is "
                + "`KalshiMappers.create().readValue(bytes, GetMarketsResponse.class)`, what the client does with a "
                + "response body (BigDecimal money, OffsetDateTime times, enums, unknown-field maps, money aliases). "
                + "`readTree` is plain Jackson `readTree` of the same bytes: every token parsed into a tree, nothing "
                + "bound. Allocation is JMH's `-prof gc` `gc.alloc.rate.norm`; CPU time is the JMH fork's CPU time "
                + "(benchmark thread, GC and JIT) per page.");
        line("");
        if (rounds.size() == 0) {
            line("Not measured in this run.");
            line("");
            target("2. Decode 1,000 markets, typed ÷ Jackson readTree", "≤ 1.5×", "n/a", verdict(false, false));
            return;
        }
        double typed = med(rounds, at("typed", "us"));
        double tree = med(rounds, at("readTree", "us"));
        double wallRatio = med(rounds, ratio(at("typed", "us"), at("readTree", "us")));
        double cpuRatio = med(rounds, ratio(at("typed", "cpuNsPerOp"), at("readTree", "cpuNsPerOp")));
        double alloc = med(rounds, at("typed", "allocBytes"));
        double treeAlloc = med(rounds, at("readTree", "allocBytes"));
        table("decoder", " wall time per page", " CPU time per page", " allocated per page", " allocated per market");
        row("**kalshi4j typed** (`GetMarketsResponse`)", us(typed), us(med(rounds, at("typed", "cpuNsPerOp")) / 1000),
                mb(alloc), f("%,.0f B", alloc / 1000));
        row("Jackson `readTree`", us(tree), us(med(rounds, at("readTree", "cpuNsPerOp")) / 1000), mb(treeAlloc),
                f("%,.0f B", treeAlloc / 1000));
        line("");
        line("typed ÷ readTree, median of per-round ratios: **" + x(cpuRatio) + " in CPU time**, " + x(wallRatio)
                + " in wall time (per-round wall ratios "
                + x(min(rounds, ratio(at("typed", "us"), at("readTree", "us")))) + " to "
                + x(max(rounds, ratio(at("typed", "us"), at("readTree", "us")))) + "). The verdict uses CPU time: "
                + "the two decoders run seconds apart, and wall time also counts however long each one waited for a "
                + "core.");
        line("");
        target("2. Decode 1,000-market page, typed ÷ Jackson readTree (CPU time)", "≤ 1.5×", x(cpuRatio)
                + " (wall " + x(wallRatio) + ")", verdict(!Double.isNaN(cpuRatio), cpuRatio <= 1.5, rounds,
                ratio(at("typed", "cpuNsPerOp"), at("readTree", "cpuNsPerOp")), 1.5, "×"));
        target("2. Bytes allocated per market, typed decode", "report", f("%,.0f B", alloc / 1000)
                + f(" (readTree: %,.0f B)", treeAlloc / 1000), "reported");
    }

    private void rest() {
        JsonNode rest = r.path("rest");
        line("## 3. REST overhead: signed GETs against the local exchange");
        line("");
        line("A closed loop of signed `GET /exchange/status` (GetExchangeStatus; the exchange verifies every "
                + "signature) on N threads for a fixed time per round. **kalshi4j** is "
                + "`client.exchange().getExchangeStatus()` on the blocking client (retry policy, per-attempt "
                + "signing, logging hooks, typed decode). **raw** is HttpClient 5's classic client with the same pool "
                + "size (64), the same `RequestSignature` and the same JDK RSA-PSS signer, reading the body as bytes: "
                + "the floor for a signed request from Java. Both sign with `Provider.JDK`, pinned, as a user without "
                + "Conscrypt does (section 1 has what Conscrypt saves per signature). Throughput is requests per "
                + "second over the round; latencies are per request.");
        line("");
        if (rest.isMissingNode() || rest.size() == 0) {
            line("Not measured in this run.");
            line("");
            target("3. REST kalshi4j vs raw (throughput and p50)", "within 10%", "n/a", verdict(false, false));
            return;
        }
        table("concurrency", " kalshi4j req/s", " raw req/s", " throughput kalshi4j ÷ raw", " kalshi4j p50",
                " raw p50", " p50 kalshi4j ÷ raw", " kalshi4j p99", " raw p99");
        rest.fields().forEachRemaining(e -> {
            JsonNode rounds = e.getValue();
            String c = e.getKey().substring(1);
            double thr = med(rounds, ratio(at("kalshi4j", "perSecond"), at("raw", "perSecond")));
            double p50 = med(rounds, ratio(at("kalshi4j", "p50us"), at("raw", "p50us")));
            row(c, perSecond(med(rounds, at("kalshi4j", "perSecond"))), perSecond(med(rounds, at("raw", "perSecond"))),
                    "**" + x(thr) + "**", us(med(rounds, at("kalshi4j", "p50us"))), us(med(rounds, at("raw", "p50us"))),
                    "**" + x(p50) + "**", us(med(rounds, at("kalshi4j", "p99us"))), us(med(rounds, at("raw", "p99us"))));
            boolean measured = !Double.isNaN(thr) && !Double.isNaN(p50);
            String v = verdict(measured, thr >= 0.90 && p50 <= 1.10);
            double tLo = min(rounds, ratio(at("kalshi4j", "perSecond"), at("raw", "perSecond")));
            double tHi = max(rounds, ratio(at("kalshi4j", "perSecond"), at("raw", "perSecond")));
            double pLo = min(rounds, ratio(at("kalshi4j", "p50us"), at("raw", "p50us")));
            double pHi = max(rounds, ratio(at("kalshi4j", "p50us"), at("raw", "p50us")));
            if (measured && ((tLo < 0.90 && tHi > 0.90) || (pLo < 1.10 && pHi > 1.10))) {
                v += " (single rounds: throughput " + x(tLo) + " to " + x(tHi) + ", p50 " + x(pLo) + " to " + x(pHi)
                        + ", straddling the target)";
            }
            target("3. REST c=" + c + ": kalshi4j ÷ raw throughput, p50", "≥ 0.90×, ≤ 1.10×",
                    x(thr) + ", " + x(p50) + "; client CPU per request "
                    + x(med(rounds, ratio(at("kalshi4j", "cpuUsPerCall"), at("raw", "cpuUsPerCall")))), v);
        });
        line("");
        line("Client CPU per request: the CPU time of the calling threads (the blocking client does all its work "
                + "on them: sign, send, read, decode) divided by requests; unlike wall time, a busy neighbour cannot "
                + "inflate it, so it isolates what kalshi4j itself adds on top of the raw loop.");
        line("");
        table("concurrency", " kalshi4j CPU per request", " raw CPU per request", " kalshi4j ÷ raw");
        rest.fields().forEachRemaining(e -> {
            JsonNode rounds = e.getValue();
            row(e.getKey().substring(1), us(med(rounds, at("kalshi4j", "cpuUsPerCall"))),
                    us(med(rounds, at("raw", "cpuUsPerCall"))),
                    x(med(rounds, ratio(at("kalshi4j", "cpuUsPerCall"), at("raw", "cpuUsPerCall")))));
        });
        line("");
        line("At every concurrency both loops are CPU-bound on this machine: each request costs an RSA signature "
                + "in the client (section 1) and a verification plus the response in the exchange, all on the same "
                + "two cores. The wall-clock ratios are the target's measure, but with rounds of a second or two on "
                + "a shared machine they move by ±20% from run to run, enough to flip a 10% verdict either way; the "
                + "CPU-per-request ratio is the stable measure of what kalshi4j adds (retry policy, per-attempt "
                + "signing through `RequestSignature`, header handling, typed decode, logging hooks).");
        line("");
    }

    private void stream() {
        JsonNode st = r.path("stream");
        line("## 4. Streaming memory: auto-paging through 1,000,000 markets");
        line("");
        line("The exchange is seeded with " + f("%,.0f", num(r.path("exchange").path("markets")))
                + " markets (the real exchange code, not a synthetic endpoint; it holds them in "
                + mb(num(r.path("exchange").path("heapAfterStartBytes"))) + " of its own heap and started in "
                + f("%.0f s", num(r.path("exchange").path("startSeconds"))) + "). A separate client JVM iterates "
                + "`client.markets().getMarketsPages(p -> p.limit(1000L))` over every market (1,000 per request, "
                + f("%,.0f", med(r.path("pageFetch").path("rounds"), at("raw", "pageBytes")))
                + " bytes of JSON a page). The client's heap is measured with "
                + "`MemoryMXBean` after a full GC (`System.gc()`, twice): once before the first page (the "
                + "baseline, after one warm-up call), then after every 50 pages, and at the end. **Growth** is the "
                + "largest reading minus the baseline: what the client keeps reachable while it streams. The "
                + "garbage of each page (its bytes and models, a few MB) is not retained and is not counted; "
                + "the largest heap seen just before a sampling GC is shown for context.");
        line("");
        if (st.isMissingNode()) {
            line("Not measured in this run.");
            line("");
            target("4. Client heap growth, 1,000,000 markets", "< 64 MB", "n/a", verdict(false, false));
            return;
        }
        table("", "");
        row("markets received", f("%,.0f", num(st.path("markets"))) + " of " + f("%,.0f", num(st.path("expectedMarkets")))
                + " (last " + st.path("lastTicker").asText() + ")");
        row("pages", f("%,.0f", num(st.path("pages"))));
        row("time (sampling GCs excluded)", f("%.1f s", num(st.path("seconds"))) + ", "
                + f("%,.0f markets/s", num(st.path("marketsPerSecond"))));
        row("heap after GC, baseline", mb(num(st.path("baselineBytes"))));
        row("heap after GC, largest sample", mb(num(st.path("maxUsedAfterGcBytes"))));
        row("heap after GC, at the end", mb(num(st.path("endUsedAfterGcBytes"))));
        row("**growth**", "**" + mb(num(st.path("growthBytes"))) + "**");
        row("largest heap before a sampling GC (includes garbage)", mb(num(st.path("maxUsedBeforeGcBytes"))));
        line("");
        double growth = num(st.path("growthBytes"));
        boolean complete = num(st.path("markets")) == num(st.path("expectedMarkets"));
        target("4. Client heap growth streaming 1,000,000 markets", "< 64 MB", mb(growth)
                + (complete ? "" : " (incomplete run)"), verdict(!Double.isNaN(growth), complete && growth < 64.0 * (1 << 20)));
    }

    private void export() {
        JsonNode ex = r.path("export");
        line("## 4b. Tabular export: 1,000,000 markets to Arrow and CSV");
        line("");
        line("The same exchange and paging as section 4, written to a file by `kalshi4j-tabular`: "
                + "`client.markets().getMarketsPages(p -> p.limit(1000L)).export(Tabular.arrow(path))` (Arrow IPC file, "
                + "record batches of 8,192 rows) and `Tabular.csv(path)` (row by row), each in a client JVM of its "
                + "own. Heap is read as in section 4 (after a full GC, before the first page and every 50 pages from "
                + "the export's progress callback); the sampling GCs' time is not counted in rows/s. Arrow's "
                + "buffers are off-heap (at most one batch) and not in these figures.");
        line("");
        boolean measured = ex.has("arrow") || ex.has("csv");
        if (!measured) {
            line("Not measured in this run.");
            line("");
        } else {
            table("format", "rows", "columns", "file", "time", "rows/s", "heap growth");
            for (String format : List.of("arrow", "csv")) {
                JsonNode e = ex.path(format);
                if (e.isMissingNode()) {
                    row(format, "n/a", "", "", "", "", "");
                    continue;
                }
                row(format, f("%,.0f", num(e.path("rows"))) + " of " + f("%,.0f", num(e.path("expectedMarkets"))),
                        f("%,.0f", num(e.path("columns"))), mb(num(e.path("fileBytes"))),
                        f("%.1f s", num(e.path("seconds"))), f("%,.0f", num(e.path("rowsPerSecond"))),
                        "**" + mb(num(e.path("growthBytes"))) + "**");
            }
            line("");
        }
        double growth = Math.max(num(ex.path("arrow").path("growthBytes")), num(ex.path("csv").path("growthBytes")));
        boolean complete = measured && num(ex.path("arrow").path("rows")) == num(ex.path("arrow").path("expectedMarkets"))
                && num(ex.path("csv").path("rows")) == num(ex.path("csv").path("expectedMarkets"));
        target("4b. Client heap growth exporting 1,000,000 markets (Arrow, CSV)", "< 64 MB (as 4)",
                measured ? mb(growth) + (complete ? "" : " (incomplete run)") : "n/a",
                verdict(measured && !Double.isNaN(growth), complete && growth < 64.0 * (1 << 20)));
    }

    private void websocket() {
        JsonNode rounds = r.path("wsFrames").path("rounds");
        line("## 5. WebSocket");
        line("");
        line("Frames come from the real capture `shared/wire-samples/ws/orderbook_delta__zkiihne-gold15m.jsonl` "
                + "(2,999 orderbook_delta frames of one market after its snapshot), read at run time. One thread.");
        line("");
        line("- **decode + dispatch**: kalshi4j's inbound path for a data frame without the socket (what "
                + "`Router.onText` does): the SDK's `FrameDecoder.decodeData` reads the envelope (`type`, `sid`, "
                + "`seq`) and binds `msg` straight into the generated `OrderbookDeltaPayload` (BigDecimal price and "
                + "count, OffsetDateTime) in one streaming pass, with no tree, into a `WsMessage.OrderbookDelta`; the "
                + "registered handlers are called. Every frame here takes that pass (the benchmark checks it, and "
                + "that it gives what the tree gives).");
        line("- **tree path**: the same frames the way every frame went before the one-pass decoder (and replies, "
                + "unknown types and declined frames still go): `readTree`, then the tree bound to the payload, "
                + "then the handlers. Reference: Jackson `readTree` of the same frames alone, the floor of any "
                + "decoder built on Jackson trees (as section 2 compares REST decoding with it).");
        line("- **LocalOrderbook apply**: `LocalOrderbook.applyDelta` on the book built from the capture's snapshot; "
                + "the captured deltas, then their negations in reverse order, so the book cycles back to the snapshot "
                + "and every delta really applies. Reference: the same deltas on a bare `TreeMap<BigDecimal, "
                + "BigDecimal>` per side (no lock, no validation, no published view).");
        line("");
        if (rounds.size() == 0) {
            line("Not measured in this run.");
            line("");
            target("5. WebSocket decode + dispatch, one core", "≥ 500,000 frames/s", "n/a", verdict(false, false));
            target("5. LocalOrderbook apply", "≥ 1,000,000 deltas/s", "n/a", verdict(false, false));
        } else {
            line("\"Per CPU-second\" divides operations by the CPU time the JMH fork used (benchmark thread, GC, JIT): "
                    + "the rate one core sustains, which waiting for a core cannot lower. \"Wall\" is JMH's own score "
                    + "and includes time spent waiting for a core. Both are absolute rates, and on this shared virtual "
                    + "machine they move between runs by up to about 1.6× even at a low load average (other tenants "
                    + "share the physical cores, which CPU time cannot see); the reference next to each moves with it, "
                    + "so the ratio to the reference is the stable part.");
            line("");
            double dd = med(rounds, at("decodeDispatch", "perCpuSecond"));
            double book = med(rounds, at("bookApply", "perCpuSecond"));
            double ddAlloc = med(rounds, at("decodeDispatch", "allocBytes"));
            table("benchmark", " per CPU-second", " wall, per second", " allocated per operation",
                    " vs reference (CPU)");
            row("**decode + dispatch** of orderbook_delta frames (one pass)", perSecond(dd),
                    perSecond(med(rounds, at("decodeDispatch", "perSecond"))), bytes(ddAlloc),
                    x(med(rounds, ratio(at("decodeDispatch", "perCpuSecond"), at("readTreeOnly", "perCpuSecond"))))
                    + " of readTree's rate");
            row("the same through the tree path (before)", perSecond(med(rounds, at("treePath", "perCpuSecond"))),
                    perSecond(med(rounds, at("treePath", "perSecond"))),
                    bytes(med(rounds, at("treePath", "allocBytes"))),
                    x(med(rounds, ratio(at("treePath", "perCpuSecond"), at("readTreeOnly", "perCpuSecond"))))
                    + " of readTree's rate");
            row("Jackson `readTree` of the same frames (reference)", perSecond(med(rounds, at("readTreeOnly",
                    "perCpuSecond"))), perSecond(med(rounds, at("readTreeOnly", "perSecond"))),
                    bytes(med(rounds, at("readTreeOnly", "allocBytes"))), "");
            row("**LocalOrderbook.applyDelta**", perSecond(book), perSecond(med(rounds, at("bookApply", "perSecond"))),
                    bytes(med(rounds, at("bookApply", "allocBytes"))), x(med(rounds, ratio(at("bookApply", "perCpuSecond"), at("treeMapReference", "perCpuSecond"))))
                    + " of the TreeMap's rate");
            row("`TreeMap` book (reference)", perSecond(med(rounds, at("treeMapReference", "perCpuSecond"))),
                    perSecond(med(rounds, at("treeMapReference", "perSecond"))),
                    bytes(med(rounds, at("treeMapReference", "allocBytes"))), "");
            line("");
            line("Allocated per operation is JMH's `-prof gc` `gc.alloc.rate.norm`: the bytes the benchmark thread "
                    + "allocates per frame (per delta for the book), the garbage the dispatch thread leaves for the "
                    + "collector.");
            line("");
            target("5. WebSocket decode + dispatch from memory, one core", "≥ 500,000 frames/s", perSecond(dd)
                    + " per CPU-second (wall " + perSecond(med(rounds, at("decodeDispatch", "perSecond"))) + "); "
                    + x(med(rounds, ratio(at("decodeDispatch", "perCpuSecond"), at("readTreeOnly", "perCpuSecond"))))
                    + " of readTree's rate; " + bytes(ddAlloc) + " allocated per frame (tree path "
                    + bytes(med(rounds, at("treePath", "allocBytes"))) + ")",
                    verdict(!Double.isNaN(dd), dd >= 500_000, rounds, at("decodeDispatch", "perCpuSecond"), 500_000,
                            "/s"));
            target("5. LocalOrderbook apply", "≥ 1,000,000 deltas/s", perSecond(book) + " per CPU-second (wall "
                    + perSecond(med(rounds, at("bookApply", "perSecond"))) + ")",
                    verdict(!Double.isNaN(book), book >= 1_000_000, rounds, at("bookApply", "perCpuSecond"),
                            1_000_000, "/s"));
        }
        JsonNode e2e = r.path("wsEndToEnd");
        line("### End to end over loopback");
        line("");
        if (e2e.isMissingNode()) {
            line("Not measured in this run" + (r.path("problems").size() > 0 ? " (see the failed steps above)" : "")
                    + ".");
            line("");
            target("5. End-to-end frames/s over loopback", "≥ 100,000 frames/s", "n/a", verdict(false, false));
            target("5. Socket-to-callback latency at 10,000 frames/s", "report p50/p99", "n/a", "not measured");
            return;
        }
        line("The exchange (its own JVM) sends orderbook_delta frames through its raw-send hook "
                + "(`faults().webSocket().sendRaw`: its dispatcher, the connection's send queue, Jetty) to one "
                + "subscribed connection on loopback: the real deltas of the capture, each as an addition and later "
                + "the matching removal (a valid book from the empty snapshot), with consecutive `seq` on the "
                + "subscription's `sid` and `ts` set when the frame is handed to the exchange's send queue.");
        line("");
        line("- **kalshi4j**: `client.ws().subscribe(SubscribeRequest.builder(Channel.ORDERBOOK_DELTA).marketTicker(t)"
                + ".listener(...))`, the SDK's whole inbound path: Tyrus, the socket's dispatch thread, decode, the "
                + "sequence check, the local order book an orderbook subscription keeps, the listener.");
        line("- **JDK reference**: `java.net.http.WebSocket` decoding every frame into the generated models with "
                + "the client's mapper (no sequence tracking, no book): what the exchange and the loopback deliver to "
                + "a lean receiver, measured on its own connection right before kalshi4j's.");
        line("");
        line("Throughput: bursts of " + f("%,.0f", num(e2e.path("kalshi4j").path("throughputRounds").path(0)
                .path("expected"))) + " frames sent as fast as the exchange can (after two discarded warm-up "
                + "bursts), rate measured in the receiver's callback from the first to the last frame. Latency: from "
                + "the frame's `ts` to the callback at a paced 10,000 frames/s; it includes the exchange's send "
                + "queue, Jetty's write and the loopback, so it is an upper bound on socket-to-callback latency (one "
                + "clock on both ends). During a burst the latency column is queueing (the exchange enqueues faster "
                + "than anyone reads), not a property of the client.");
        line("");
        table("receiver", "burst", " frames received", " frames/s in the callback", " seq gaps", " latency p50",
                " latency p99");
        for (String who : new String[] {"kalshi4j", "jdk"}) {
            JsonNode rec = e2e.path(who);
            String name = who.equals("jdk") ? "JDK reference" : "**kalshi4j**";
            int i = 1;
            for (JsonNode round : rec.path("throughputRounds")) {
                row(name, Integer.toString(i++), f("%,.0f", num(round.path("received"))) + " of "
                        + f("%,.0f", num(round.path("expected"))), perSecond(num(round.path("perSecond"))),
                        f("%,.0f", num(round.path("seqGaps"))), us(num(round.path("latencyP50us"))),
                        us(num(round.path("latencyP99us"))));
            }
            JsonNode paced = rec.path("paced");
            row(name, "paced 10,000/s", f("%,.0f", num(paced.path("received"))) + " of "
                    + f("%,.0f", num(paced.path("expected"))), perSecond(num(paced.path("perSecond"))),
                    f("%,.0f", num(paced.path("seqGaps"))), "**" + us(num(paced.path("latencyP50us"))) + "**",
                    "**" + us(num(paced.path("latencyP99us"))) + "**");
        }
        line("");
        JsonNode k = e2e.path("kalshi4j");
        JsonNode bursts = k.path("throughputRounds");
        double thr = med(bursts, rd -> num(rd.path("perSecond")));
        double ref = med(e2e.path("jdk").path("throughputRounds"), rd -> num(rd.path("perSecond")));
        boolean complete = bursts.size() > 0;
        for (JsonNode round : bursts) {
            complete &= round.path("complete").asBoolean() && round.path("seqGaps").asLong() == 0;
        }
        line("kalshi4j ÷ JDK reference, median frames/s: " + x(thr / ref) + ".");
        line("");
        JsonNode paced = k.path("paced");
        target("5. End-to-end frames/s over loopback, kalshi4j client", "≥ 100,000 frames/s", perSecond(thr)
                + f(" (JDK reference %,.0f/s)", ref) + (complete ? "" : "; frames lost"),
                verdict(!Double.isNaN(thr), complete && thr >= 100_000, bursts, rd -> num(rd.path("perSecond")),
                        100_000, "/s"));
        target("5. Frame-to-callback latency at 10,000 frames/s, kalshi4j client", "report p50/p99",
                us(num(paced.path("latencyP50us"))) + " / " + us(num(paced.path("latencyP99us"))), "reported");
    }

    private void typescript() {
        JsonNode pages = r.path("pageFetch").path("rounds");
        JsonNode rest = r.path("rest");
        JsonNode nv = r.path("nodeVersions");
        line("## 6. Against the official TypeScript SDK");
        line("");
        line("`kalshi-typescript` " + nv.path("sdk").asText("(not installed)") + " from npm (the version matching "
                + "the pinned spec 3.13.0; `bench/node/package.json` and `package-lock.json` pin it, `make bench` "
                + "installs it with `npm ci`), on Node.js " + nv.path("node").asText("?") + ", configured with the "
                + "same key id, private key and base URL, against the same exchange process as the Java clients and "
                + "alternated with them round by round. Its API objects each get their own axios instance: with the "
                + "default shared global axios every API object adds another signing interceptor, and a program with "
                + "two API objects signs every request twice; the benchmark gives the SDK its best case. The SDK "
                + "\"decodes\" with `JSON.parse` (its models are TypeScript interfaces, with no runtime conversion: "
                + "prices stay strings), kalshi4j into typed models with `BigDecimal` money.");
        line("");
        if (pages.size() == 0 || !pages.get(0).has("tsSdk")) {
            line("Not measured in this run.");
            line("");
            target("6. Page fetch + decode, kalshi4j vs TypeScript SDK", "kalshi4j faster", "n/a", verdict(false, false));
            target("6. Signed GET loop, kalshi4j vs TypeScript SDK", "kalshi4j faster", "n/a", verdict(false, false));
            return;
        }
        line("**Fetch + decode of a 1,000-market GetMarkets page** (`limit=1000`, the exchange's first page, "
                + f("%,.0f", med(pages, at("raw", "pageBytes"))) + " bytes; one request at a time; raw = HttpClient "
                + "5 reading the bytes without decoding, for scale). Most of a round trip is the exchange building "
                + "and writing the page, the same for every client, so the clients differ by less than the page "
                + "decode times of section 2 suggest, and single rounds are noisy:");
        line("");
        table("client", " pages/s", " p50", " p99", " kalshi4j throughput ÷ this");
        for (String[] c : new String[][] {{"kalshi4j", "**kalshi4j**"}, {"tsSdk", "TypeScript SDK"},
            {"raw", "raw HttpClient 5, bytes only"}}) {
            row(c[1], f("%,.1f", med(pages, at(c[0], "perSecond"))), us(med(pages, at(c[0], "p50us"))),
                    us(med(pages, at(c[0], "p99us"))),
                    x(med(pages, ratio(at("kalshi4j", "perSecond"), at(c[0], "perSecond")))));
        }
        line("");
        double pageRatio = med(pages, ratio(at("kalshi4j", "perSecond"), at("tsSdk", "perSecond")));
        target("6. Page fetch + decode: kalshi4j ÷ TypeScript SDK pages/s", "> 1× (kalshi4j wins)", x(pageRatio),
                verdict(!Double.isNaN(pageRatio), pageRatio > 1, pages,
                        ratio(at("kalshi4j", "perSecond"), at("tsSdk", "perSecond")), 1, "×"));
        line("**Signed GET loop** (the loop of section 3; Node.js runs N requests in flight on its one thread):");
        line("");
        table("concurrency", " kalshi4j req/s", " TS SDK req/s", " kalshi4j ÷ TS SDK", " kalshi4j p50", " TS SDK p50",
                " TS SDK p50 ÷ kalshi4j p50", " kalshi4j CPU/request", " TS SDK CPU/request");
        List<String> lost = new ArrayList<>();
        List<String> all = new ArrayList<>();
        rest.fields().forEachRemaining(e -> {
            JsonNode rounds = e.getValue();
            String c = e.getKey().substring(1);
            double thr = med(rounds, ratio(at("kalshi4j", "perSecond"), at("tsSdk", "perSecond")));
            double p50 = med(rounds, ratio(at("tsSdk", "p50us"), at("kalshi4j", "p50us")));
            row(c, perSecond(med(rounds, at("kalshi4j", "perSecond"))), perSecond(med(rounds, at("tsSdk", "perSecond"))),
                    "**" + x(thr) + "**", us(med(rounds, at("kalshi4j", "p50us"))), us(med(rounds, at("tsSdk", "p50us"))),
                    x(p50), us(med(rounds, at("kalshi4j", "cpuUsPerCall"))), us(med(rounds, at("tsSdk", "cpuUsPerCall"))));
            all.add("c=" + c + " " + x(thr));
            if (!(thr > 1)) {
                lost.add("c=" + c);
            }
        });
        line("");
        line("CPU per request: kalshi4j's calling threads (as in section 3); for Node.js the whole process "
                + "(`process.cpuUsage()`: its JavaScript thread, garbage collector and libuv threads), which counts "
                + "a little more than the Java column does (the JVM's GC threads are not in it).");
        line("");
        target("6. Signed GET loop: kalshi4j ÷ TypeScript SDK req/s", "> 1× (kalshi4j wins)", String.join(", ", all),
                verdict(!all.isEmpty(), lost.isEmpty()) + (lost.isEmpty() ? "" : " at " + String.join(", ", lost)));
    }

    private void rateLimits() {
        JsonNode rl = r.path("rateLimits");
        JsonNode rounds = rl.path("rounds");
        line("## 7. Rate limits: a saturated loop against the exchange's token buckets");
        line("");
        line("The local exchange with rate limits on, its basic tier's read bucket set to "
                + f("%.0f", num(rl.path("readRate"))) + " tokens a second up to " + f("%.0f", num(rl.path("readCapacity")))
                + " (20 reads a second at the default cost of 10, as Kalshi's basic tier). "
                + f("%.0f", num(rl.path("threads"))) + " threads make mixed signed GETs (a market, a page of markets, "
                + "the balance, orders) back to back for " + f("%.0f s", num(rl.path("seconds")))
                + ", with retries off so every 429 is counted: once with kalshi4j's limiter "
                + "(`RateLimits.fromAccount()`: the buckets and costs the exchange reports), once without "
                + "(`RateLimits.none()`, the default), each on a fresh exchange. **Budget** is what the bucket allows "
                + "from the first call to the last answer: capacity plus rate times that time, in cost units; "
                + "**achieved** is the cost of the calls that succeeded (with the limiter, its two reads of the "
                + "account's limits included). The limited loop is bound by the bucket, not by the CPU, so its fraction "
                + "depends little on this machine's load; the unlimited loop's call count is the machine's. One "
                + "discarded 1-second round of each runs first (cold JVM).");
        line("");
        if (rounds.size() == 0) {
            line("Not measured in this run.");
            line("");
            target("7. Saturated read loop with the limiter: budget spent, 429s", ">= 90%, 0", "n/a",
                    verdict(false, false));
            return;
        }
        table("", " achieved / budget", " 429s", " calls", " other failures");
        for (String k : List.of("limited", "unlimited")) {
            row(k.equals("limited") ? "with the limiter (`fromAccount`)" : "without (`none`)",
                    f("%.1f%%", 100 * med(rounds, at(k, "fraction"))), f("%,.0f", med(rounds, at(k, "rateLimited"))),
                    f("%,.0f", med(rounds, at(k, "calls"))), f("%,.0f", med(rounds, at(k, "otherFailures"))));
        }
        line("");
        line("Every round (achieved / budget, 429s):");
        line("");
        table("round", "load", " with the limiter", " without");
        int i = 1;
        for (JsonNode round : rounds) {
            row(Integer.toString(i++), round.path("loadAverage").asText(),
                    f("%.1f%%", 100 * num(round.path("limited").path("fraction"))) + ", "
                            + f("%,.0f", num(round.path("limited").path("rateLimited"))),
                    f("%.1f%%", 100 * num(round.path("unlimited").path("fraction"))) + ", "
                            + f("%,.0f", num(round.path("unlimited").path("rateLimited"))));
        }
        line("");
        double fraction = med(rounds, at("limited", "fraction"));
        double worst429 = max(rounds, at("limited", "rateLimited"));
        target("7. Saturated read loop with the limiter: budget spent, 429s", ">= 90%, 0",
                f("%.1f%%", 100 * fraction) + ", " + f("%.0f", worst429) + " (without: "
                        + f("%,.0f", med(rounds, at("unlimited", "rateLimited"))) + " 429s)",
                verdict(!Double.isNaN(fraction), fraction >= 0.90 && worst429 == 0));
    }

    private void appendix() {
        line("## Appendix: every round");
        line("");
        line("Median values above are over these rounds. Load average is `/proc/loadavg` when the round started.");
        line("");
        JsonNode sign = r.path("signing").path("rounds");
        if (sign.size() > 0) {
            line("Signing (p50 / p99):");
            line("");
            table("round", "load", " OpenSSL v1.5", " OpenSSL, no IFMA", " Node.js PSS", " JCA floor",
                    " kalshi4j OpenSSL", " kalshi4j Conscrypt", " Conscrypt fresh", " kalshi4j JDK", " JDK fresh", " kalshi4j BC",
                    " BC fresh", " TS SDK auth");
            int i = 1;
            for (JsonNode round : sign) {
                row(Integer.toString(i++), round.path("loadAverage").asText(), us(num(round.path("openssl").path("signUs"))),
                        round.has("opensslNoIfma") ? us(num(round.path("opensslNoIfma").path("signUs"))) : "",
                        pair(round.path("nodePss")), pair(round.path("jcaFloor")), pair(round.path("libcrypto")),
                        pair(round.path("conscrypt")),
                        pair(round.path("conscryptFresh")), pair(round.path("jdk")), pair(round.path("jdkFresh")),
                        pair(round.path("bouncyCastle")), pair(round.path("bouncyCastleFresh")),
                        pair(round.path("tsSdkAuth")));
            }
            line("");
        }
        JsonNode dec = r.path("decode").path("rounds");
        if (dec.size() > 0) {
            line("Decode (wall / CPU time per 1,000-market page):");
            line("");
            table("round", "load", " typed", " readTree", " ratio wall", " ratio CPU");
            int i = 1;
            for (JsonNode round : dec) {
                JsonNode t = round.path("typed");
                JsonNode rt = round.path("readTree");
                row(Integer.toString(i++), round.path("loadAverage").asText(),
                        us(num(t.path("us"))) + " / " + us(num(t.path("cpuNsPerOp")) / 1000),
                        us(num(rt.path("us"))) + " / " + us(num(rt.path("cpuNsPerOp")) / 1000),
                        x(num(t.path("us")) / num(rt.path("us"))),
                        x(num(t.path("cpuNsPerOp")) / num(rt.path("cpuNsPerOp"))));
            }
            line("");
        }
        JsonNode ws = r.path("wsFrames").path("rounds");
        if (ws.size() > 0) {
            line("WebSocket (per CPU-second / wall per second):");
            line("");
            table("round", "load", " decode + dispatch", " tree path", " readTree", " book apply", " TreeMap");
            int i = 1;
            for (JsonNode round : ws) {
                row(Integer.toString(i++), round.path("loadAverage").asText(), rates(round.path("decodeDispatch")),
                        rates(round.path("treePath")), rates(round.path("readTreeOnly")), rates(round.path("bookApply")),
                        rates(round.path("treeMapReference")));
            }
            line("");
        }
        JsonNode rest = r.path("rest");
        if (rest.size() > 0) {
            line("REST (req/s, p50):");
            line("");
            table("concurrency", "round", "load", " kalshi4j", " raw", " TS SDK");
            rest.fields().forEachRemaining(e -> {
                int i = 1;
                for (JsonNode round : e.getValue()) {
                    row(e.getKey().substring(1), Integer.toString(i++), round.path("loadAverage").asText(),
                            rate(round.path("kalshi4j")), rate(round.path("raw")), rate(round.path("tsSdk")));
                }
            });
            line("");
        }
        JsonNode pages = r.path("pageFetch").path("rounds");
        if (pages.size() > 0) {
            line("Page fetch (pages/s, p50):");
            line("");
            table("round", "load", " kalshi4j", " raw", " TS SDK");
            int i = 1;
            for (JsonNode round : pages) {
                row(Integer.toString(i++), round.path("loadAverage").asText(), rate(round.path("kalshi4j")),
                        rate(round.path("raw")), rate(round.path("tsSdk")));
            }
            line("");
        }
        JsonNode samples = r.path("stream").path("samples");
        if (samples.size() > 0) {
            line("Streaming, client heap after GC:");
            line("");
            StringBuilder b = new StringBuilder();
            for (JsonNode sample : samples) {
                b.append(f("%,.0f", num(sample.path("markets")))).append(": ")
                        .append(mb(num(sample.path("usedAfterGcBytes")))).append("; ");
            }
            line(b.toString().trim());
            line("");
        }
    }

    private static String pair(JsonNode n) {
        return n.isMissingNode() ? "" : us(num(n.path("p50us"))) + " / " + us(num(n.path("p99us")));
    }

    private static String rates(JsonNode n) {
        return n.isMissingNode() ? "" : perSecond(num(n.path("perCpuSecond"))) + " / " + perSecond(num(n.path("perSecond")));
    }

    private static String rate(JsonNode n) {
        if (n.isMissingNode()) {
            return "";
        }
        String errors = n.path("errors").asLong() > 0 ? f(" (%,.0f errors)", num(n.path("errors"))) : "";
        return f("%,.1f/s", num(n.path("perSecond"))) + ", " + us(num(n.path("p50us"))) + errors;
    }
}
