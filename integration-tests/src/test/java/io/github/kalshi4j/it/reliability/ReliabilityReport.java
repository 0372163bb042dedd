package io.github.kalshi4j.it.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes {@code docs/RELIABILITY.md} from the figures a run of the reliability group left in
 * {@code integration-tests/target/reliability} ({@code make reliability}). Arguments: the figures directory, the
 * output file, and a description of the commit the run was made on.
 */
public final class ReliabilityReport {

    private ReliabilityReport() {
    }

    public static void main(String[] args) throws IOException {
        Path figuresDir = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        String commit = args.length > 2 ? args[2] : "unknown";
        Map<String, Properties> all = Reliability.read(figuresDir);
        for (String area : new String[] {"rest-fuzz", "ws-fuzz", "order-faults", "bad-keys", "debug-logs", "ws-books"}) {
            if (!all.containsKey(area)) {
                throw new IllegalStateException("no figures for " + area + " in " + figuresDir
                        + ": did every test of the reliability group run?");
            }
        }
        Properties rest = all.get("rest-fuzz");
        Properties ws = all.get("ws-fuzz");
        Properties orders = all.get("order-faults");
        Properties keys = all.get("bad-keys");
        Properties logs = all.get("debug-logs");
        Properties books = all.get("ws-books");

        long inputs = n(rest, "inputs") + n(ws, "inputs");
        long clean = n(rest, "handledCleanly") + n(ws, "handledCleanly");
        long defects = all.values().stream().mapToLong(p -> n(p, "defects")).sum();
        long secrets = n(logs, "secretsFound") + n(keys, "keyMaterialInMessages");
        boolean restLonger = d(rest, "longestMillis") >= d(ws, "longestMillis");
        Properties longest = restLonger ? rest : ws;

        StringBuilder md = new StringBuilder();
        md.append("# Reliability\n\n");
        md.append("Written by `make reliability` (").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(", commit ").append(commit).append(") from the figures of the `reliability` test group ")
                .append("(`integration-tests`, `@Tag(\"reliability\")`), run with ")
                .append(rest.getProperty("seeds")).append(" seeds and ").append(rest.getProperty("mutationsPerSample"))
                .append(" mutations per wire sample per seed. `make test` runs the same group at a small scale ")
                .append("(2 seeds, 4 mutations). Do not edit by hand: run `make reliability` again.\n\n");
        md.append("| figure | value | must be |\n|---|---:|---|\n");
        row(md, "seeds (base seed " + rest.getProperty("baseSeed") + ", seeds base..base+n-1)", rest.getProperty("seeds"), "");
        row(md, "inputs tried (REST bodies + WebSocket frames)", inputs + " (" + rest.getProperty("inputs") + " + "
                + ws.getProperty("inputs") + ")", "");
        row(md, "handled cleanly", String.valueOf(clean), "= inputs tried");
        row(md, "defects (non-SDK throwable, hang past the bound, a wrong order count, an accepted bad key)",
                String.valueOf(defects), "0");
        row(md, "orders duplicated (CreateOrderV2 under injected faults)", orders.getProperty("ordersDuplicated"), "0");
        row(md, "books left stale after recovery time (" + books.getProperty("runs") + " poisoned frames on a live book, "
                + "recovery time " + books.getProperty("recoveryBoundMillis") + " ms)", books.getProperty("staleAfterRecovery"),
                "0");
        row(md, "secrets found (DEBUG log, exception messages)", String.valueOf(secrets), "0");
        row(md, "longest single decode", longest.getProperty("longestMillis") + " ms (" + (restLonger ? "REST" : "WebSocket")
                + ": " + longest.getProperty("longestInput").replace("|", "\\|") + ")", "under 5 s REST, 2 s WebSocket");
        md.append('\n');

        md.append("## REST bodies\n\n");
        md.append("Each of the ").append(rest.getProperty("samples")).append(" bodies in `shared/wire-samples/rest` ")
                .append("(real captures; the few that are an inner object or list are served in their envelope) is ")
                .append("mutated by `JsonMutator` (dropped and duplicated fields, type swaps, numbers such as ")
                .append("`1E+30000000` and `1e-999999999` as JSON numbers and as fixed-point strings, nesting thousands ")
                .append("deep, truncation, odd unicode, one null or nulls everywhere), served by a loopback HTTP server ")
                .append("and read by a real `KalshiClient` through the operation that answers with that body (")
                .append(rest.getProperty("samplesReadAsGetMarkets")).append(" samples of operations the fuzzer does ")
                .append("not call are read as GetMarkets). Every input must end in a value or a `KalshiException`.\n\n");
        md.append("| inputs | decoded to a value | `KalshiException` | defects | longest |\n|---:|---:|---:|---:|---:|\n");
        md.append("| ").append(rest.getProperty("inputs")).append(" | ").append(rest.getProperty("decodedToAValue"))
                .append(" | ").append(rest.getProperty("kalshiExceptions")).append(" | ").append(rest.getProperty("defects"))
                .append(" | ").append(rest.getProperty("longestMillis")).append(" ms |\n\n");

        md.append("## WebSocket frames\n\n");
        md.append(ws.getProperty("samples")).append(" frames of `shared/wire-samples/ws` (every frame of the small ")
                .append("files, every hundredth of the 3,000-frame order book capture), mutated the same way, are read ")
                .append("as the engine reads a text frame: the client's mapper parses it (an unreadable or non-object ")
                .append("frame is reported and dropped) and the engine's `FrameDecoder` makes a `WsMessage`. Every input ")
                .append("must end in a decoded record or a clean `WsMessage.Unknown`, reporting only `KalshiException`s. ")
                .append("This is the decode step; what poisoned frames do to a live book is the next section.\n\n");
        md.append("| inputs | decoded record | clean Unknown | unreadable, reported | defects | longest |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n");
        md.append("| ").append(ws.getProperty("inputs")).append(" | ").append(ws.getProperty("decodedToARecord"))
                .append(" | ").append(ws.getProperty("cleanUnknown")).append(" | ").append(ws.getProperty("unreadableReported"))
                .append(" | ").append(ws.getProperty("defects")).append(" | ").append(ws.getProperty("longestMillis"))
                .append(" ms |\n\n");

        md.append("## Poisoned frames on a live order book\n\n");
        md.append("A client holds an order book (`client.ws().orderbook(ticker)`) on the local exchange over a real ")
                .append("socket. For each seed, every scenario puts hostile frames on the book's own subscription through ")
                .append("the exchange's raw-send hook (its `sid`; the next `seq` or an absurd one), then a marker frame; ")
                .append("once the client has the marker it has handled the frames, and the clock starts. The book must be ")
                .append("fresh and equal to the exchange's book (read over REST) within ")
                .append(books.getProperty("recoveryBoundMillis")).append(" ms, with the connection open, only ")
                .append("`KalshiException`s reported and at most 5 snapshots per scenario. Scenarios: ")
                .append(books.getProperty("scenarioNames")).append(".\n\n");
        md.append("| runs (seeds × scenarios) | stale after the recovery time | longest recovery | most snapshots for one ")
                .append("scenario | defects |\n|---:|---:|---:|---:|---:|\n");
        md.append("| ").append(books.getProperty("runs")).append(" (").append(books.getProperty("seeds")).append(" × ")
                .append(books.getProperty("scenarios")).append(") | ").append(books.getProperty("staleAfterRecovery"))
                .append(" | ").append(books.getProperty("longestRecoveryMillis")).append(" ms (")
                .append(books.getProperty("longestRecoveryScenario")).append(") | ")
                .append(books.getProperty("maxSnapshotsPerPoison")).append(" | ").append(books.getProperty("defects"))
                .append(" |\n\n");

        md.append("## CreateOrderV2 under every injected fault\n\n");
        md.append("Every fault of the local exchange's `Faults.Kind` (").append(orders.getProperty("faultKinds"))
                .append(") on `POST /portfolio/events/orders`, through the blocking and the async client, with safe ")
                .append("order retry off and on: ").append(orders.getProperty("cases")).append(" orders, each with its ")
                .append("own `client_order_id`, counted on the exchange afterwards (a delayed original is waited for). ")
                .append("The client times out after 400 ms; the delay fault answers after 1.5 s.\n\n");
        md.append("| fault | client | safe retry | outcome | orders on the exchange |\n|---|---|---|---|---:|\n");
        Map<String, String> cases = new TreeMap<>();
        orders.stringPropertyNames().stream().filter(k -> k.startsWith("case.")).forEach(k -> cases.put(k, orders.getProperty(k)));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String[] parts = c.getKey().substring("case.".length()).split("\\.");
            String[] outcome = c.getValue().split(", ");
            md.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ")
                    .append(parts.length > 2 ? "on" : "off").append(" | ").append(outcome[0]).append(" | ")
                    .append(outcome[1].replace(" on the exchange", "")).append(" |\n");
        }
        md.append("\nOrders duplicated: ").append(orders.getProperty("ordersDuplicated")).append(".\n\n");

