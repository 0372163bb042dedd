package io.github.kalshi4j.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.errors.KalshiRecordingException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * An {@link HttpExchange} that passes every request to another exchange and writes each completed request/response
 * pair to a directory, one pretty JSON file per exchange, for {@link ReplayTransport} to serve offline later.
 *
 * <p>Files are named {@code <NNNN>-<METHOD>-<path-slug>.json} (e.g. {@code 0003-GET-markets.json}), numbered in
 * the order responses complete; numbering continues after any recordings already in the directory. Each holds the
 * method, raw path, query with parameters sorted, request headers, request body (JSON, else base64), status,
 * response headers and response body (JSON, else text, else base64).
 *
 * <p>Credentials are never written: {@code KALSHI-ACCESS-KEY}, {@code KALSHI-ACCESS-SIGNATURE},
 * {@code KALSHI-ACCESS-TIMESTAMP}, {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and
 * {@code Set-Cookie} are dropped from requests and responses. Bodies are written as received, so do not record
 * sessions whose payloads you would not commit.
 *
 * <p>A request that fails in the wrapped exchange is not recorded and fails as it would have. If the file cannot be
 * written the call fails with a {@link KalshiRecordingException} (a {@code KalshiException}, like every failure of
 * a call) naming the status the server answered; it is unchecked rather than an {@link IOException}, so retry logic
 * does not re-send a request the server already processed. Thread-safe; {@link #close()} closes the wrapped
 * exchange.
 */
public final class RecordingTransport implements HttpExchange {

    private final HttpExchange delegate;
    private final Path directory;
    private final AtomicLong sequence;

    /**
     * Records everything sent through {@code delegate} into {@code directory}, creating it if needed.
     *
     * @throws KalshiRecordingException if the directory cannot be created or listed
     */
    public RecordingTransport(HttpExchange delegate, Path directory) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.directory = Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
            this.sequence = new AtomicLong(highestSequence(directory));
        } catch (IOException e) {
            throw new KalshiRecordingException(null, "cannot record into " + directory + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** The directory recordings are written to. */
    public Path directory() {
        return directory;
    }

    /** Sends through the wrapped exchange and records the exchange once the response has arrived. */
    @Override
    public RawResponse send(RawRequest request) throws IOException {
        RawResponse response = delegate.send(request);
        record(request, response);
        return response;
    }

    /** Sends asynchronously through the wrapped exchange; the future completes after the file is written. */
    @Override
    public CompletableFuture<RawResponse> sendAsync(RawRequest request) {
        return delegate.sendAsync(request).thenApply(response -> {
            record(request, response);
            return response;
        });
    }

    /** Closes the wrapped exchange. */
    @Override
    public void close() {
        delegate.close();
    }

    private void record(RawRequest request, RawResponse response) {
        byte[] content;
        try {
            content = Recordings.PRETTY.writeValueAsBytes(toJson(request, response));
        } catch (IOException e) {
            throw notRecorded(request, response, "cannot serialize the recording", e);
        }
        byte[] withNewline = new byte[content.length + 1];
        System.arraycopy(content, 0, withNewline, 0, content.length);
        withNewline[content.length] = '\n';
        while (true) {
            Path file = directory.resolve(
                    Recordings.fileName(sequence.incrementAndGet(), request.method(), request.path()));
            try {
                // CREATE_NEW: another recorder on the same directory must never have its file overwritten.
                Files.write(file, withNewline, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return;
            } catch (FileAlreadyExistsException taken) {
                // Someone else took this number; the next one is free or will be found.
            } catch (IOException e) {
                throw notRecorded(request, response, "cannot write recording " + file, e);
            }
        }
    }

    private static KalshiRecordingException notRecorded(RawRequest request, RawResponse response, String what,
            IOException e) {
        // The status is in the message because the exchange did happen: the caller must not think it failed on
        // the network and send it again.
        return new KalshiRecordingException(request.operationId(), request.operationId() + ": " + what + " ("
                + e.getClass().getSimpleName() + "); the request was sent and answered " + response.statusCode()
                + ", and is not sent again", e);
    }

    private static ObjectNode toJson(RawRequest request, RawResponse response) {
        ObjectNode root = Recordings.JSON.createObjectNode();
        root.put("operationId", request.operationId());

        ObjectNode req = root.putObject("request");
        req.put("method", request.method());
        req.put("path", request.path());
        String query = Recordings.sortedQuery(request.query());
        if (!query.isEmpty()) {
            req.put("query", query);
        }
        ObjectNode reqHeaders = req.putObject("headers");
        new TreeMap<>(request.headers()).forEach((name, value) -> {
            if (!Recordings.isSecret(name)) {
                reqHeaders.put(name, value);
            }
        });
        Recordings.putBody(req, request.body(), request.header("Content-Type"), false);

        ObjectNode res = root.putObject("response");
        res.put("status", response.statusCode());
        ObjectNode resHeaders = res.putObject("headers");
        for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
            if (!Recordings.isSecret(h.getKey())) {
                ArrayNode values = resHeaders.putArray(h.getKey());
                h.getValue().forEach(values::add);
            }
        }
        Recordings.putBody(res, response.body(), response.header("Content-Type").orElse(null), true);
        return root;
    }

    private static long highestSequence(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return Math.max(0, files.mapToLong(p -> Recordings.sequenceOf(p.getFileName().toString())).max().orElse(0));
        }
    }
}
