package io.github.kalshi4j.tabular;

import java.io.IOException;
import java.util.Map;

/** Writes rows of one table to one output; the CSV and Arrow writers. */
abstract class TableWriter implements AutoCloseable {

    final TableSchema table;
    final ModelBinding binding;
    final boolean unknownColumn;
    final CountingOutputStream out;

    TableWriter(TableSchema table, ModelBinding binding, boolean unknownColumn, CountingOutputStream out) {
        this.table = table;
        this.binding = binding;
        this.unknownColumn = unknownColumn;
        this.out = out;
    }

    /** Writes one model as a row. */
    abstract void write(Object model) throws IOException;

    /** Writes what is buffered and ends the output (footer, flush); the writer is done after it. */
    abstract void finish() throws IOException;

    /** Bytes handed to the output so far. */
    long bytes() {
        return out.count();
    }

    /** The JSON text of the model's unknown fields, or null when it has none. */
    String unknownJson(Object model) {
        Map<?, ?> unknown = binding.unknownFields(model);
        return unknown.isEmpty() ? null : Cells.json(unknown);
    }

    @Override
    public abstract void close() throws IOException;
}
