package io.github.kalshi4j.tabular;

import java.nio.file.Path;

/**
 * Tabular export of kalshi4j models: CSV and Apache Arrow sinks for any {@code PageIterable} (through its
 * {@code export}) or {@code Stream} of models, with columns derived from the pinned OpenAPI spec
 * ({@link TableSchemas}).
 *
 * <pre>{@code
 * ExportResult r = client.historical().getTradesPages(p -> p.ticker(t))
 *         .export(Tabular.arrow(Path.of("trades.arrow")));
 * Tabular.csv(Path.of("candles.csv")).write(MarketCandlestick.class, response.candlesticks().stream());
 * }</pre>
 *
 * Arrow needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on Java 17 and later (README, "Tabular export").
 */
public final class Tabular {

    /** The optional trailing column holding a row's unknown JSON members (the model's additionalProperties()). */
    public static final String UNKNOWN_FIELDS_COLUMN = "additional_properties";

    /** What separates the items of a list column in CSV. */
    public static final String CSV_LIST_SEPARATOR = ";";

    /** Rows per Arrow record batch unless {@link TabularSink#batchRows(int)} says otherwise. */
    public static final int DEFAULT_BATCH_ROWS = 8192;

    private Tabular() {
    }

    /** A sink writing CSV (a header line, then one line per model) to {@code path}, replacing it. */
    public static TabularSink csv(Path path) {
        return new TabularSink(TabularSink.Format.CSV, path);
    }

    /**
     * A sink writing an Apache Arrow IPC file (the "Feather v2" format polars, pandas/pyarrow and DuckDB open) to
     * {@code path}, replacing it.
     */
    public static TabularSink arrow(Path path) {
        return new TabularSink(TabularSink.Format.ARROW_FILE, path);
    }

    /** A sink writing the Apache Arrow IPC stream format (for pipes and {@code pyarrow.ipc.open_stream}). */
    public static TabularSink arrowStream(Path path) {
        return new TabularSink(TabularSink.Format.ARROW_STREAM, path);
    }

    /** The table schema of a model class, or an error naming the models that have one. */
    public static TableSchema schemaOf(Class<?> modelClass) {
        TableSchema t = TableSchemas.forModelClassName(modelClass.getName());
        if (t == null) {
            throw new IllegalArgumentException(modelClass.getName() + " has no table schema: tables exist for the"
                    + " models list operations return (" + TableSchemas.all().stream().map(TableSchema::name)
                    .reduce((a, b) -> a + ", " + b).orElse("none") + ")");
        }
        return t;
    }
}
