package io.github.kalshi4j.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal {@link HttpExchange} over the JDK's {@link HttpClient}, for tests only: it gives the recorder a real
 * network exchange to wrap without depending on the production transport.
 */
final class JdkHttpExchange implements HttpExchange {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Override
    public RawResponse send(RawRequest request) throws IOException {
        try {
            return convert(client.send(toJdk(request), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted: " + request);
        }
    }

    @Override
    public CompletableFuture<RawResponse> sendAsync(RawRequest request) {
        return client.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofByteArray()).thenApply(JdkHttpExchange::convert);
    }

    @Override
    public void close() {
        // The Java 17 HttpClient has no close; its threads end with the client.
    }

    private static HttpRequest toJdk(RawRequest request) {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout()).method(request.method(), body);
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                b.header(name, value);
            }
        });
        return b.build();
    }

    private static RawResponse convert(HttpResponse<byte[]> response) {
        return new RawResponse(response.statusCode(), response.headers().map(), response.body());
    }
}
