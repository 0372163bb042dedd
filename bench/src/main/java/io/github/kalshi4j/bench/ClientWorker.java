package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.auth.PrivateKeys;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.model.ExchangeStatus;
import io.github.kalshi4j.model.GetMarketsResponse;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Java clients of the end-to-end runs, as a long-lived process driven one command per line on standard input
 * (JSON), one JSON result per line on standard output. Long-lived so that the JIT stays warm between rounds and the
 * runner can alternate kalshi4j, the raw HttpClient loop and the Node.js SDK round by round, side by side.
 *
 * <ul>
 *   <li>{@code {"op":"rest","client":"kalshi4j"|"raw","concurrency":N,"seconds":S}}: signed GetExchangeStatus in a
 *       closed loop on N threads. kalshi4j: {@code client.exchange().getExchangeStatus()} (sign, send, typed decode,
 *       retry policy). raw: HttpClient 5 classic with the same pool size, the same {@link RequestSignature} and the
 *       same JDK RSA-PSS signer, reading the body as bytes. Both sign with the JDK provider, pinned: Conscrypt is
 *       on the bench classpath for the signing benchmark, and these runs measure what a user without it gets.</li>
 *   <li>{@code {"op":"page","client":"kalshi4j"|"raw","seconds":S}}: GetMarkets {@code limit=1000} in a loop on one
 *       thread (kalshi4j decodes into {@link GetMarketsResponse}; raw only reads the bytes).</li>
 *   <li>{@code wsOpen}, {@code {"op":"wsExpect","frames":N}}, {@code wsAwait}: the receiving side of the WebSocket
 *       end-to-end runs ({@link WsClientRun}); the exchange sends the frames.</li>
 * </ul>
 */
public final class ClientWorker {

    private final JsonNode info;
    private final AtomicLong pageBytes = new AtomicLong();
    private final URI restUrl;
    private WsClientRun ws;
    private final RsaPssSigner signer;
    private final KalshiClient kalshi;
    private final CloseableHttpClient raw;

    private ClientWorker(JsonNode info) throws Exception {
        this.info = info;
        restUrl = URI.create(info.get("restUrl").asText());
        String pem = Files.readString(Path.of(info.get("privateKeyFile").asText()));
        String keyId = info.get("keyId").asText();
        signer = RsaPssSigner.of(keyId, PrivateKeys.fromPem(pem), RsaPssSigner.Provider.JDK);
        kalshi = KalshiClient.builder()
                .config(KalshiConfig.builder().baseUrl(restUrl).webSocketUrl(URI.create(info.get("webSocketUrl")
                        .asText())).maxConnections(64).signerProvider(RsaPssSigner.Provider.JDK).build())
                .credentials(keyId, pem)
                .build();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(64).setMaxConnPerRoute(64).build();
        raw = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries().build();
    }

