package io.github.kalshi4j.examples;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiClientBuilder.Setting;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.tabular.ExportProgress;
import io.github.kalshi4j.tabular.ExportResult;
import io.github.kalshi4j.tabular.Tabular;
import io.github.kalshi4j.tabular.TabularSink;
import io.github.kalshi4j.testkit.LocalKalshiExchange;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Exports a list operation's items to a CSV or Arrow file, printing a progress line as pages arrive: what
 * {@code make export WHAT=markets STATUS=open FORMAT=arrow OUT=markets.arrow} runs.
 *
 * <p>Usage: {@code ExportTable <what> <status|-> <csv|arrow> <out>}, where {@code what} is {@code markets},
 * {@code events}, {@code series}, {@code trades}, {@code orders}, {@code fills}, {@code settlements},
 * {@code historical-markets}, {@code historical-trades}, {@code historical-orders} or {@code historical-fills}.
 * Against the embedded local exchange by default; against Kalshi when {@code KALSHI_KEY_ID},
 * {@code KALSHI_API_BASE_URL} or {@code KALSHI_DEMO} is set (as {@code KalshiClient.fromEnv()} reads them), or
 * with {@code KALSHI=1} for Kalshi's production API without credentials (public data only). Arrow needs
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on Java 17+ (the make target sets it).
 */
public final class ExportTable {

    private ExportTable() {
    }

    /** Runs the export; exits non-zero with a message on bad arguments or a failed export. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ExportTable <what> <status|-> <csv|arrow> <out>");
            System.exit(2);
        }
        String what = args[0].toLowerCase(Locale.ROOT);
        String status = args[1].isBlank() || args[1].equals("-") ? null : args[1];
        String format = args[2].toLowerCase(Locale.ROOT);
        Path out = Path.of(args[3]).toAbsolutePath();
        try {
            TabularSink sink = switch (format) {
                case "csv" -> Tabular.csv(out);
                case "arrow" -> Tabular.arrow(out);
                default -> throw new IllegalArgumentException("FORMAT must be csv or arrow, got " + format);
            };
            sink = sink.onProgress(ExportTable::printProgress);
            ExportResult result;
            if (useKalshi(System.getenv(), System.getProperties())) {
                try (KalshiClient client = KalshiClient.fromEnv()) {
                    System.err.println("exporting " + what + " from " + client.config().baseUrl());
                    result = export(client, what, status, sink);
                }
            } else {
                try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().start();
                        KalshiClient client = exchange.client(exchange.userIds().get(0))) {
                    System.err.println("exporting " + what + " from the local exchange at " + exchange.restUrl());
                    result = export(client, what, status, sink);
                }
            }
            System.err.println();
            System.out.printf("wrote %,d rows of %s (%d columns) from %,d pages to %s (%,d bytes)%n", result.rows(),
                    result.table().name(), result.table().columns().size(), result.pages(), result.path(), result.bytes());
        } catch (KalshiException | IllegalArgumentException | IllegalStateException e) {
            System.err.println();
            System.err.println("export failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Kalshi rather than the local exchange: one of the usual variables is set, or KALSHI=1. */
    static boolean useKalshi(Map<String, String> env, Properties properties) {
        return Setting.KEY_ID.read(env, properties) != null || Setting.API_BASE_URL.read(env, properties) != null
                || Setting.DEMO.read(env, properties) != null || "1".equals(env.get("KALSHI"));
    }

    private static ExportResult export(KalshiClient client, String what, String status, TabularSink sink) {
        return switch (what) {
            case "markets" -> client.markets().getMarketsPages(p -> p.status(status).limit(1000L)).export(sink);
            case "events" -> client.events().getEventsPages(p -> p.status(status).limit(200)).export(sink);
            case "series" -> sink.write(client.markets().getSeriesList(p -> { }).series().stream());
            case "trades" -> client.markets().getTradesPages(p -> p.limit(1000L)).export(sink);
            case "orders" -> client.orders().getOrdersPages(p -> p.status(status).limit(200L)).export(sink);
            case "fills" -> client.portfolio().getFillsPages(p -> p.limit(200L)).export(sink);
            case "settlements" -> client.portfolio().getSettlementsPages(p -> p.limit(200L)).export(sink);
            case "historical-markets" -> client.historical().getHistoricalMarketsPages(p -> p.limit(1000L)).export(sink);
            case "historical-trades" -> client.historical().getTradesHistoricalPages(p -> p.limit(1000L)).export(sink);
            case "historical-orders" -> client.historical().getHistoricalOrdersPages(p -> p.limit(200L)).export(sink);
            case "historical-fills" -> client.historical().getFillsHistoricalPages(p -> p.limit(200L)).export(sink);
            default -> throw new IllegalArgumentException("WHAT must be one of markets, events, series, trades, orders,"
                    + " fills, settlements, historical-markets, historical-trades, historical-orders, historical-fills;"
                    + " got " + what);
        };
    }

    private static void printProgress(ExportProgress p) {
        System.err.printf("\r  %,d rows  %,d pages  %,.1f kB", p.rows(), p.pages(), p.bytes() / 1024.0);
    }
}
