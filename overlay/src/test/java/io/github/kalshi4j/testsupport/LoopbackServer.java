package io.github.kalshi4j.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssVerifier;
import io.github.kalshi4j.transport.KalshiJson;
import io.github.kalshi4j.transport.OperationInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP server on 127.0.0.1 for REST client tests: the client's whole stack (Apache HttpClient, sockets,
 * timeouts) runs, nothing is mocked. It behaves like Kalshi where the client depends on it:
 * <ul>
 *   <li>it records every request exactly as received (method, raw path, raw query, headers, body, arrival time);</li>
 *   <li>it verifies every {@code KALSHI-ACCESS-SIGNATURE} with the registered public key over
 *       {@code timestamp + METHOD + raw path} (no query), byte for byte, and answers 401
 *       {@code authentication_error} when a signature is bad, or missing on an authenticated operation;</li>
 *   <li>tests script answers per method and path: status, headers, body (JSON text or a generated model),
 *       a delay, or an abrupt connection close; or compute them with a handler.</li>
 * </ul>
 * Paths in scripts are relative to {@code /trade-api/v2} and raw (percent-encoded as on the wire).
 */
public final class LoopbackServer implements AutoCloseable {

    /** The path prefix of Kalshi's REST API, which the client must both send and sign. */
    public static final String API_PREFIX = "/trade-api/v2";

    private static final ObjectMapper JSON = KalshiJson.newMapper();

