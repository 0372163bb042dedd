package io.github.kalshi4j.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.kalshi4j.errors.FixtureNotFoundException;
import io.github.kalshi4j.errors.KalshiRecordingException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records exchanges against a real loopback HTTP server through {@link RecordingTransport}, stops the server, and
 * replays them offline through {@link ReplayTransport}.
 */
class RecordReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Distinctive secret values, so grepping the files for them proves they were not written.
    private static final String KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";
    private static final String SIGNATURE = "c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1iZS1yZWNvcmRlZA==";
    private static final String TIMESTAMP = "1732579880123";
    private static final String BEARER = "Bearer tok-7d1e55b0";
    private static final String REQUEST_COOKIE = "session=client-cookie-4242";
    private static final String RESPONSE_COOKIE = "session=server-cookie-7777; Path=/; HttpOnly";

    private static final byte[] BINARY = new byte[256];

    static {
        for (int i = 0; i < BINARY.length; i++) {
            BINARY[i] = (byte) i;
        }
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private String base;
    private final AtomicInteger orderPolls = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> receivedKeyIds = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/trade-api/v2/", exchange -> {
            String keyId = exchange.getRequestHeaders().getFirst("KALSHI-ACCESS-KEY");
            if (keyId != null) {
                receivedKeyIds.add(keyId);
            }
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath().substring("/trade-api/v2".length());
            String query = exchange.getRequestURI().getRawQuery();
            int status = 200;
            String type = "application/json";
            byte[] body;
            if (path.equals("/markets")) {
                exchange.getResponseHeaders().add("Set-Cookie", RESPONSE_COOKIE);
                body = ("{\"markets\":[{\"ticker\":\"KXTEST-26JAN01-T1\",\"yes_bid_dollars\":\"0.5600\"}],"
                        + "\"cursor\":\"\",\"echo_query\":\"" + query + "\"}").getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/portfolio/events/orders") && exchange.getRequestMethod().equals("POST")) {
                status = 201;
                body = ("{\"order_id\":\"o-1\",\"received\":" + new String(requestBody, StandardCharsets.UTF_8)
                        + "}").getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/portfolio/orders/o-1")) {
                String[] states = {"resting", "executed", "canceled"};
                body = ("{\"order\":{\"order_id\":\"o-1\",\"status\":\"" + states[Math.min(orderPolls.getAndIncrement(), 2)]
                        + "\"}}").getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/text")) {
                type = "text/plain; charset=utf-8";
                body = "héllo wörld\n".getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/bin")) {
                type = "application/octet-stream";
                body = BINARY;
            } else if (path.equals("/upload")) {
                body = ("{\"received_bytes\":" + requestBody.length + "}").getBytes(StandardCharsets.UTF_8);
            } else if (path.startsWith("/echo/")) {
                body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = "{\"error\":{\"code\":\"not_found\",\"message\":\"not found\"}}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/trade-api/v2";
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            stop();
        }
    }

    private void stop() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
        server = null;
    }

    private RawRequest request(String method, String pathAndQuery, byte[] body, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "kalshi4j-test");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("KALSHI-ACCESS-KEY", KEY_ID);
        headers.put("KALSHI-ACCESS-SIGNATURE", SIGNATURE);
        headers.put("KALSHI-ACCESS-TIMESTAMP", TIMESTAMP);
        headers.put("Authorization", BEARER);
        headers.put("Cookie", REQUEST_COOKIE);
        return new RawRequest("TestOperation", method, URI.create(base + pathAndQuery), headers, body, Duration.ofSeconds(5));
    }

    private RawRequest get(String pathAndQuery) {
        return request("GET", pathAndQuery, null, null);
    }

    private RecordingTransport recorder() {
        return new RecordingTransport(new JdkHttpExchange(), dir);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        }
    }

    private static void assertSameResponse(RawResponse expected, RawResponse actual) throws IOException {
        assertEquals(expected.statusCode(), actual.statusCode());
        String type = expected.header("Content-Type").orElse("");
        assertEquals(type, actual.header("Content-Type").orElse(""));
        if (type.contains("json")) {
            assertEquals(JSON.readTree(expected.body()), JSON.readTree(actual.body()));
        } else {
            assertArrayEquals(expected.body(), actual.body());
        }
    }

    @Test
    void replayServesTheRecordedStatusesAndBodiesWithTheServerStopped() throws Exception {
        List<RawRequest> requests = List.of(
                get("/markets?limit=5&series_ticker=KXNFLGAME"),
                request("POST", "/portfolio/events/orders", "{\"ticker\":\"KXTEST-26JAN01-T1\",\"count\":\"10.00\"}"
                        .getBytes(StandardCharsets.UTF_8), "application/json"),
                get("/text"),
                get("/bin"),
                get("/nothing-here"),
                request("POST", "/upload", BINARY, "application/octet-stream"));
        List<RawResponse> live = new ArrayList<>();
        try (RecordingTransport recorder = recorder()) {
            for (RawRequest r : requests) {
                live.add(recorder.send(r));
            }
        }
        stop();

        ReplayTransport replay = new ReplayTransport(dir);
        for (int i = 0; i < requests.size(); i++) {
            assertSameResponse(live.get(i), replay.send(requests.get(i)));
        }
        assertEquals(201, live.get(1).statusCode());
        assertEquals(404, live.get(4).statusCode());
    }

    @Test
    void replayMatchesQueryParametersInAnyOrder() throws Exception {
        RawResponse live;
        try (RecordingTransport recorder = recorder()) {
            live = recorder.send(get("/markets?series_ticker=KXNFLGAME&limit=5&status=open"));
        }
        stop();

        ReplayTransport replay = new ReplayTransport(dir);
        for (String q : List.of("limit=5&series_ticker=KXNFLGAME&status=open", "status=open&limit=5&series_ticker=KXNFLGAME")) {
            assertSameResponse(live, replay.send(get("/markets?" + q)));
        }
        assertEquals(List.of("GET /trade-api/v2/markets?limit=5&series_ticker=KXNFLGAME&status=open"), replay.recordedKeys());
    }

    @Test
    void authHeadersAndCookiesNeverReachTheRecordingFiles() throws Exception {
        try (RecordingTransport recorder = recorder()) {
            recorder.send(get("/markets?limit=1"));
            recorder.send(request("POST", "/portfolio/events/orders", "{\"count\":\"1.00\"}".getBytes(StandardCharsets.UTF_8),
                    "application/json"));
            recorder.sendAsync(get("/text")).get(5, TimeUnit.SECONDS);
        }
        assertEquals(3, receivedKeyIds.size(), "the server did receive the signed headers");

        for (Path file : files()) {
            String content = Files.readString(file);
            for (String secret : List.of(KEY_ID, SIGNATURE, TIMESTAMP, BEARER, "client-cookie-4242", "server-cookie-7777")) {
                assertFalse(content.contains(secret), () -> file.getFileName() + " contains " + secret);
            }
            for (String header : List.of("KALSHI-ACCESS", "Authorization", "Cookie")) {
                assertFalse(content.toLowerCase().contains(header.toLowerCase()), () -> file.getFileName() + " names " + header);
            }
            JsonNode recorded = JSON.readTree(content);
            assertEquals("kalshi4j-test", recorded.at("/request/headers/User-Agent").asText(), "other headers are kept");
            assertEquals("application/json", recorded.at("/request/headers/Accept").asText());
        }
    }

    @Test
    void aMissThrowsFixtureNotFoundNamingTheRequestAndTheNearestRecordings() throws Exception {
        try (RecordingTransport recorder = recorder()) {
            recorder.send(get("/markets?limit=5&series_ticker=KXNFLGAME"));
            recorder.send(get("/portfolio/orders/o-1"));
            recorder.send(get("/text"));
        }
        stop();
        ReplayTransport replay = new ReplayTransport(dir);

        FixtureNotFoundException e = assertThrows(FixtureNotFoundException.class,
                () -> replay.send(get("/markets?limit=6&series_ticker=KXNFLGAME")));

        assertEquals("GET", e.method());
        assertEquals("/trade-api/v2/markets", e.path());
        assertEquals("limit=6&series_ticker=KXNFLGAME", e.query());
        assertEquals("GET /trade-api/v2/markets?limit=5&series_ticker=KXNFLGAME", e.nearestRecorded().get(0));
        assertTrue(e.getMessage().startsWith("no recorded fixture for GET /trade-api/v2/markets?limit=6&series_ticker=KXNFLGAME"),
                e.getMessage());
        assertTrue(e.getMessage().contains("nearest recorded: GET /trade-api/v2/markets?limit=5&series_ticker=KXNFLGAME"),
                e.getMessage());
    }

    @Test
    void aMissFromSendAsyncIsAFailedFutureNeverASynthetic404() throws Exception {
        try (RecordingTransport recorder = recorder()) {
            recorder.send(get("/text"));
        }
        stop();
        ReplayTransport replay = new ReplayTransport(dir);

        CompletableFuture<RawResponse> future = replay.sendAsync(request("DELETE", "/portfolio/orders/o-9", null, null));

        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        FixtureNotFoundException miss = assertInstanceOf(FixtureNotFoundException.class, e.getCause());
        assertTrue(miss.getMessage().contains("DELETE /trade-api/v2/portfolio/orders/o-9"), miss.getMessage());
    }

    @Test
    void repeatedRequestsAreServedInRecordedOrderThenTheLastOneRepeats() throws Exception {
        try (RecordingTransport recorder = recorder()) {
            recorder.send(get("/portfolio/orders/o-1"));
            recorder.send(get("/portfolio/orders/o-1"));
        }
        stop();
        ReplayTransport replay = new ReplayTransport(dir);

        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(JSON.readTree(replay.send(get("/portfolio/orders/o-1")).body()).at("/order/status").asText());
        }
        replay.reset();
        statuses.add(JSON.readTree(replay.send(get("/portfolio/orders/o-1")).body()).at("/order/status").asText());

        assertEquals(List.of("resting", "executed", "executed", "executed", "resting"), statuses);
    }

    @Test
    void sendAsyncIsRecordedAndReplayedLikeSend() throws Exception {
        RawResponse live;
        try (RecordingTransport recorder = recorder()) {
            live = recorder.sendAsync(get("/markets?limit=2")).get(5, TimeUnit.SECONDS);
        }
        stop();

        assertEquals(1, files().size());
        assertSameResponse(live, new ReplayTransport(dir).sendAsync(get("/markets?limit=2")).get());
    }

    @Test
    void concurrentRecordingWritesOneDistinctFilePerExchange() throws Exception {
        int threads = 16;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (RecordingTransport recorder = recorder()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        RawRequest r = get("/echo/t" + thread + "-" + i);
                        if (i % 2 == 0) {
                            recorder.send(r);
                        } else {
                            recorder.sendAsync(r).get(5, TimeUnit.SECONDS);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Path> files = files();
        assertEquals(threads * perThread, files.size());
        Set<Long> numbers = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (Path f : files) {
            numbers.add(Recordings.sequenceOf(f.getFileName().toString()));
            paths.add(JSON.readTree(f.toFile()).at("/request/path").asText());
        }
        assertEquals(threads * perThread, numbers.size(), "every file has its own number");
        assertEquals(threads * perThread, paths.size(), "every exchange was written once, none overwritten");
        assertEquals(1L, numbers.stream().mapToLong(Long::longValue).min().orElseThrow());
        assertEquals(threads * perThread, numbers.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void fileNamesAreNumberedWithTheMethodAndAReadablePathSlug() throws Exception {
        try (RecordingTransport recorder = recorder()) {
            recorder.send(get("/markets?limit=5"));
            recorder.send(request("POST", "/portfolio/events/orders", "{}".getBytes(StandardCharsets.UTF_8), "application/json"));
            recorder.send(get("/portfolio/orders/o-1"));
        }

        assertEquals(List.of("0001-GET-markets.json", "0002-POST-portfolio-events-orders.json", "0003-GET-portfolio-orders-o-1.json"),
                files().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
    }

    @Test
    void recordingContinuesTheNumberingOfRecordingsAlreadyInTheDirectory() throws Exception {
        try (RecordingTransport recorder = recorder()) {
            recorder.send(get("/portfolio/orders/o-1"));
        }
        try (RecordingTransport recorder = recorder()) {
            recorder.send(get("/portfolio/orders/o-1"));
        }
        stop();

        assertEquals(List.of("0001-GET-portfolio-orders-o-1.json", "0002-GET-portfolio-orders-o-1.json"),
                files().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        ReplayTransport replay = new ReplayTransport(dir);
        assertEquals("resting", JSON.readTree(replay.send(get("/portfolio/orders/o-1")).body()).at("/order/status").asText());
        assertEquals("executed", JSON.readTree(replay.send(get("/portfolio/orders/o-1")).body()).at("/order/status").asText());
    }

    @Test
    void jsonBodiesAreStoredAsJsonTextAsTextAndBinaryAsBase64() throws Exception {
        try (RecordingTransport recorder = recorder()) {
            recorder.send(request("POST", "/portfolio/events/orders", "{\"price\":\"0.5600\",\"n\":1.50}"
                    .getBytes(StandardCharsets.UTF_8), "application/json"));
            recorder.send(get("/text"));
            recorder.send(request("POST", "/upload", BINARY, "application/octet-stream"));
        }
        List<Path> files = files();

        JsonNode order = JSON.readTree(files.get(0).toFile());
        assertEquals("0.5600", order.at("/request/body/price").asText());
        assertTrue(Files.readString(files.get(0)).contains("1.50"), "decimals keep their written scale");
        assertEquals("o-1", order.at("/response/body/order_id").asText());
        assertEquals(201, order.at("/response/status").asInt());
        assertEquals("héllo wörld\n", JSON.readTree(files.get(1).toFile()).at("/response/bodyText").asText());
        JsonNode upload = JSON.readTree(files.get(2).toFile());
        assertArrayEquals(BINARY, java.util.Base64.getDecoder().decode(upload.at("/request/bodyBase64").asText()));
        assertEquals(256, upload.at("/response/body/received_bytes").asInt());
    }

    @Test
    void aFailedExchangeIsNotRecordedAndFailsAsItWould() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RawRequest unreachable = new RawRequest("TestOperation", "GET",
                URI.create("http://127.0.0.1:" + closedPort + "/trade-api/v2/markets"), Map.of(), null, Duration.ofSeconds(2));

        try (RecordingTransport recorder = recorder()) {
            IOException e = assertThrows(IOException.class, () -> recorder.send(unreachable));
            assertTrue(HttpExchange.isNotSent(e), "the original failure comes through: " + e);
        }
        assertEquals(List.of(), files());
    }

    @Test
    void aMalformedRecordingIsReportedWithItsFileName() throws IOException {
        Files.writeString(dir.resolve("0001-GET-markets.json"), "{\"request\":{\"method\":\"GET\"}}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReplayTransport(dir));

        assertTrue(e.getMessage().contains("0001-GET-markets.json"), e.getMessage());
    }

    @Test
    void aDirectoryThatCannotBeCreatedFailsAtConstruction() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        assertThrows(KalshiRecordingException.class, () -> new RecordingTransport(new JdkHttpExchange(), notADirectory));
    }

    @Test
    void aRecordingThatCannotBeWrittenFailsWithAKalshiExceptionSoRetryLogicDoesNotResendTheRequest() throws Exception {
        Path target = dir.resolve("recordings");
        try (RecordingTransport recorder = new RecordingTransport(new JdkHttpExchange(), target)) {
            Files.delete(target);
            Files.writeString(target, "now a file");

            KalshiRecordingException e = assertThrows(KalshiRecordingException.class, () -> recorder.send(get("/text")));

            assertTrue(e.getMessage().contains("cannot write recording"), e.getMessage());
            assertEquals(1, receivedKeyIds.size(), "the request itself went through");
        }
    }
}
