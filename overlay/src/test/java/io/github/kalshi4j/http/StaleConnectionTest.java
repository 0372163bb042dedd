package io.github.kalshi4j.http;

import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiClientBuilder;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.errors.KalshiBadRequestException;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.testsupport.TestCredentials;
import io.github.kalshi4j.transport.KalshiJson;
import io.github.kalshi4j.transport.RequestOptions;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that answers a request it cannot parse (here a path with {@code %00}) with a 400 page and then closes
 * the connection without saying so ({@code Connection: close} absent), as Jetty does. The pooled connection is
 * then dead; the next request, a CreateOrderV2, must go out on a fresh one instead of failing with
 * {@code NoHttpResponseException}, which could not be retried because nothing proves it was not processed.
 */
final class StaleConnectionTest {

    private ServerSocket listener;
    private ExecutorService threads;
    /** "METHOD path" of each request, in arrival order. */
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stale-connection-server");
            t.setDaemon(true);
            return t;
        });
        threads.execute(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    connections.incrementAndGet();
                    threads.execute(() -> serve(s));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        threads.shutdownNow();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/trade-api/v2";
    }

    /** HTTP/1.1 keep-alive, one request at a time; a path with %00 gets a 400 page and a silent close. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                int length = contentLength(head);
                in.readNBytes(length);
                received.add(requestLine[0] + " " + requestLine[1]);
                if (requestLine[1].contains("%00")) {
                    byte[] page = "<html><body><h2>HTTP ERROR 400 Bad Request</h2></body></html>"
                            .getBytes(StandardCharsets.ISO_8859_1);
                    out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/html;charset=iso-8859-1\r\n"
                            + "Content-Length: " + page.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(page);
                    out.flush();
                    return;
                }
                if (requestLine[1].contains("json-error")) {
                    byte[] error = "{\"code\":\"not_found\",\"message\":\"no such market\"}"
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                            + error.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(error);
                    out.flush();
                    continue;
                }
                byte[] body = KalshiJson.newMapper().writeValueAsBytes(
                        Samples.created(Samples.order("ord-1", "KXSTALE", "coid-stale")));
                out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    private KalshiClientBuilder builder() {
        // One pooled connection: the request after the 400 must reuse it unless it is known to be dead.
        return KalshiClient.builder()
                .config(KalshiConfig.production().toBuilder().baseUrl(baseUrl()).maxConnections(1).build())
                .credentials(TestCredentials.KEY_ID, TestCredentials.privateKeyPem())
                .jitter(() -> 0.5).sleeper(new RecordingSleeper());
    }

    @Test
    void aCreateOrderAfterA400ThatClosedTheConnectionGoesOutOnAFreshConnectionAndSucceeds() {
        try (KalshiClient client = builder().build()) {
            for (int round = 1; round <= 3; round++) {
                assertThrows(KalshiBadRequestException.class, () -> client.markets().getMarket("A\u0000B"));
                var created = client.orders().createOrderV2WithResponse(
                        Samples.orderRequest("KXSTALE", "coid-stale"), RequestOptions.NONE);
                assertEquals("ord-1", created.body().orderId());
                assertEquals(1, created.attempts(), "round " + round + ": sent once, on a live connection");
            }
        }
        assertEquals(3, received.stream().filter(r -> r.startsWith("POST")).count(), "each order reached the server once");
    }

    @Test
    void anAsyncCreateOrderAfterA400ThatClosedTheConnectionAlsoSucceeds() {
        try (KalshiAsyncClient client = builder().buildAsync()) {
            for (int round = 1; round <= 3; round++) {
                var failed = client.markets().getMarket("A\u0000B");
                assertThrows(java.util.concurrent.CompletionException.class, failed::join);
                CreateOrderV2Response created = client.orders()
                        .createOrderV2(Samples.orderRequest("KXSTALE", "coid-stale")).join();
                assertEquals("ord-1", created.orderId());
            }
        }
        assertEquals(3, received.stream().filter(r -> r.startsWith("POST")).count());
    }

    @Test
    void kalshiErrorAnswersInJsonKeepTheirConnection() {
        // Kalshi's own error answers are JSON on a connection that stays open: they must not cost a reconnect.
        try (KalshiClient client = builder().build()) {
            assertThrows(io.github.kalshi4j.errors.KalshiNotFoundException.class,
                    () -> client.markets().getMarket("json-error"));
            client.orders().createOrderV2(Samples.orderRequest("KXSTALE", "coid-stale"));
        }
        assertEquals(2, received.size());
        assertEquals(1, connections.get(), "an error and an order, one connection");
    }

    @Test
    void onlyFailuresThatProveNothingWasSentCountAsNotSent() {
        assertTrue(HttpExchange.isNotSent(new RequestNotExecutedException()),
                "HttpCore failed the request before it was written to the connection");
        assertFalse(HttpExchange.isNotSent(new NoHttpResponseException("The target server failed to respond")),
                "the request was written: the server may have acted on it before the connection died");
    }
}
