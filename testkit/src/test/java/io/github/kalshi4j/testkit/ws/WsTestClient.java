package io.github.kalshi4j.testkit.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.transport.KalshiJson;
import io.github.kalshi4j.ws.model.ListSubscriptionsResponsePayload;
import io.github.kalshi4j.ws.model.MarketLifecycleV2Payload;
import io.github.kalshi4j.ws.model.OkResponsePayload;
import io.github.kalshi4j.ws.model.SubscribedIndicesResponsePayload;
import io.github.kalshi4j.ws.model.SubscribedUnderlyingsResponsePayload;
import io.github.kalshi4j.ws.model.WsMessageTypes;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A WebSocket test client on the JDK's {@link java.net.http.WebSocket}, independent of the SDK's own WebSocket
 * client. Every text frame it receives is decoded into the generated model {@link WsMessageTypes#byType()} names
 * for its {@code type}; a frame that does not decode fails the test when it is read.
 */
final class WsTestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final ObjectMapper MAPPER = KalshiJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * A received text frame: the JSON and its decoded model (null for a {@code type} the spec lacks, or when the
     * generated model cannot hold the frame; {@link #as} then fails with the decoding error).
     */
    record Frame(JsonNode json, Object model, AssertionError decodeFailure) {
        String type() {
            return json.path("type").asText();
        }

        int sid() {
            return json.path("sid").asInt();
        }

        int seq() {
            return json.path("seq").asInt();
        }

        JsonNode msg() {
            return json.path("msg");
        }

        <T> T as(Class<T> type) {
            if (decodeFailure != null) {
                throw decodeFailure;
            }
            return assertInstanceOf(type, model, () -> "frame " + json);
        }
    }

    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> pings = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private WebSocket ws;

    private WsTestClient() {
    }

    /** A connection signed as {@code userId}, as Kalshi wants: {@code GET /trade-api/ws/v2}, signed just now. */
    static WsTestClient signed(LocalKalshiExchange exchange, String userId) {
        return open(exchange, signedHeaders(exchange, userId));
    }

    /** The auth headers of a handshake signed as {@code userId} just now. */
    static Map<String, String> signedHeaders(LocalKalshiExchange exchange, String userId) {
        LocalKalshiExchange.Credentials c = exchange.credentials(userId);
        return RequestSignature.headers(RsaPssSigner.fromPem(c.keyId(), c.privateKeyPem()), "GET",
                WsGateway.PATH, System.currentTimeMillis());
    }

    /**
     * A connection whose handshake carries no auth headers (public channels only); only an exchange built with
     * {@code allowAnonymousWebSocket(true)} accepts it, as Kalshi refuses unsigned upgrades.
     */
    static WsTestClient anonymous(LocalKalshiExchange exchange) {
        return open(exchange, Map.of());
    }

    static WsTestClient open(LocalKalshiExchange exchange, Map<String, String> headers) {
        WsTestClient client = new WsTestClient();
        try {
            client.ws = handshake(exchange, headers, client.listener()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("WebSocket handshake failed", e);
        }
        return client;
    }

    /** The raw handshake, for tests that expect it to fail. */
    static CompletableFuture<WebSocket> handshake(LocalKalshiExchange exchange, Map<String, String> headers,
            WebSocket.Listener listener) {
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(b::header);
        return b.buildAsync(exchange.webSocketUrl(), listener);
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    frames.add(decode(text.toString()));
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
                pings.add(StandardCharsets.UTF_8.decode(message).toString());
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        };
    }

    /**
     * The generated model of a frame. Some envelope types name several spec messages, and WsMessageTypes holds one
     * class per type, so those are told apart by their shape: "ok" is the update_subscription reply, the
     * list_subscriptions reply (msg an array) or an index channel's filter reply (msg.index_ids or
     * msg.underlying_tickers); "market_lifecycle_v2" is a lifecycle change or a metadata update (which the exchange
     * does not send).
     */
    private static Class<?> modelOf(String type, JsonNode json) {
        JsonNode msg = json.path("msg");
        if (type.equals(OkResponsePayload.TYPE)) {
            if (msg.isArray()) {
                return ListSubscriptionsResponsePayload.class;
            }
            if (msg.has("index_ids")) {
                return SubscribedIndicesResponsePayload.class;
            }
            return msg.has("underlying_tickers") ? SubscribedUnderlyingsResponsePayload.class : OkResponsePayload.class;
        }
        if (type.equals(MarketLifecycleV2Payload.TYPE)) {
            return MarketLifecycleV2Payload.class;
        }
        return WsMessageTypes.byType().get(type);
    }

    /**
     * Decodes a frame into its generated model; a frame that is not JSON is the failure thrown when it is read, one
     * its model cannot hold is kept as JSON with the failure that {@link Frame#as} throws.
     */
    private static Object decode(String raw) {
        JsonNode json;
        try {
            json = MAPPER.readTree(raw);
        } catch (Exception e) {
            return new AssertionError("frame is not JSON: " + raw, e);
        }
        try {
            String type = json.path("type").asText();
            Class<?> model = modelOf(type, json);
            return new Frame(json, model == null ? null : MAPPER.treeToValue(json, model), null);
        } catch (Exception e) {
            return new Frame(json, null, new AssertionError("frame does not decode into its generated model: " + raw, e));
        }
    }

    // ------------------------------------------------------------------ sending

    /** Sends a command with the next id and returns the id. */
    int command(String cmd, Object params) {
        int id = nextId.incrementAndGet();
        ObjectNode node = MAPPER.createObjectNode().put("id", id).put("cmd", cmd);
        if (params != null) {
            node.set("params", MAPPER.valueToTree(params));
        }
        sendText(node.toString());
        return id;
    }

    int subscribe(Map<String, ?> params) {
        return command("subscribe", params);
    }

    void sendText(String text) {
        ws.sendText(text, true).join();
    }

    // ------------------------------------------------------------------ receiving

    /** The next text frame, waiting up to {@link #WAIT}. */
    Frame next() {
        return next(WAIT);
    }

    Frame next(Duration wait) {
        Object item;
        try {
            item = frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (item == null) {
            fail("no frame within " + wait);
        }
        if (item instanceof AssertionError e) {
            throw e;
        }
        return (Frame) item;
    }

    /** The next frame, or null when none arrives within {@code wait}. */
    Frame poll(Duration wait) {
        try {
            Object item = frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (item instanceof AssertionError e) {
                throw e;
            }
            return (Frame) item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame, which must be of {@code type}. */
    Frame next(String type) {
        Frame f = next();
        assertEquals(type, f.type(), () -> "unexpected frame " + f.json());
        return f;
    }

    /** The next frame, which must be the reply of {@code type} to command {@code id}. */
    Frame reply(int id, String type) {
        Frame f = next(type);
        assertEquals(id, f.json().path("id").asInt(), () -> "reply to another command: " + f.json());
        return f;
    }

    /** The next frame, which must be an error reply to {@code id}; returns its code. */
    int errorCode(int id) {
        return reply(id, "error").msg().path("code").asInt();
    }

    /** Asserts that no text frame arrives for a while. */
    void assertQuiet(Duration wait) {
        try {
            Object item = frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            assertNull(item, () -> "expected no frame, got " + item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every frame received so far, without waiting. */
    List<Frame> drain() {
        List<Object> items = new ArrayList<>();
        frames.drainTo(items);
        List<Frame> result = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof AssertionError e) {
                throw e;
            }
            result.add((Frame) item);
        }
        return result;
    }

    /** The next ping's payload, or null when none arrives within {@code wait}. */
    String nextPing(Duration wait) throws InterruptedException {
        return pings.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void clearPings() {
        pings.clear();
    }

    /** The close code the server sent, or -1 when the connection failed without a close frame. */
    int awaitClosed() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Like {@link #awaitClosed()} for a connection the server cut without a close frame. A client that is only
     * reading can miss a peer's unannounced TCP close for a long while, so this pings now and then: on a cut
     * connection the write fails and the client notices; on a live one the server answers and nothing ends.
     */
    int awaitCut() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return closed.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                if (!ws.isOutputClosed()) {
                    ws.sendPing(ByteBuffer.wrap(new byte[] {1})).exceptionally(e -> null);
                }
            }
        }
        return awaitClosed();
    }

    @Override
    public void close() {
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
        if (ws != null) {
            ws.abort();
        }
    }
}
