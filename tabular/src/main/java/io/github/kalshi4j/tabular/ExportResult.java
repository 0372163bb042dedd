package io.github.kalshi4j.tabular;

import java.nio.file.Path;

/**
 * What an export wrote.
 *
 * @param path   the file written
 * @param table  the table schema of its rows
 * @param rows   rows written
 * @param pages  pages consumed (0 for a stream of models)
 * @param bytes  the file's size
 */
public record ExportResult(Path path, TableSchema table, long rows, long pages, long bytes) {
}