        md.append("## Bad keys\n\n");
        md.append(keys.getProperty("keys")).append(" keys (empty, blank, not PEM, truncated, non-base64, public, EC, ")
                .append("Ed25519, DSA, 1024-bit RSA, encrypted, OpenSSH, binary DER, bad key ids, missing and empty ")
                .append("files, and the key with one bit flipped at bytes spread across its DER): ")
                .append(keys.getProperty("refusedWithKalshiAuthException")).append(" refused with a `KalshiAuthException` ")
                .append("when the client is built; key material in their messages: ")
                .append(keys.getProperty("keyMaterialInMessages")).append(".\n\n");

        md.append("## Secrets in DEBUG logs\n\n");
        md.append("A session with kalshi4j's loggers and HttpClient's `org.apache.hc.client5.http.headers` at DEBUG ")
                .append("(blocking and async calls, a retried 503, an order whose answer is lost, a WebSocket ")
                .append("subscription, a refused key): ").append(logs.getProperty("logLines")).append(" log lines, ")
                .append(logs.getProperty("kalshi4jDebugLines")).append(" of them kalshi4j's, ")
                .append(logs.getProperty("maskedSignatureHeaderLines")).append(" signature headers printed as ")
                .append("`<masked>`; ").append(logs.getProperty("signaturesWatched")).append(" signatures watched for, ")
                .append("secrets found: ").append(logs.getProperty("secretsFound")).append(". HttpClient's ")
                .append("`org.apache.hc.client5.http.wire` logger prints raw bytes and cannot be masked; it is not ")
                .append("scanned (the README says to keep it off).\n\n");

        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + ": " + inputs + " inputs, " + defects + " defects, "
                + orders.getProperty("ordersDuplicated") + " duplicated orders, " + books.getProperty("staleAfterRecovery")
                + " stale books, " + secrets + " secrets");
        if (defects != 0 || n(orders, "ordersDuplicated") != 0 || secrets != 0 || clean != inputs
                || n(books, "staleAfterRecovery") != 0) {
            System.exit(1);
        }
    }

    private static void row(StringBuilder md, String figure, String value, String mustBe) {
        md.append("| ").append(figure).append(" | ").append(value).append(" | ").append(mustBe).append(" |\n");
    }

    private static long n(Properties p, String key) {
        return Long.parseLong(p.getProperty(key, "0"));
    }

    private static double d(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key, "0"));
    }
}
