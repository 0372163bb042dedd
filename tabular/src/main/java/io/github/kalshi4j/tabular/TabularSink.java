package io.github.kalshi4j.tabular;

import io.github.kalshi4j.transport.PageIterable;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes models as rows of a CSV or Arrow file: give it to {@code PageIterable.export(...)}, or call
 * {@link #write(Stream)} with a stream of models. Immutable: {@link #batchRows}, {@link #onProgress} and
 * {@link #unknownFieldsColumn} return changed copies. One sink may be used for several exports, one after the
 * other, each replacing the file.
 *
 * <p>Memory stays bounded: pages are fetched one at a time, CSV is written row by row and Arrow in record batches
 * of {@link #batchRows} rows. If an export fails, the partial file is deleted and the error thrown.
 */
public final class TabularSink implements PageIterable.Sink<Object, ExportResult> {

    /** The file format. */
    enum Format { CSV, ARROW_FILE, ARROW_STREAM }

    private final Format format;
    private final Path path;
    private final int batchRows;
    private final Consumer<ExportProgress> progress;
    private final boolean unknownColumn;
    private final Class<?> modelClass;

    TabularSink(Format format, Path path) {
        this(format, Objects.requireNonNull(path, "path"), Tabular.DEFAULT_BATCH_ROWS, null, true, null);
    }

    private TabularSink(Format format, Path path, int batchRows, Consumer<ExportProgress> progress,
            boolean unknownColumn, Class<?> modelClass) {
        this.format = format;
        this.path = path;
        this.batchRows = batchRows;
        this.progress = progress;
        this.unknownColumn = unknownColumn;
        this.modelClass = modelClass;
    }

    /** The file this sink writes. */
    public Path path() {
        return path;
    }

    /** A copy writing Arrow record batches of {@code rows} rows (default {@value Tabular#DEFAULT_BATCH_ROWS}). */
    public TabularSink batchRows(int rows) {
        if (rows < 1 || rows > 1_000_000) {
            throw new IllegalArgumentException("batchRows must be between 1 and 1,000,000, got " + rows);
        }
        return new TabularSink(format, path, rows, progress, unknownColumn, modelClass);
    }

    /** A copy calling {@code listener} after every page (or, for a stream, every batch of rows). */
    public TabularSink onProgress(Consumer<ExportProgress> listener) {
        return new TabularSink(format, path, batchRows, Objects.requireNonNull(listener, "listener"), unknownColumn,
                modelClass);
    }

    /**
     * A copy with or without the trailing {@value Tabular#UNKNOWN_FIELDS_COLUMN} column (on by default): the JSON
     * members a row's model did not know, as a JSON object, or empty.
     */
    public TabularSink unknownFieldsColumn(boolean include) {
        return new TabularSink(format, path, batchRows, progress, include, modelClass);
    }

    /**
     * A copy writing rows of {@code model}'s table whatever the items turn out to be; needed only where the
     * table cannot be told from the items or the pages (an empty stream).
     */
    public TabularSink model(Class<?> model) {
        Tabular.schemaOf(model);
        return new TabularSink(format, path, batchRows, progress, unknownColumn, model);
    }

    /**
     * Writes every item of every page, fetching pages one at a time. The table is the items' model's (or, when
     * there are none, the one listed by the first page's response type).
     *
     * @return what was written
     * @throws IllegalArgumentException when the items are not models with a table schema
     * @throws UncheckedIOException     when the file cannot be written
     */
    @Override
    public ExportResult consume(Iterable<? extends PageIterable.Page<?, ?>> pages) {
        Objects.requireNonNull(pages, "pages");
        try (Export export = new Export()) {
            Object firstResponse = null;
            for (PageIterable.Page<?, ?> page : pages) {
                if (firstResponse == null) {
                    firstResponse = page.response();
                }
                for (Object item : page.items()) {
                    export.row(item);
                }
                export.pages++;
                export.report();
            }
            if (export.writer == null) {
                export.open(modelClass != null ? modelClass : fromResponse(firstResponse));
            }
            return export.finish();
        }
    }

    /**
     * Writes a stream of models (closing it). The table is the first model's, or the one {@link #model} names.
     *
     * @throws IllegalArgumentException when the stream is empty and no {@link #model} is set, or a model has no
     *                                  table schema
     */
    public ExportResult write(Stream<?> models) {
        Objects.requireNonNull(models, "models");
        try (Stream<?> s = models; Export export = new Export()) {
            Iterator<?> it = s.iterator();
            while (it.hasNext()) {
                export.row(it.next());
                if (export.rows % batchRows == 0) {
                    export.report();
                }
            }
            if (export.writer == null) {
                if (modelClass == null) {
                    throw new IllegalArgumentException("the stream is empty, so its table is unknown: name it with"
                            + " sink.model(Market.class) or write(Market.class, stream)");
                }
                export.open(modelClass);
            }
            export.report();
            return export.finish();
        }
    }

    /** Writes a stream of {@code model}s (closing it); an empty stream gives a file with the header only. */
    public <T> ExportResult write(Class<T> model, Stream<? extends T> models) {
        return model(model).write(models);
    }

    private Class<?> fromResponse(Object response) {
        if (response == null) {
            throw new IllegalArgumentException("no pages: name the table with sink.model(...)");
        }
        String name = response.getClass().getSimpleName();
        List<TableSchema> listing = TableSchemas.all().stream().filter(t -> t.responses().contains(name)).toList();
        if (listing.size() != 1) {
            throw new IllegalArgumentException("the pages hold no items and " + name + " lists "
                    + (listing.isEmpty() ? "no model with a table" : "several models (" + listing + ")")
                    + ": name the table with sink.model(...)");
        }
        try {
            return Class.forName(listing.get(0).modelClassName(), false, response.getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("model class " + listing.get(0).modelClassName() + " is missing", e);
        }
    }

    /** One export's state: the open writer, counters, cleanup on failure. */
    private final class Export implements AutoCloseable {
        TableWriter writer;
        TableSchema table;
        Class<?> bound;
        long rows;
        long pages;
        boolean done;

        void row(Object item) {
            Objects.requireNonNull(item, "a null model");
            if (writer == null) {
                open(modelClass != null ? modelClass : item.getClass());
            }
            if (!bound.isInstance(item)) {
                throw new IllegalArgumentException("a " + item.getClass().getName() + " among rows of "
                        + table.name() + ": one export writes one table");
            }
            try {
                writer.write(item);
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + path, e);
            }
            rows++;
        }

        void open(Class<?> model) {
            table = Tabular.schemaOf(model);
            bound = model;
            ModelBinding binding = ModelBinding.bind(model, table);
            OutputStream file = null;
            try {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                file = Files.newOutputStream(path);
                CountingOutputStream out = new CountingOutputStream(new BufferedOutputStream(file, 1 << 16));
                writer = format == Format.CSV ? new CsvTableWriter(table, binding, unknownColumn, out)
                        : new ArrowTableWriter(table, binding, unknownColumn, out, format == Format.ARROW_FILE,
                                batchRows);
            } catch (IOException e) {
                closeQuietly(file);
                deleteQuietly();
                throw new UncheckedIOException("cannot write " + path, e);
            } catch (RuntimeException e) {
                closeQuietly(file);
                deleteQuietly();
                throw e;
            }
        }

        void report() {
            if (progress != null && writer != null) {
                progress.accept(new ExportProgress(rows, pages, writer.bytes()));
            }
        }

        ExportResult finish() {
            try {
                writer.finish();
                writer.close();
                done = true;
                long size = Files.size(path);
                if (progress != null) {
                    progress.accept(new ExportProgress(rows, pages, size));
                }
                return new ExportResult(path, table, rows, pages, size);
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + path, e);
            }
        }

        @Override
        public void close() {
            if (!done) {
                if (writer != null) {
                    try {
                        writer.close();
                    } catch (IOException | RuntimeException ignored) {
                        // the export's own error is the one to report
                    }
                }
                if (writer != null || table != null) {
                    deleteQuietly();
                }
            }
        }

        private void closeQuietly(OutputStream s) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // reported through the original error
                }
            }
        }

        private void deleteQuietly() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    @Override
    public String toString() {
        return "TabularSink[" + format + " " + path + ", batchRows " + batchRows + "]";
    }
}
