package io.github.kalshi4j.tabular;

/**
 * How far an export has come, as reported to {@link TabularSink#onProgress} after each page (and, for a stream
 * of models, after each batch of rows).
 *
 * @param rows  rows written so far
 * @param pages pages consumed so far (0 for a stream of models)
 * @param bytes bytes handed to the file so far (the writers buffer a little: the final count is in
 *              {@link ExportResult#bytes()})
 */
public record ExportProgress(long rows, long pages, long bytes) {
}
