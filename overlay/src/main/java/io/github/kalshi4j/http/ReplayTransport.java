package io.github.kalshi4j.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.errors.FixtureNotFoundException;
import io.github.kalshi4j.errors.KalshiRecordingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An {@link HttpExchange} that answers from a directory written by {@link RecordingTransport}, without any network.
 *
 * <p><b>Matching.</b> A request matches a recording with the same method, raw path and query parameters; parameter
 * order does not matter (both sides are compared sorted). Headers, signatures, timestamps and request bodies are
 * ignored, so a re-signed request at another time still matches.
 *
 * <p><b>Repeats.</b> When several recordings share a key (polling an order, paging the same cursor twice), they
 * are served in recorded order, one per request; once they are used up the last one is served again for every
 * further request. Each key keeps its own position; {@link #reset()} starts all keys over.
 *
 * <p><b>Misses.</b> A request with no recording fails with {@link FixtureNotFoundException} (from {@link #send}
 * directly, from {@link #sendAsync} as a failed future) naming the method, path and query and listing the nearest
 * recorded requests. A miss is never turned into a synthetic 404, which would look like a real server answer.
 *
 * <p>Bodies recorded as JSON are served compactly re-serialized (same JSON, not the same whitespace); text and
 * base64 bodies are served byte-exact. A recorded {@code Content-Length} is corrected to the served body. Thread-safe.
 */
public final class ReplayTransport implements HttpExchange {

    private static final int NEAREST = 5;

    private final Path directory;
    private final Map<String, Fixtures> byKey;

    /**
     * Loads every recording in {@code directory}.
     *
     * @throws KalshiRecordingException if the directory cannot be read
     * @throws IllegalArgumentException if a recording file is malformed (the message names the file)
     */
    public ReplayTransport(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> Recordings.sequenceOf(p.getFileName().toString()) >= 0)
                    // Numeric order, so 10000-... follows 9999-... although it sorts before it as text.
                    .sorted(Comparator.comparingLong((Path p) -> Recordings.sequenceOf(p.getFileName().toString()))
                            .thenComparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new KalshiRecordingException(null, "cannot read recordings in " + directory + ": "
                    + e.getClass().getSimpleName(), e);
        }
        Map<String, List<RawResponse>> responses = new LinkedHashMap<>();
        for (Path file : files) {
            Loaded loaded = load(file);
            responses.computeIfAbsent(loaded.key, k -> new ArrayList<>()).add(loaded.response);
        }
        Map<String, Fixtures> index = new LinkedHashMap<>();
        responses.forEach((key, list) -> index.put(key, new Fixtures(List.copyOf(list))));
        this.byKey = index;
    }

    /** The directory the recordings were loaded from. */
    public Path directory() {
        return directory;
    }

    /** The recorded request keys, as {@code "METHOD /path?sorted-query"}, in recorded order. */
    public List<String> recordedKeys() {
        return List.copyOf(byKey.keySet());
    }

    /** Serves the next recorded response for the request, or throws {@link FixtureNotFoundException}. */
    @Override
    public RawResponse send(RawRequest request) {
        String key = Recordings.key(request.method(), request.path(), request.query());
        Fixtures fixtures = byKey.get(key);
        if (fixtures == null) {
            throw new FixtureNotFoundException(request.method(), request.path(), request.query(), nearest(key));
        }
        return fixtures.next();
    }

    /** Like {@link #send}, as an already completed future; a miss is a future failed with the same exception. */
    @Override
    public CompletableFuture<RawResponse> sendAsync(RawRequest request) {
        try {
            return CompletableFuture.completedFuture(send(request));
        } catch (FixtureNotFoundException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Starts every key over at its first recording. */
    public void reset() {
        byKey.values().forEach(Fixtures::reset);
    }

    /** Nothing to release. */
    @Override
    public void close() {
        // No connections or threads are held.
    }

    /** The recorded keys closest to {@code key}: same method and path first, then by edit distance. */
    private List<String> nearest(String key) {
        String pathPart = key.contains("?") ? key.substring(0, key.indexOf('?')) : key;
        String bare = pathPart.substring(pathPart.indexOf(' ') + 1);
        return byKey.keySet().stream()
                .sorted(Comparator.comparingInt((String k) -> k.startsWith(pathPart + "?") || k.equals(pathPart) ? 0
                                : k.substring(k.indexOf(' ') + 1).startsWith(bare) ? 1 : 2)
                        .thenComparingInt(k -> editDistance(k, key))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(NEAREST)
                .collect(Collectors.toList());
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Loaded load(Path file) {
        try {
            JsonNode root = Recordings.JSON.readTree(file.toFile());
            JsonNode req = required(root, "request");
            JsonNode res = required(root, "response");
            String method = required(req, "method").asText();
            String path = required(req, "path").asText();
            JsonNode query = req.get("query");
            String key = Recordings.key(method, path, query == null || query.isNull() ? null : query.asText());

            int status = required(res, "status").asInt();
            byte[] body = Recordings.readBody(res);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            JsonNode recordedHeaders = res.get("headers");
            if (recordedHeaders != null) {
                for (Map.Entry<String, JsonNode> h : recordedHeaders.properties()) {
                    List<String> values = new ArrayList<>();
                    if (h.getValue().isArray()) {
                        h.getValue().forEach(v -> values.add(v.asText()));
                    } else {
                        values.add(h.getValue().asText());
                    }
                    // JSON bodies are re-serialized, so the recorded length may no longer fit.
                    headers.put(h.getKey(), h.getKey().toLowerCase(Locale.ROOT).equals("content-length")
                            ? List.of(Integer.toString(body.length)) : values);
                }
            }
            return new Loaded(key, new RawResponse(status, headers, body));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed recording " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value;
    }

    private static final class Loaded {
        final String key;
        final RawResponse response;

        Loaded(String key, RawResponse response) {
            this.key = key;
            this.response = response;
        }
    }

    /** The responses of one key, served in order, then the last one again. */
    private static final class Fixtures {
        private final List<RawResponse> responses;
        private final AtomicInteger served = new AtomicInteger();

        Fixtures(List<RawResponse> responses) {
            this.responses = responses;
        }

        RawResponse next() {
            int i = served.getAndIncrement();
            if (i >= responses.size()) {
                // Keep the counter from growing without bound (and overflowing) under endless polling.
                served.set(responses.size());
            }
            RawResponse r = responses.get(Math.min(i, responses.size() - 1));
            // A fresh body array per serve: a caller that mutates its bytes cannot corrupt later replays.
            return new RawResponse(r.statusCode(), r.headers(), r.body().clone());
        }

        void reset() {
            served.set(0);
        }
    }
}