    public static void main(String[] args) throws Exception {
        Path info = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--info")) {
                info = Path.of(args[++i]);
            }
        }
        if (info == null) {
            throw new IllegalArgumentException("--info FILE is required");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ClientWorker w = new ClientWorker(Json.read(info));
        out.println("{\"ready\":true}");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode cmd = Json.MAPPER.readTree(line);
            ObjectNode result;
            try {
                result = switch (cmd.path("op").asText()) {
                    case "rest" -> w.rest(cmd.path("client").asText(), cmd.path("concurrency").asInt(1),
                            cmd.path("seconds").asDouble(2));
                    case "page" -> w.page(cmd.path("client").asText(), cmd.path("seconds").asDouble(2));
                    case "wsOpen" -> w.wsOpen(cmd.path("client").asText("kalshi4j"));
                    case "wsExpect" -> {
                        w.ws.collector.expect(cmd.path("frames").asInt());
                        yield Json.MAPPER.createObjectNode().put("armed", true);
                    }
                    case "wsAwait" -> w.ws.collector.await(cmd.path("timeoutSeconds").asDouble(30));
                    case "wsClose" -> {
                        w.ws.close();
                        w.ws = null;
                        yield Json.MAPPER.createObjectNode().put("closed", true);
                    }
                    case "quit" -> null;
                    default -> throw new IllegalArgumentException("unknown op " + cmd);
                };
            } catch (Exception e) {
                result = Json.MAPPER.createObjectNode().put("error", e.toString());
            }
            if (result == null) {
                break;
            }
            out.println(Json.MAPPER.writeValueAsString(result));
        }
        if (w.ws != null) {
            w.ws.close();
        }
        w.kalshi.close();
        w.raw.close();
    }

    private ObjectNode wsOpen(String client) throws Exception {
        ws = client.equals("jdk") ? new WsClientRun.Jdk(URI.create(info.get("webSocketUrl").asText()), signer)
                : new WsClientRun.Kalshi4j(kalshi);
        long[] r = ws.open(info.get("sampleTicker").asText());
        return Json.MAPPER.createObjectNode().put("client", client).put("sid", r[0]).put("seq", r[1]);
    }

    private interface Call {
        void run() throws Exception;
    }

    private Call restCall(String client) {
        String path = restUrl.getPath() + "/exchange/status";
        URI uri = restUrl.resolve(path);
        return switch (client) {
            case "kalshi4j" -> () -> {
                ExchangeStatus s = kalshi.exchange().getExchangeStatus();
                if (s.exchangeActive() == null) {
                    throw new IllegalStateException("empty status");
                }
            };
            case "raw" -> () -> {
                RequestSignature sig = RequestSignature.sign(signer, "GET", path, System.currentTimeMillis());
                ClassicRequestBuilder b = ClassicRequestBuilder.get(uri);
                for (Map.Entry<String, String> h : sig.headers().entrySet()) {
                    b.addHeader(h.getKey(), h.getValue());
                }
                ClassicHttpRequest request = b.build();
                byte[] body = raw.execute(request, response -> {
                    if (response.getCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.getCode());
                    }
                    return EntityUtils.toByteArray(response.getEntity());
                });
                if (body.length == 0) {
                    throw new IllegalStateException("empty body");
                }
            };
            default -> throw new IllegalArgumentException("unknown client " + client);
        };
    }

    private Call pageCall(String client) {
        URI uri = URI.create(restUrl + "/markets?limit=1000");
        return switch (client) {
            case "kalshi4j" -> () -> {
                GetMarketsResponse r = kalshi.markets().getMarkets(p -> p.limit(1000L));
                if (r.markets().size() != 1000) {
                    throw new IllegalStateException("page of " + r.markets().size());
                }
            };
            case "raw" -> () -> {
                RequestSignature sig = RequestSignature.sign(signer, "GET", uri.getPath(), System.currentTimeMillis());
                ClassicRequestBuilder b = ClassicRequestBuilder.get(uri);
                sig.headers().forEach(b::addHeader);
                byte[] body = raw.execute(b.build(), response -> EntityUtils.toByteArray(response.getEntity()));
                if (body.length < 1000) {
                    throw new IllegalStateException("short page");
                }
                pageBytes.set(body.length);
            };
            default -> throw new IllegalArgumentException("unknown client " + client);
        };
    }

    private ObjectNode rest(String client, int concurrency, double seconds) throws Exception {
        return loop(restCall(client), concurrency, seconds).put("client", client).put("concurrency", concurrency);
    }

    private ObjectNode page(String client, double seconds) throws Exception {
        ObjectNode out = loop(pageCall(client), 1, seconds).put("client", client);
        if (client.equals("raw")) {
            out.put("pageBytes", pageBytes.get());
        }
        return out;
    }

    /** Runs {@code call} in a closed loop on {@code threads} threads for {@code seconds}; latency per call. */
    private static ObjectNode loop(Call call, int threads, double seconds) throws Exception {
        Latencies[] lat = new Latencies[threads];
        AtomicLong errors = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            Latencies mine = lat[t] = new Latencies();
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = window[1];
                long cpu0 = cpu.getCurrentThreadCpuTime();
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    try {
                        call.run();
                        mine.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpu0);
            }, "bench-" + t);
            workers.add(th);
            th.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        start.countDown();
        for (Thread th : workers) {
            th.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        ObjectNode out = Json.MAPPER.createObjectNode();
        long[] sorted = Latencies.merged(lat);
        Latencies.describe(out, sorted, elapsed);
        out.put("errors", errors.get());
        // CPU time of the calling threads (the classic client does all its work on them): sign, send, read, decode.
        out.put("cpuUsPerCall", cpuNanos.get() / 1e3 / Math.max(1, sorted.length));
        if (firstError.get() != null) {
            out.put("firstError", firstError.get().toString());
        }
        return out;
    }
}
