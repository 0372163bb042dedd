package io.github.kalshi4j.http;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
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
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The default {@link HttpExchange}: Apache HttpClient 5, the classic client for blocking calls and the async
 * client for {@code CompletableFuture} calls. Both are owned here, configured alike (timeouts, a pool of up to
 * {@code maxConnections} each: the two cannot share a connection manager) and closed together; the async client,
 * its pool and its I/O threads start only when first used. HTTP/2 applies to the async client only.
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

    private ConnectionConfig connectionConfig() {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setValidateAfterInactivity(Timeout.ofSeconds(2))
                .build();
    }

    @Override
    public RawResponse send(RawRequest request) throws IOException {
        ensureOpen();
        ClassicRequestBuilder b = ClassicRequestBuilder.create(request.method()).setUri(request.uri());
        request.headers().forEach(b::addHeader);
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
            request.headers().forEach(b::addHeader);
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