    /** Operations the spec marks authenticated, as path patterns, to decide when a missing signature is fatal. */
    private static final List<AuthRule> AUTH_RULES = Operations.all().stream()
            .filter(OperationInfo::authenticated)
            .map(op -> new AuthRule(op.method(), Pattern.compile(
                    Pattern.quote(op.pathTemplate()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"))))
            .collect(Collectors.toUnmodifiableList());

    private final HttpServer server;
    private final ExecutorService executor;
    private final PublicKey publicKey;
    private final String keyId;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<RecordedRequest, Reply>> routes = new ConcurrentHashMap<>();

    private LoopbackServer(PublicKey publicKey, String keyId, int port) throws IOException {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = keyId;
        AtomicInteger n = new AtomicInteger();
        // One thread per exchange: a delayed answer must not hold up the next request (retries, lookups).
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** A server on a free port that verifies signatures made with {@link TestCredentials#keyPair()}. */
    public static LoopbackServer start() {
        return start(TestCredentials.keyPair().getPublic(), TestCredentials.KEY_ID, 0);
    }

    /** A server on {@code port} (0 for any free one) verifying signatures of {@code keyId} with {@code key}. */
    public static LoopbackServer start(PublicKey key, String keyId, int port) {
        try {
            return new LoopbackServer(key, keyId, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback server on port " + port, e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The REST base URL to configure a client with: {@code http://127.0.0.1:PORT/trade-api/v2}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + API_PREFIX;
    }

    // ---------------------------------------------------------------- scripting

    /**
     * Scripts the answers to {@code method apiPath}: one reply per request in order, the last one repeating.
     * Replaces any earlier script for the same route.
     */
    public LoopbackServer respond(String method, String apiPath, Reply... replies) {
        if (replies.length == 0) {
            throw new IllegalArgumentException("at least one reply");
        }
        Deque<Reply> queue = new ArrayDeque<>(List.of(replies));
        return handle(method, apiPath, request -> {
            synchronized (queue) {
                return queue.size() > 1 ? queue.removeFirst() : queue.peekFirst();
            }
        });
    }

    /** Computes the answers to {@code method apiPath} from each request (cursors, lookups, side effects). */
    public LoopbackServer handle(String method, String apiPath, Function<RecordedRequest, Reply> handler) {
        routes.put(routeKey(method, apiPath), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    // ---------------------------------------------------------------- what the server saw

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one route, in arrival order. */
    public List<RecordedRequest> requests(String method, String apiPath) {
        return requests.stream().filter(r -> r.method().equals(method) && r.apiPath().equals(apiPath))
                .collect(Collectors.toUnmodifiableList());
    }

    /** How many requests arrived. */
    public int requestCount() {
        return requests.size();
    }

    /** How many requests arrived for one route. */
    public int count(String method, String apiPath) {
        return requests(method, apiPath).size();
    }

    /** The only request that arrived; fails when there were none or several. */
    public RecordedRequest onlyRequest() {
        List<RecordedRequest> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, the server saw " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts handlers still sleeping in a scripted delay, so a timeout test leaves no thread behind.
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- serving

    private void serve(HttpExchange exchange) throws IOException {
        Instant arrival = Instant.now();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        Verdict verdict = checkSignature(method, rawPath, headers);
        RecordedRequest request = new RecordedRequest(method, rawPath, rawQuery,
                Collections.unmodifiableMap(headers), body, arrival, verdict.status(), verdict.reason());
        requests.add(request);

        Reply reply;
        if (verdict.status() == SignatureStatus.INVALID
                || (verdict.status() == SignatureStatus.ABSENT && requiresAuthentication(method, request.apiPath()))) {
            reply = Reply.error(401, "authentication_error", verdict.reason());
        } else if (!rawPath.startsWith(API_PREFIX + "/")) {
            reply = Reply.error(404, "not_found", "no route " + rawPath + " (the API lives under " + API_PREFIX + ")");
        } else {
            Function<RecordedRequest, Reply> route = routes.get(routeKey(method, request.apiPath()));
            reply = route != null ? route.apply(request)
                    : Reply.error(404, "not_found", "nothing scripted for " + method + " " + request.apiPath());
        }
        reply.writeTo(exchange);
    }

    private Verdict checkSignature(String method, String rawPath, Map<String, List<String>> headers) {
        String key = first(headers, RequestSignature.ACCESS_KEY);
        String timestamp = first(headers, RequestSignature.ACCESS_TIMESTAMP);
        String signature = first(headers, RequestSignature.ACCESS_SIGNATURE);
        if (key == null && timestamp == null && signature == null) {
            return new Verdict(SignatureStatus.ABSENT, "missing KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP and"
                    + " KALSHI-ACCESS-SIGNATURE headers");
        }
        if (key == null || timestamp == null || signature == null) {
            return new Verdict(SignatureStatus.INVALID, "incomplete signing headers");
        }
        if (keyId != null && !keyId.equals(key)) {
            return new Verdict(SignatureStatus.INVALID, "unknown key id " + key);
        }
        if (!timestamp.matches("\\d{13}")) {
            return new Verdict(SignatureStatus.INVALID, "timestamp must be Unix milliseconds, got " + timestamp);
        }
        // The message is built from the bytes received, not from a normalised path: what was sent must be
        // exactly what was signed.
        String message = timestamp + method + rawPath;
        return RsaPssVerifier.verify(signature, message, publicKey)
                ? new Verdict(SignatureStatus.VALID, null)
                : new Verdict(SignatureStatus.INVALID, "signature does not verify over \"" + message + "\"");
    }

    private static boolean requiresAuthentication(String method, String apiPath) {
        return AUTH_RULES.stream().anyMatch(r -> r.method().equals(method) && r.path().matcher(apiPath).matches());
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String routeKey(String method, String apiPath) {
        return method + " " + apiPath;
    }

    private record AuthRule(String method, Pattern path) {
    }

    private record Verdict(SignatureStatus status, String reason) {
    }

    /** What the server made of a request's signing headers. */
    public enum SignatureStatus {
        /** No signing headers at all. */
        ABSENT,
        /** Verified with the registered key. */
        VALID,
        /** Present but incomplete, for another key, or not verifying. */
        INVALID
    }

    // ---------------------------------------------------------------- recorded requests

    /**
     * One request as the server received it.
     *
     * @param method HTTP method
     * @param rawPath the path as sent, percent-escapes intact
     * @param rawQuery the query as sent, or null
     * @param headers request headers, names case-insensitive
     * @param body body bytes (empty when none)
     * @param arrivedAt wall-clock arrival time
     * @param signature the signature verdict
     * @param signatureProblem why the signature was not valid, or null
     */
    public record RecordedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, Instant arrivedAt, SignatureStatus signature, String signatureProblem) {

        /** The path relative to {@link #API_PREFIX}. */
        public String apiPath() {
            return rawPath.startsWith(API_PREFIX) ? rawPath.substring(API_PREFIX.length()) : rawPath;
        }

        /** The first value of a header. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(first(headers, name));
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The decoded values of a query parameter, in order (several for exploded arrays). */
        public List<String> query(String name) {
            List<String> values = new ArrayList<>();
            if (rawQuery == null || rawQuery.isEmpty()) {
                return values;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (k.equals(name)) {
                    values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return values;
        }

        /** The single value of a query parameter, if present. */
        public Optional<String> queryParam(String name) {
            List<String> v = query(name);
            return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        @Override
        public String toString() {
            return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + " [" + signature + "]";
        }
    }

    // ---------------------------------------------------------------- replies

    /** One scripted answer. Immutable; the modifiers return copies. */
    public static final class Reply {
        private final int status;
        private final Map<String, String> headers;
        private final byte[] body;
        private final Duration delay;
        private final boolean drop;

        private Reply(int status, Map<String, String> headers, byte[] body, Duration delay, boolean drop) {
            this.status = status;
            this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            this.body = body;
            this.delay = delay;
            this.drop = drop;
        }

        /** 200 with a JSON body: a string of JSON, or a generated model serialised as Kalshi would send it. */
        public static Reply ok(Object body) {
            return json(200, body);
        }

        /** A JSON answer with any status. */
        public static Reply json(int status, Object body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), bytes(body), Duration.ZERO, false);
        }

        /** A Kalshi-shaped error: {@code {"code": ..., "message": ..., "service": "loopback"}}. */
        public static Reply error(int status, String code, String message) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("message", message);
            error.put("service", "loopback");
            return json(status, error);
        }

        /** A non-JSON answer, as a proxy or gateway produces. */
        public static Reply text(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false);
        }

        /** A status with no body. */
        public static Reply empty(int status) {
            return new Reply(status, Map.of(), new byte[0], Duration.ZERO, false);
        }

        /** Closes the connection without answering, after the request was read (and acted on). */
        public static Reply dropConnection() {
            return new Reply(0, Map.of(), new byte[0], Duration.ZERO, true);
        }

        /** The same reply with a header added. */
        public Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delay, drop);
        }

        /** The same reply with an {@code x-request-id} header. */
        public Reply requestId(String id) {
            return header("x-request-id", id);
        }

        /** The same reply, sent only after {@code d}. */
        public Reply delay(Duration d) {
            return new Reply(status, headers, body, d, drop);
        }

        private void writeTo(HttpExchange exchange) throws IOException {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    // The server is closing: abandon the exchange.
                    Thread.currentThread().interrupt();
                    exchange.close();
                    return;
                }
            }
            if (drop) {
                // An exception out of the handler makes the JDK server close the connection with no response,
                // which is what a crashed gateway or a reset looks like to the client.
                throw new IOException("loopback: dropping the connection as scripted");
            }
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        }

        private static byte[] bytes(Object body) {
            if (body instanceof byte[] b) {
                return b;
            }
            if (body instanceof String s) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
            try {
                return JSON.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName(), e);
            }
        }
    }
}
