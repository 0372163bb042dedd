package io.github.kalshi4j.http;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultClientConnectionReuseStrategy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ConnectionReuseStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The default {@link HttpExchange}: Apache HttpClient 5, the classic client for blocking calls and the async
 * client for {@code CompletableFuture} calls. Both are owned here, configured alike (timeouts, a pool of up to
 * {@code maxConnections} each: the two cannot share a connection manager) and closed together; the async client,
 * its pool and its I/O threads start only when first used. HTTP/2 applies to the async client only.
 *
 * <p><b>Stale connections.</b> A pooled connection the server has closed fails the next request only after that
 * request was written, when nothing proves the server did not act on it, so a POST could not be retried. Two
 * rules keep such connections out of use: a connection idle for more than 2 seconds is checked before it is reused
 * (HttpClient's {@code validateAfterInactivity}; a check costs up to a millisecond, which is why it is not done on
 * every reuse), and a connection is not kept after an error answer that is not JSON (see
 * {@link #keepsConnection}): that is a server, proxy or gateway refusing the request itself, which commonly closes
 * the connection without announcing it. Kalshi's own error answers are JSON and keep their connection.
 */
public final class ApacheHttpExchange implements HttpExchange {

    private final Duration connectTimeout;
    private final int maxConnections;
    private final boolean http2;
    private final String userAgent;
    private final PoolingHttpClientConnectionManager classicPool;
    private final CloseableHttpClient classic;
    private volatile CloseableHttpAsyncClient async;
    private volatile boolean closed;

    /**
     * Creates the exchange.
     *
     * @param connectTimeout TCP/TLS connect timeout
     * @param maxConnections pool size of each client, blocking and async (total and per route: Kalshi is one host)
     * @param http2 negotiate HTTP/2 on the async client
     * @param userAgent User-Agent header
     */
    public ApacheHttpExchange(Duration connectTimeout, int maxConnections, boolean http2, String userAgent) {
        this.connectTimeout = connectTimeout;
        this.maxConnections = maxConnections;
        this.http2 = http2;
        this.userAgent = userAgent;
        this.classicPool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(connectionConfig())
                .build();
        // Retries and redirects belong to kalshi4j's own policy, so HttpClient's are off.
        this.classic = HttpClients.custom()
                .setConnectionManager(classicPool)
                .setConnectionReuseStrategy(REUSE)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(userAgent)
                .build();
    }

    /**
     * The call's timeout bounds both the wait for a pooled connection (HttpClient's default is three minutes) and
     * the wait for the response. A call that times out waiting for a connection sent nothing, which
     * {@link HttpExchange#isNotSent} recognizes, so even a POST is then safe to retry.
     */
    private static RequestConfig requestConfig(RawRequest request) {
        Timeout timeout = Timeout.of(request.timeout());
        return RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build();
    }

    /** Idle time after which a pooled connection is checked for a server-side close before it is reused. */
    static final Timeout VALIDATE_AFTER_INACTIVITY = Timeout.ofSeconds(2);

    private static final ConnectionReuseStrategy REUSE = ApacheHttpExchange::keepsConnection;

    /**
     * Whether the connection that carried {@code response} goes back to the pool: when HttpClient's default rules
     * say so ({@code Connection: close}, HTTP/1.0, ...) and the answer is not an error without a JSON body. A 4xx
     * or 5xx in HTML or plain text (or with no content type) comes from a server or proxy that refused the request
     * itself, and such servers close the connection right after, often without {@code Connection: close} (Jetty
     * does, for a path with {@code %00}); the next request on it would fail after being written. Opening a new
     * connection after such a rare answer costs little; reusing a dead one can cost an order.
     */
    static boolean keepsConnection(HttpRequest request, HttpResponse response, HttpContext context) {
        if (response.getCode() >= 400 && !isJson(response.getFirstHeader(HttpHeaders.CONTENT_TYPE))) {
            return false;
        }
        return DefaultClientConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context);
    }

    private static boolean isJson(Header contentType) {
        if (contentType == null || contentType.getValue() == null) {
            return false;
        }
        String value = contentType.getValue();
        int semicolon = value.indexOf(';');
        String mediaType = (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private ConnectionConfig connectionConfig() {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                // Idle connections are checked before reuse: servers and load balancers close idle ones.
                .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                .build();
    }

    @Override
    public RawResponse send(RawRequest request) throws IOException {
        ensureOpen();
        ClassicRequestBuilder b = ClassicRequestBuilder.create(request.method()).setUri(request.uri());
        request.headers().forEach((name, value) -> b.addHeader(header(name, value)));
        if (request.body() != null) {
            b.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
        }
        ClassicHttpRequest classicRequest = b.build();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig(request));
        return classic.execute(classicRequest, context, response -> {
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
            return new RawResponse(response.getCode(), headers(response.getHeaders()), body);
        });
    }

    @Override
    public CompletableFuture<RawResponse> sendAsync(RawRequest request) {
        CompletableFuture<RawResponse> result = new CompletableFuture<>();
        try {
            ensureOpen();
            SimpleRequestBuilder b = SimpleRequestBuilder.create(request.method()).setUri(request.uri());
            request.headers().forEach((name, value) -> b.addHeader(header(name, value)));
            if (request.body() != null) {
                b.setBody(request.body(), ContentType.APPLICATION_JSON);
            }
            b.setRequestConfig(requestConfig(request));
            SimpleHttpRequest simple = b.build();
            Future<SimpleHttpResponse> exchange = asyncClient().execute(SimpleRequestProducer.create(simple),
                    SimpleResponseConsumer.create(), null,
                    new FutureCallback<SimpleHttpResponse>() {
                        @Override
                        public void completed(SimpleHttpResponse r) {
                            byte[] body = r.getBodyBytes();
                            result.complete(new RawResponse(r.getCode(), headers(r.getHeaders()), body));
                        }

                        @Override
                        public void failed(Exception ex) {
                            result.completeExceptionally(ex);
                        }

                        @Override
                        public void cancelled() {
                            result.completeExceptionally(new IOException("request cancelled"));
                        }
                    });
            // Cancelling the returned future aborts the exchange (and frees its connection) instead of letting it
            // run to completion unobserved.
            result.whenComplete((r, e) -> {
                if (result.isCancelled()) {
                    exchange.cancel(true);
                }
            });
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private CloseableHttpAsyncClient asyncClient() throws IOException {
        CloseableHttpAsyncClient a = async;
        if (a == null) {
            synchronized (this) {
                ensureOpen();
                a = async;
                if (a == null) {
                    PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(maxConnections)
                            .setMaxConnPerRoute(maxConnections)
                            .setDefaultConnectionConfig(connectionConfig())
                            .build();
                    a = HttpAsyncClients.custom()
                            .setConnectionManager(pool)
                            .setConnectionReuseStrategy(REUSE)
                            .setVersionPolicy(http2 ? HttpVersionPolicy.NEGOTIATE : HttpVersionPolicy.FORCE_HTTP_1)
                            .setIOReactorConfig(IOReactorConfig.custom()
                                    .setIoThreadCount(Math.max(1, Runtime.getRuntime().availableProcessors() / 2))
                                    .setSoTimeout(Timeout.ofMinutes(5))
                                    .build())
                            .disableAutomaticRetries()
                            .disableRedirectHandling()
                            .disableCookieManagement()
                            .setUserAgent(userAgent)
                            .build();
                    a.start();
                    async = a;
                }
            }
        }
        return a;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new NotSentException("the kalshi4j client is closed", null);
        }
    }

    /** Headers whose values HttpClient's own debug logging must not print: the signature and credentials. */
    private static final Set<String> MASKED_IN_LOGS = Set.of("kalshi-access-signature", "authorization",
            "proxy-authorization", "cookie");

    /**
     * A request header for HttpClient. HttpClient's {@code org.apache.hc.client5.http.headers} logger prints
     * headers with {@code toString()} at DEBUG, while what goes on the wire comes from {@code getName()} and
     * {@code getValue()}; a secret header is therefore handed over as a {@link LogMaskedHeader}, which prints
     * {@code KALSHI-ACCESS-SIGNATURE: <masked>} and sends the real value. (The {@code .wire} logger prints raw
     * bytes and cannot be masked this way; nor can HTTP/2 frames, whose headers HttpClient copies.)
     */
    private static Header header(String name, String value) {
        return MASKED_IN_LOGS.contains(name.toLowerCase(Locale.ROOT))
                ? new LogMaskedHeader(name, value) : new BasicHeader(name, value);
    }

    /** A header whose {@code toString()}, what HttpClient's header log prints, hides its value. */
    static final class LogMaskedHeader extends BasicHeader {
        private static final long serialVersionUID = 1L;

        LogMaskedHeader(String name, String value) {
            super(name, value);
        }

        @Override
        public String toString() {
            return getName() + ": <masked>";
        }
    }

    private static Map<String, List<String>> headers(Header[] headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header h : headers) {
            map.computeIfAbsent(h.getName(), k -> new ArrayList<>(1)).add(h.getValue());
        }
        return map;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        classic.close(CloseMode.GRACEFUL);
        CloseableHttpAsyncClient a = async;
        if (a != null) {
            a.close(CloseMode.GRACEFUL);
        }
    }
}
